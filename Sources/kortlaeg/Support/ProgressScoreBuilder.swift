import Foundation
import ArgumentParser
import KortlaegDomain
import KortlaegProgress

/// Builds the per-score analysis settings from the instrument data and the command's options.
/// Constants come from the instrument's norm data or the user, never from code.
struct ProgressScoreBuilder {
    let instrument: Instrument
    let language: Language
    let bandTableID: String?
    let normSetID: String?
    let reliabilities: [String: Double]
    let standardDeviations: [String: Double]
    let sdFromBaseline: Bool
    let cutoffLevel: Int
    let includeUnverified: Bool

    /// Parses `score=value` options, accepting a score id or its variable name.
    static func parseAssignments(_ options: [String], flag: String, instrument: Instrument) throws -> [String: Double] {
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
        var result: [String: Double] = [:]
        for option in options {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1].replacingOccurrences(of: ",", with: ".")) else {
                throw ValidationError("\(flag) '\(option)' must be SCORE=NUMBER, e.g. \(flag) pebdtot=0.80.")
            }
            guard let score = scorer.scores.first(where: { $0.id == parts[0] || $0.variable == parts[0] }) else {
                let names = scorer.scores.map(\.variable)
                let hint = closestMatch(to: parts[0], in: names).map { " Did you mean '\($0)'?" } ?? ""
                throw ValidationError("\(flag): \(instrument.reference) has no score '\(parts[0])'.\(hint)")
            }
            result[score.id] = value
        }
        return result
    }

    func build() throws -> (scores: [ProgressScore], notes: [String]) {
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: includeUnverified))
        let lookup = BandLookup(instrument: instrument)
        let table: BandTable?
        if let bandTableID {
            guard let found = lookup.tables.first(where: { $0.id == bandTableID || $0.columnSuffix == bandTableID }) else {
                throw ValidationError("\(instrument.reference) has no band table '\(bandTableID)'; it has \(lookup.tables.map(\.id).joined(separator: ", ")).")
            }
            table = found
        } else {
            table = lookup.tables.first
        }
        let norms: NormSet?
        if let normSetID {
            guard let found = instrument.normSets?.first(where: { $0.id == normSetID }) else {
                throw ValidationError("\(instrument.reference) has no norm set '\(normSetID)'; it has \((instrument.normSets ?? []).map(\.id).joined(separator: ", ")).")
            }
            norms = found
        } else {
            norms = instrument.normSets?.first
        }
        var notes: [String] = []
        if let table { notes.append("bands: \(table.id) (\(table.normSet)); cut-off: band level ≥ \(cutoffLevel)") }
        let scores = scorer.scores.filter { $0.verified || includeUnverified }.map { definition -> ProgressScore in
            let bands = table?.scores[definition.id].map { entry in entry.bands.map { ($0, lookup.label(of: $0, language: language)) } }
            let scoreNorms = norms?.scores[definition.id]
            let reliability: Double?
            let reliabilitySource: String
            if let value = reliabilities[definition.id] {
                reliability = value
                reliabilitySource = "given with --reliability"
            } else if let value = scoreNorms?.reliability, let norms {
                reliability = value
                reliabilitySource = "norm set \(norms.id) (\(norms.source))"
            } else {
                reliability = nil
                reliabilitySource = "not entered in the instrument data; give --reliability \(definition.variable)=R"
            }
            let sd: ProgressScore.StandardDeviationSource
            if let value = standardDeviations[definition.id] {
                sd = .fixed(value, source: "given with --sd")
            } else if sdFromBaseline {
                sd = .baseline
            } else if let value = scoreNorms?.sd, let norms {
                sd = .fixed(value, source: "norm set \(norms.id)")
            } else if let bySex = scoreNorms?.bySex, let norms {
                var values: [String: Double] = [:]
                for (sex, entry) in bySex { if let value = entry.sd { values[sex] = value } }
                sd = .bySex(values, source: "norm set \(norms.id), by sex")
            } else {
                sd = .unavailable(reason: "no norm SD for \(definition.variable); give --sd \(definition.variable)=SD or --sd-from-baseline")
            }
            return ProgressScore(definition: definition, bands: bands, bandTable: table?.id, cutoffLevel: cutoffLevel,
                                 reliability: reliability, reliabilitySource: reliabilitySource, standardDeviation: sd)
        }
        return (scores, notes)
    }
}

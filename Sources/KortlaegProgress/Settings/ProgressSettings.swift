import Foundation
import KortlaegDomain
import KortlaegStatistics

/// The analysis settings of a progress run: which band table and norm set, the constants of the
/// reliable change index, the cut-off, and whether unverified scores are included.
///
/// Constants come from the instrument's norm data or from the user, never from code. ``scores(for:language:)``
/// turns the settings into one ``ProgressScore`` per score of the instrument.
public struct ProgressSettings: Hashable, Sendable {
    /// A constant given for one score, e.g. `pebdtot=0.80`.
    public struct Assignment: Hashable, Sendable {
        /// The score: its id (`ebdtot`) or its output variable (`pebdtot`).
        public var score: String
        /// The value.
        public var value: Double

        /// Creates an assignment.
        public init(score: String, value: Double) {
            self.score = score
            self.value = value
        }
    }

    /// The two constants a user can give per score.
    public enum Constant: String, Hashable, Sendable {
        /// The reliability r of the reliable change index (`--reliability`).
        case reliability
        /// The standard deviation of the reliable change index (`--sd`).
        case standardDeviation

        /// The option that gives it.
        public var option: String {
            switch self {
            case .reliability: "--reliability"
            case .standardDeviation: "--sd"
            }
        }
    }

    /// The band table for transitions and the cut-off: its id or column suffix (nil: the instrument's first).
    public var bandTableID: String?
    /// The norm set for the RCI constants (`--norm-set`; nil: none; a norm set is used only when chosen).
    public var normSetID: String?
    /// Reliabilities given by the user; the last one for a score wins.
    public var reliabilities: [Assignment]
    /// Standard deviations given by the user; they override the norm SDs.
    public var standardDeviations: [Assignment]
    /// Use the SD of the earlier occasion's scores in the analysed sample.
    public var sdFromBaseline: Bool
    /// Band level counted as above the cut-off (2 = abnormal/high).
    public var cutoffLevel: Int
    /// Include scores whose item membership is not verified.
    public var includeUnverified: Bool
    /// Take each score's reliability from the data: Cronbach's alpha of its items in the T1 sample
    /// (`--reliability sample`; the project default with at least 50 complete T1 responses).
    public var reliabilityFromSample: Bool = false

    /// Creates settings; the defaults use the instrument's first band table and norm set.
    public init(bandTableID: String? = nil, normSetID: String? = nil, reliabilities: [Assignment] = [],
                standardDeviations: [Assignment] = [], sdFromBaseline: Bool = false, cutoffLevel: Int = 2,
                includeUnverified: Bool = false) {
        self.bandTableID = bandTableID
        self.normSetID = normSetID
        self.reliabilities = reliabilities
        self.standardDeviations = standardDeviations
        self.sdFromBaseline = sdFromBaseline
        self.cutoffLevel = cutoffLevel
        self.includeUnverified = includeUnverified
    }

    /// Parses `SCORE=NUMBER` texts as a user writes them (`pebdtot=0.80`; a decimal comma is accepted).
    /// - Throws: ``ProgressSettingsError/malformedAssignment(_:text:)``.
    public static func assignments(_ texts: [String], of constant: Constant) throws(ProgressSettingsError) -> [Assignment] {
        try texts.map { text throws(ProgressSettingsError) in
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty,
                  let value = Double(parts[1].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
            else { throw .malformedAssignment(constant, text: text) }
            return Assignment(score: parts[0].trimmingCharacters(in: .whitespaces), value: value)
        }
    }

    /// The analysed scores of `instrument` with their bands and RCI constants, and a note on the
    /// bands used.
    /// - Parameter language: the language of the band labels.
    /// - Throws: ``ProgressSettingsError`` when a band table, norm set or score named in the
    ///   settings does not exist, or the instrument cannot be scored.
    /// - Parameter sample: the T1 sample's alphas; used for every score without a reliability given
    ///   by the user, in place of the norm set's (a score with no item-level alpha gets no RCI).
    public func scores(for instrument: Instrument, language: Language, sample: SampleReliability? = nil) throws(ProgressSettingsError)
        -> (scores: [ProgressScore], notes: [ProgressNote]) {
        let all: [ScoreDefinition]
        do {
            all = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true)).scores
        } catch {
            throw .unscorableInstrument(instrument: instrument.reference.description, reason: "\(error)")
        }
        let reliabilities = try resolve(self.reliabilities, of: .reliability, in: all, instrument: instrument)
        let standardDeviations = try resolve(self.standardDeviations, of: .standardDeviation, in: all, instrument: instrument)
        let lookup = BandLookup(instrument: instrument)
        let table: BandTable?
        if let bandTableID {
            guard let found = lookup.tables.first(where: { $0.id == bandTableID || $0.columnSuffix == bandTableID }) else {
                throw .unknownBandTable(instrument: instrument.reference.description, id: bandTableID,
                                        available: lookup.tables.map(\.id))
            }
            table = found
        } else {
            table = lookup.tables.first
        }
        let norms: NormSet?
        if let normSetID {
            guard let found = instrument.normSets?.first(where: { $0.id == normSetID }) else {
                throw .unknownNormSet(instrument: instrument.reference.description, id: normSetID,
                                      available: (instrument.normSets ?? []).map(\.id))
            }
            norms = found
        } else {
            // A norm set is used only when chosen: the shipped ones are known only from secondary
            // sources (verified: false), and an RCI should not rest on them unasked.
            norms = nil
        }
        var notes: [ProgressNote] = []
        if let table { notes.append(.bands(table: table.id, normSet: table.normSetText, cutoffLevel: cutoffLevel)) }
        if let norms { notes.append(.normSet(id: norms.id, source: norms.sourceText, verified: norms.verified)) }
        let scores = all.filter { $0.verified || includeUnverified }.map { definition -> ProgressScore in
            let bands = table?.scores[definition.id].map { entry in entry.bands.map { ($0, lookup.label(of: $0, language: language)) } }
            let scoreNorms = norms?.scores[definition.id]
            let reliability: Double?
            let reliabilitySource: String
            if let value = reliabilities[definition.id] {
                reliability = value
                reliabilitySource = "given with \(Constant.reliability.option)"
            } else if let sample {
                switch sample.estimates[definition.id] {
                case let .alpha(alpha, lower, upper)?:
                    reliability = alpha.alpha
                    reliabilitySource = "Cronbach's alpha from the T1 sample, n = \(alpha.count), \(alpha.items) items "
                        + "(95 % CI \(Self.decimal(lower)) to \(Self.decimal(upper)), Feldt)"
                case let .unavailable(reason)?:
                    reliability = nil
                    reliabilitySource = reason
                case nil:
                    reliability = nil
                    reliabilitySource = "\(definition.variable) has no items in the T1 sample; no item-level alpha"
                }
            } else if let value = scoreNorms?.reliability, let norms {
                reliability = value
                reliabilitySource = "norm set \(norms.id) (\(norms.source))"
            } else {
                reliability = nil
                reliabilitySource = "not entered in the instrument data; give \(Constant.reliability.option) \(definition.variable)=R"
            }
            let sd: ProgressScore.StandardDeviationSource
            if let value = standardDeviations[definition.id] {
                sd = .fixed(value, source: "given with \(Constant.standardDeviation.option)")
            } else if sdFromBaseline {
                sd = .baseline
            } else if let value = scoreNorms?.sd, let norms {
                sd = .fixed(value, source: "norm set \(norms.id)" + (norms.verified ? "" : ", not verified"))
            } else if let bySex = scoreNorms?.bySex, let norms {
                var values: [String: Double] = [:]
                for (sex, entry) in bySex { if let value = entry.sd { values[sex] = value } }
                sd = .bySex(values, source: "norm set \(norms.id), by sex" + (norms.verified ? "" : ", not verified"))
            } else {
                sd = .unavailable(reason: "no norm SD for \(definition.variable); give \(Constant.standardDeviation.option) "
                                  + "\(definition.variable)=SD or --sd-from-baseline"
                                  + (norms == nil && !(instrument.normSets ?? []).isEmpty
                                     ? ", or choose a norm set with --norm-set (\((instrument.normSets ?? []).map(\.id).joined(separator: ", ")))" : ""))
            }
            var score = ProgressScore(definition: definition, bands: bands, bandTable: table?.id, cutoffLevel: cutoffLevel,
                                      reliability: reliability, reliabilitySource: reliabilitySource, standardDeviation: sd)
            score.reliabilityFromSample = reliabilities[definition.id] == nil && sample != nil
            if reliability != nil {
                if reliabilities[definition.id] != nil {
                    score.reliabilityOrigin = .given
                } else if case let .alpha(alpha, lower, upper)? = sample?.estimates[definition.id] {
                    score.reliabilityOrigin = .sampleAlpha(n: alpha.count, items: alpha.items, lower: lower, upper: upper)
                } else if let norms {
                    score.reliabilityOrigin = .normSet(id: norms.id, verified: norms.verified)
                }
            }
            switch sd {
            case .fixed, .bySex:
                score.standardDeviationOrigin = standardDeviations[definition.id] != nil ? .given
                    : norms.map { .normSet(id: $0.id, verified: $0.verified) }
            case .baseline: score.standardDeviationOrigin = .baseline
            case .unavailable: break
            }
            return score
        }
        return (scores, notes)
    }

    /// Three decimals, half up, with a decimal point (for the source text).
    private static func decimal(_ value: Double) -> String {
        let scaled = (value * 1000 + 0.5).rounded(.down) / 1000
        return String(format: "%.3f", scaled)
    }

    /// Score id → value, for assignments naming a score by id or variable; the last one wins.
    private func resolve(_ assignments: [Assignment], of constant: Constant, in scores: [ScoreDefinition],
                         instrument: Instrument) throws(ProgressSettingsError) -> [String: Double] {
        var result: [String: Double] = [:]
        for assignment in assignments {
            guard let score = scores.first(where: { $0.id == assignment.score || $0.variable == assignment.score }) else {
                throw .unknownScore(constant, instrument: instrument.reference.description, name: assignment.score,
                                    suggestion: closestMatch(to: assignment.score, in: scores.map(\.variable)))
            }
            result[score.id] = assignment.value
        }
        return result
    }
}

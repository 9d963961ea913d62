import Foundation
import KortlaegDomain

/// Reads a file written by `kortlaeg score` (id, score variables, band columns, status) back into
/// per-child observations. Rows with status `rejected` carry no scores and are counted.
public struct ScoredFileReader {
    /// The observations, the number of rejected rows skipped, and the columns kept as attributes.
    public struct Result: Sendable {
        public var observations: [ChildObservation]
        public var rejectedRows: Int
        public var attributeColumns: [String]
    }

    /// Reads `path` scored with `instrument`; values are keyed by the score ids of `target`
    /// (the same instrument, or another version linked through declared equivalence keys).
    /// - Throws: ``ScoreJobError`` when the id column is absent or no score column matches.
    public static func read(path: String, instrument: Instrument, target: Instrument, idColumn: String?) throws -> Result {
        let reader = try CSVReader(path: path)
        let header = reader.header.map { $0.trimmingCharacters(in: [" ", "\u{FEFF}"]) }
        guard !header.isEmpty else { throw ScoreJobError.emptyFile(file: path) }
        let idIndex: Int
        if let idColumn {
            guard let index = header.firstIndex(where: { $0.lowercased() == idColumn.lowercased() }) else {
                throw ScoreJobError.missingIDColumn(file: path, name: idColumn, suggestion: closestMatch(to: idColumn, in: header))
            }
            idIndex = index
        } else {
            idIndex = 0
        }
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
        let targetScorer = try Scorer(instrument: target, options: ScoringOptions(includeUnverifiedScores: true))
        // Column → target score id, through equal ids (same instrument) or equivalence keys.
        var scoreColumns: [Int: String] = [:]
        for score in scorer.scores {
            guard let column = header.firstIndex(where: { $0.lowercased() == score.variable.lowercased() }) else { continue }
            if instrument.reference == target.reference {
                scoreColumns[column] = score.id
            } else if let key = score.equivalenceKey, let match = targetScorer.scores.first(where: { $0.equivalenceKey == key }) {
                scoreColumns[column] = match.id
            }
        }
        guard !scoreColumns.isEmpty else {
            throw ScoreJobError.noItemColumns(file: path, instrument: instrument.reference.description,
                                              example: scorer.scores.prefix(3).map(\.variable))
        }
        let variables = Set(scorer.scores.map { $0.variable.lowercased() })
        let statusIndex = header.firstIndex(of: "status")
        let attributeIndices = header.indices.filter { index in
            guard index != idIndex, index != statusIndex, scoreColumns[index] == nil else { return false }
            let name = header[index].lowercased()
            // Band columns (<variable>_<suffix>) and unmatched score columns are not attributes.
            if variables.contains(name) { return false }
            if let underscore = name.lastIndex(of: "_"), variables.contains(String(name[..<underscore])) { return false }
            return true
        }
        var observations: [ChildObservation] = []
        var rejected = 0
        while let record = try reader.next() {
            if let statusIndex, record[safe: statusIndex] == "rejected" {
                rejected += 1
                continue
            }
            var values: [String: Double] = [:]
            for (column, id) in scoreColumns {
                if let text = record[safe: column], let value = Double(text.replacingOccurrences(of: ",", with: ".")) {
                    values[id] = value
                }
            }
            var attributes: [String: String] = [:]
            for index in attributeIndices { attributes[header[index]] = record[safe: index] ?? "" }
            observations.append(ChildObservation(id: record[safe: idIndex] ?? "", attributes: attributes, values: values))
        }
        return Result(observations: observations, rejectedRows: rejected, attributeColumns: attributeIndices.map { header[$0] })
    }
}

import Foundation
import KortlaegDomain

/// Scores a CSV file of responses into a CSV file of scores, streaming row by row.
///
/// Each input row is validated against the instrument; a row with an invalid answer is not
/// scored: it keeps its place in the output with status `rejected` and every problem goes to
/// the rejects report (row, line, column, value, expectation). Memory does not grow with the
/// number of rows.
public struct ScoreJob {
    /// What to score and how.
    public struct Configuration {
        public var inputPath: String
        public var instrument: Instrument
        public var options: ScoringOptions
        public var idColumn: String?
        public var language: Language
        public var delimiter: CSVDelimiter?
        public var encoding: TextEncodingKind?
        /// Input columns copied to the output after the id (e.g. class, school, sex for grouping).
        public var keepColumns: [String] = []

        public init(inputPath: String, instrument: Instrument, options: ScoringOptions = ScoringOptions(),
                    idColumn: String? = nil, language: Language = .english, delimiter: CSVDelimiter? = nil,
                    encoding: TextEncodingKind? = nil) {
            self.inputPath = inputPath
            self.instrument = instrument
            self.options = options
            self.idColumn = idColumn
            self.language = language
            self.delimiter = delimiter
            self.encoding = encoding
        }
    }

    /// One reason a row was rejected.
    public struct Rejection: Sendable, Equatable {
        public var row: Int
        public var line: Int
        public var column: String
        public var value: String?
        public var reason: String
    }

    /// Counts and notes of a finished run.
    public struct Summary: Sendable {
        public var rowsRead = 0
        public var rowsComplete = 0
        public var rowsIncomplete = 0
        public var rowsRejected = 0
        public var dialect = ""
        public var warnings: [String] = []
        public var ruleChoices: [String: String] = [:]
        public var bandTables: [String] = []
        public var rowsScored: Int { rowsComplete + rowsIncomplete }
    }

    let configuration: Configuration

    /// Creates a job.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The header of the score output for this instrument (``ScoreFileFormat/header(scorer:bands:idName:keptColumns:)``).
    public static func outputHeader(scorer: Scorer, bands: BandLookup, idName: String) -> [String] {
        ScoreFileFormat.header(scorer: scorer, bands: bands, idName: idName)
    }

    /// Runs the job.
    /// - Parameters:
    ///   - output: receives the score rows (header first).
    ///   - rejected: receives each rejection as it is found.
    ///   - progress: called every 10,000 rows with the number of rows read.
    /// - Throws: ``ScoreJobError``, ``CSVError`` or ``ScoringOptionError`` when the file cannot be
    ///   read at all; nothing is half-done in that case except rows already handed to `output`.
    public func run(output: CSVWriter, rejected: (Rejection) throws -> Void,
                    progress: (Int) -> Void = { _ in }) throws -> Summary {
        let instrument = configuration.instrument
        let scorer = try Scorer(instrument: instrument, options: configuration.options)
        let parser = AnswerParser(instrument: instrument)
        let bands = BandLookup(instrument: instrument)
        let reader = try CSVReader(path: configuration.inputPath, delimiter: configuration.delimiter,
                                   encoding: configuration.encoding)
        let file = configuration.inputPath
        if reader.header.isEmpty { throw ScoreJobError.emptyFile(file: file) }
        let columns = try ScoreColumns(header: reader.header, instrument: instrument,
                                       idColumn: configuration.idColumn, file: file)
        var summary = Summary()
        summary.dialect = reader.dialect.description
        summary.ruleChoices = scorer.ruleChoices
        summary.bandTables = bands.tables.map { "\($0.columnSuffix) = \($0.id) (\($0.normSet))" }
        let scoredItems = Set(instrument.scales.flatMap { $0.items + ($0.conditions ?? []).map(\.when.item) })
        for item in columns.missingItems where scoredItems.contains(item.id) {
            summary.warnings.append("column '\(item.variable)' (item \(item.position.map(String.init) ?? item.id)) is not in the file; its answers count as unanswered")
        }
        for (name, suggestion) in columns.unknownColumns where suggestion != nil {
            summary.warnings.append("column '\(name)' is not an item of \(instrument.reference). Did you mean '\(suggestion!)'?")
        }
        for score in scorer.scores where !score.verified && configuration.options.includeUnverifiedScores {
            summary.warnings.append("score '\(score.variable)' uses an unverified item membership (opted in)")
        }

        let idName = reader.header[columns.idColumn].trimmingCharacters(in: [" ", "\u{FEFF}"])
        let trimmedHeader = reader.header.map { $0.trimmingCharacters(in: [" ", "\u{FEFF}"]).lowercased() }
        let keptIndices = try configuration.keepColumns.map { name in
            guard let index = trimmedHeader.firstIndex(of: name.lowercased()) else {
                throw ScoreJobError.missingIDColumn(file: file, name: name, suggestion: closestMatch(to: name, in: reader.header))
            }
            return index
        }
        let header = ScoreFileFormat.header(scorer: scorer, bands: bands, idName: idName,
                                            keptColumns: keptIndices.map { reader.header[$0].trimmingCharacters(in: [" ", "\u{FEFF}"]) })
        try output.write(header)
        // One entry per band column, in header order: the score's output index and its bands with labels.
        let bandColumns: [BandColumn] = scorer.scores.enumerated().flatMap { index, score in
            bands.tables.compactMap { table in
                table.scores[score.id].map { entry in
                    BandColumn(score: index, bands: entry.bands.map { ($0, bands.label(of: $0, language: configuration.language)) })
                }
            }
        }
        let bandColumnCount = bandColumns.count
        var answers = [AnswerValue?](repeating: nil, count: parser.itemCount)
        var row: [String] = []
        row.reserveCapacity(2 + keptIndices.count + scorer.scores.count + bandColumnCount)

        while let record = try reader.next() {
            summary.rowsRead += 1
            if summary.rowsRead % 10_000 == 0 { progress(summary.rowsRead) }
            let id = record[safe: columns.idColumn] ?? ""
            var problems: [Rejection] = []
            do {
                try reader.checkFieldCount(record)
            } catch {
                problems.append(Rejection(row: record.number, line: record.line, column: "(row)", value: nil,
                                          reason: "the row has \(record.fields.count) fields but the header has \(reader.header.count)"))
            }
            if problems.isEmpty {
                for (itemIndex, column) in columns.itemColumns.enumerated() {
                    guard let column, column < record.fields.count else {
                        answers[itemIndex] = nil
                        continue
                    }
                    do {
                        answers[itemIndex] = try parser.parse(record.fields[column][...], item: itemIndex)
                    } catch {
                        problems.append(Rejection(row: record.number, line: record.line, column: error.variable,
                                                  value: error.value, reason: "expected \(error.expected)"))
                        answers[itemIndex] = nil
                    }
                }
            }
            row.removeAll(keepingCapacity: true)
            row.append(id)
            for index in keptIndices { row.append(record[safe: index] ?? "") }
            if !problems.isEmpty {
                summary.rowsRejected += 1
                for problem in problems { try rejected(problem) }
                row.append(contentsOf: repeatElement("", count: scorer.scores.count + bandColumnCount))
                row.append(ScoreFileFormat.Status.rejected.rawValue)
                try output.write(row)
                continue
            }
            let scores = scorer.score(answers)
            var complete = true
            for (index, value) in scores.values.enumerated() {
                row.append(value.map(formatScore) ?? "")
                if value == nil, scorer.scores[index].verified || configuration.options.includeUnverifiedScores {
                    complete = false
                }
            }
            for column in bandColumns {
                row.append(column.label(for: scores.values[column.score]))
            }
            row.append((complete ? ScoreFileFormat.Status.complete : .incomplete).rawValue)
            if complete { summary.rowsComplete += 1 } else { summary.rowsIncomplete += 1 }
            try output.write(row)
        }
        try output.flush()
        return summary
    }
}

/// A band column of the output, precomputed so the per-row work is a short scan.
struct BandColumn {
    var score: Int
    var bands: [(band: BandTable.Band, label: String)]

    func label(for value: Double?) -> String {
        guard let value else { return "" }
        for entry in bands where entry.band.contains(value) { return entry.label }
        return ""
    }
}

/// A score as text: whole numbers without decimals, others in the shortest exact form.
public func formatScore(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

import Foundation
import KortlaegDomain
import KortlaegReaders

/// Scores a CSV file (or one sheet of an Excel workbook) of responses into a CSV file of scores
/// (`kortlaeg score`), streaming row by row: memory does not grow with the file.
///
/// A row with an invalid answer is not scored: it keeps its place with status `rejected` and each
/// problem goes to the rejects report. The output is written to a temporary file and moved into
/// place only when the whole input was read, so a failed run never leaves half a file.
public enum ScoreFile {
    /// Where the score rows go.
    public enum Output {
        /// A file, replaced only when the run succeeds.
        case file(String)
        /// An open handle such as `FileHandle.standardOutput`; rows are written as they are scored.
        case handle(FileHandle)
    }

    /// The separators and encoding of the input and the output, checked when made (so a front
    /// end can refuse a wrong value before anything is loaded).
    public struct CSVOptions: Sendable {
        let delimiter: CSVDelimiter?
        let encoding: TextEncodingKind?
        let outputDelimiter: CSVDelimiter

        /// Detected input separator and encoding; comma-separated output.
        public init() {
            delimiter = nil
            encoding = nil
            outputDelimiter = .comma
        }

        /// Checks the options as a user names them.
        /// - Parameters:
        ///   - delimiter: the input separator: `comma`, `semicolon`, `tab` or one character (nil: detected).
        ///   - encoding: `utf-8`, `utf-16le`, `utf-16be` or `windows-1252` (nil: detected).
        ///   - outputDelimiter: `comma` or `semicolon`.
        /// - Throws: ``KortlaegError`` with ``Severity/usage`` naming the first unknown value.
        public init(delimiter: String? = nil, encoding: String? = nil, outputDelimiter: String = "comma") throws(KortlaegError) {
            if let delimiter, CSVDelimiter(delimiter) == nil {
                throw KortlaegError(.usage, "Unknown --delimiter '\(delimiter)'. Please use comma, semicolon or tab.")
            }
            if let encoding, TextEncodingKind(name: encoding) == nil {
                throw KortlaegError(.usage, "Unknown --encoding '\(encoding)'. Please use utf-8, utf-16le, utf-16be or windows-1252.")
            }
            guard let output = CSVDelimiter(outputDelimiter) else {
                throw KortlaegError(.usage, "Unknown --output-delimiter '\(outputDelimiter)'. Please use comma or semicolon.")
            }
            self.delimiter = delimiter.flatMap(CSVDelimiter.init)
            self.encoding = encoding.flatMap { TextEncodingKind(name: $0) }
            self.outputDelimiter = output
        }
    }

    /// What to score and how.
    public struct Request {
        /// The CSV file of responses.
        public var input: String
        /// The instrument as `ID` or `ID@VERSION`.
        public var instrument: String
        /// The instrument definitions.
        public var instruments: InstrumentCatalog
        /// Where the scores go.
        public var output: Output
        /// The rejects report; nil: `OUTPUT-rejects.csv` next to an output file, or located
        /// messages through the sink when the output is a handle.
        public var rejects: String?
        /// The id column passed through (nil: the first column).
        public var idColumn: String?
        /// Other input columns copied to the output after the id (e.g. class, school, sex).
        public var keepColumns: [String] = []
        /// `--site NAME`: the site (municipality) of every row, written as the `site` column.
        public var site: String?
        /// `--column site=HEADER`: the input column holding each row's site (nil: a column named
        /// site, kommune, municipality or sted, when there is one).
        public var siteColumn: String?
        /// `--sheet NAME`: the sheet of an Excel workbook (nil: the first).
        public var sheet: String?
        /// `--missing-codes`: values read as unanswered in every item column (never an answer,
        /// never a rejection).
        public var missingCodes: [MissingCode] = []
        /// The language of the band labels.
        public var language: Language
        /// Rule choices and opt-ins.
        public var scoring: ScoringOptions
        /// The separators and encoding.
        public var csv = CSVOptions()
        /// Write cells as they are; by default a cell a spreadsheet would run as a formula gets a
        /// leading `'` (see ``CSVCellPolicy``).
        public var raw = false
        /// Scoring threads (nil: one per core; 1: sequential). The output is the same byte for byte.
        package var threads: Int?
        /// Records per chunk handed to a scoring thread (nil: the default; tests use small chunks).
        package var chunkRows: Int?

        /// Creates a request; the remaining properties have their defaults.
        public init(input: String, instrument: String, instruments: InstrumentCatalog, output: Output,
                    rejects: String? = nil, language: Language = .english, scoring: ScoringOptions = ScoringOptions()) {
            self.input = input
            self.instrument = instrument
            self.instruments = instruments
            self.output = output
            self.rejects = rejects
            self.language = language
            self.scoring = scoring
        }
    }

    /// What a finished run did.
    public struct Result: Sendable {
        /// The instrument scored.
        public var instrument: InstrumentReference
        /// The input's dialect as detected or given (separator, encoding).
        public var dialect: String
        /// The rule choices in force, defaults included.
        public var ruleChoices: [String: String]
        /// The band tables used, `suffix = id (norm set)`.
        public var bandTables: [String]
        /// Warnings (missing item columns, misspelt columns, opted-in unverified scores).
        public var warnings: [String]
        /// Data rows read.
        public var rowsRead: Int
        /// Rows with every score computed.
        public var rowsComplete: Int
        /// Rows with some score missing under the missing-data rules.
        public var rowsIncomplete: Int
        /// Rows not scored because of an invalid answer.
        public var rowsRejected: Int
        /// Answers given as a missing code (read as unanswered).
        public var missingAnswers = 0
        /// The rejects report written, if any (nil: none, or the problems went through the sink).
        public var rejectsPath: String?
        /// ``Severity/rowsRejected`` when rows were rejected, else ``Severity/success``.
        public var severity: Severity

        /// Rows scored, complete or not.
        public var rowsScored: Int { rowsComplete + rowsIncomplete }
    }

    /// Scores `request.input`. Reports the dialect, the rules, the band tables, the warnings and
    /// the counts through `sink`, as `kortlaeg score` prints them.
    /// - Returns: the counts and the severity (rows rejected or not).
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for an unknown instrument or rule choice; ``Severity/notFound`` when the input does not exist;
    ///   ``Severity/invalidInput`` when it cannot be read as a whole; ``Severity/cannotWrite``
    ///   when an output cannot be written. Nothing is left behind in those cases.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        guard FileManager.default.fileExists(atPath: request.input) else {
            throw KortlaegError(.notFound, "\(request.input): no such file.")
        }
        let instrument: Instrument
        do { instrument = try request.instruments.resolve(request.instrument) } catch {
            throw KortlaegError(.usage, "\(error)")
        }
        var configuration = ScoreJob.Configuration(
            inputPath: request.input, instrument: instrument, options: request.scoring, idColumn: request.idColumn,
            language: request.language, delimiter: request.csv.delimiter, encoding: request.csv.encoding)
        configuration.keepColumns = request.keepColumns
        if let site = request.site {
            if let problem = SiteName.problem(site) { throw KortlaegError(.usage, "--site '\(site)': \(problem).") }
            if CPRNumber.containsCPR(site) { throw KortlaegError(.usage, "--site: \(CPRGuard.Refusal(what: "site name")).") }
            configuration.site = site
        }
        configuration.siteColumn = request.siteColumn
        configuration.sheet = request.sheet
        configuration.missingCodes = request.missingCodes.map(\.value)
        configuration.threads = request.threads
        if let chunkRows = request.chunkRows { configuration.chunkRows = chunkRows }

        let outputPath: String?
        if case let .file(path) = request.output { outputPath = path } else { outputPath = nil }
        let temporaryOutput = outputPath.map { $0 + ".partial" }
        let writer: CSVWriter
        switch request.output {
        case .file:
            do { writer = try CSVWriter(path: temporaryOutput!, delimiter: request.csv.outputDelimiter, lineEnding: .lf,
                                        cells: request.raw ? .raw : .spreadsheet) } catch {
                throw KortlaegError(.cannotWrite, "\(error)")
            }
        case let .handle(handle):
            writer = CSVWriter(fileHandle: handle, delimiter: request.csv.outputDelimiter, lineEnding: .lf,
                               cells: request.raw ? .raw : .spreadsheet)
        }
        let rejectsPath = request.rejects ?? outputPath.map(RejectsFile.defaultPath)
        let rejects = ScoreRejectsReport(path: rejectsPath, file: request.input, sink: sink)
        func abandon() {
            sink.endProgress()
            if let temporaryOutput { try? FileManager.default.removeItem(atPath: temporaryOutput) }
            rejects.discard()
        }

        let summary: ScoreJob.Summary
        do {
            summary = try ScoreJob(configuration).run(
                output: writer, rejected: { try rejects.add($0) },
                progress: { sink.progress(ProgressUpdate(subject: request.input, records: $0.records, bytes: $0.bytes,
                                                         totalBytes: $0.totalBytes)) })
            sink.endProgress()
            try rejects.finish()
        } catch let error as ScoringOptionError {
            abandon()
            throw KortlaegError(.usage, error.description)
        } catch let CSVError.cannotWrite(file, reason) {
            // A write failure (the disk is full, no permission) is the output's, named as the
            // user named it, never the temporary file beside it (exit 73).
            abandon()
            let name = file == temporaryOutput ? outputPath ?? file : file
            throw KortlaegError(.cannotWrite, "\(CSVError.cannotWrite(file: name, reason: reason))")
        } catch {
            abandon()
            throw KortlaegError(.invalidInput, "\(error)")
        }
        if let outputPath, let temporaryOutput {
            try? FileManager.default.removeItem(atPath: outputPath)
            do { try FileManager.default.moveItem(atPath: temporaryOutput, toPath: outputPath) } catch {
                try? FileManager.default.removeItem(atPath: temporaryOutput)
                throw KortlaegError(.cannotWrite, "cannot write \(outputPath): \(error.localizedDescription)")
            }
        }

        sink.note("\(request.input): \(summary.dialect)")
        sink.note("instrument \(instrument.reference); rules: "
            + summary.ruleChoices.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        for table in summary.bandTables { sink.note("bands: \(table)") }
        for note in summary.notes { sink.note(note) }
        for warning in summary.warnings { sink.warning(warning) }
        if summary.missingAnswers > 0 {
            sink.note("answers given as missing codes, read as unanswered (not answers, not rejects): \(summary.missingAnswers)")
        }
        sink.note("rows read: \(summary.rowsRead), scored: \(summary.rowsScored) (complete \(summary.rowsComplete), incomplete \(summary.rowsIncomplete)), rejected: \(summary.rowsRejected)")
        if summary.rowsRejected > 0 {
            sink.note(rejectsPath.map { "rejected rows are listed in \($0)" } ?? "rejected rows are listed above")
        }
        var result = Result(instrument: instrument.reference, dialect: summary.dialect, ruleChoices: summary.ruleChoices,
                            bandTables: summary.bandTables, warnings: summary.warnings, rowsRead: summary.rowsRead,
                            rowsComplete: summary.rowsComplete, rowsIncomplete: summary.rowsIncomplete,
                            rowsRejected: summary.rowsRejected, rejectsPath: summary.rowsRejected > 0 ? rejectsPath : nil,
                            severity: summary.rowsRejected > 0 ? .rowsRejected : .success)
        result.missingAnswers = summary.missingAnswers
        return result
    }
}

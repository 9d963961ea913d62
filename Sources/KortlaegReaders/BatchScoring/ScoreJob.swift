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
        /// `--site NAME`: the site (municipality) of every row, written as the `site` column after
        /// the id. Overrides a site column of the input.
        public var site: String?
        /// `--column site=HEADER`: the input column holding each row's site (nil: a column named
        /// as in ``SiteName/headers``, when there is one).
        public var siteColumn: String?
        /// The sheet of an Excel workbook (nil: the first); a workbook is recognised by its content.
        public var sheet: String?
        /// Values read as a missing answer in every item column (`--missing-codes NA,-99`):
        /// unanswered, never an answer, never a rejection; compared trimmed and case-insensitively.
        public var missingCodes: [String] = []
        /// Scoring threads besides the reading one (nil: one per core; 1: score on the reading
        /// thread). The output is the same byte for byte. A workbook is always read on one thread.
        package var threads: Int?
        /// Records per chunk handed to a scoring thread (tests use small chunks).
        package var chunkRows = 4096

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
        /// Choices made with their reason (the site column), as notes.
        public var notes: [String] = []
        public var ruleChoices: [String: String] = [:]
        public var bandTables: [String] = []
        /// Answers given as one of the missing codes (read as unanswered).
        public var missingAnswers = 0
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

    /// How far the job is: the same value an import reports (rows read; for a CSV file its bytes
    /// read and its size, so the progress line shows a percentage and the time left).
    public typealias Progress = ImportJob.Progress

    /// Runs the job.
    /// - Parameters:
    ///   - output: receives the score rows (header first).
    ///   - rejected: receives each rejection as it is found.
    ///   - progress: called once before the first row (the progress line's clock starts there),
    ///     then every 10,000 rows.
    /// - Throws: ``ScoreJobError``, ``CSVError`` or ``ScoringOptionError`` when the file cannot be
    ///   read at all; nothing is half-done in that case except rows already handed to `output`.
    public func run(output: CSVWriter, rejected: (Rejection) throws -> Void,
                    progress: (Progress) -> Void = { _ in }) throws -> Summary {
        let instrument = configuration.instrument
        let scorer = try Scorer(instrument: instrument, options: configuration.options)
        let parser = AnswerParser(instrument: instrument)
        let bands = BandLookup(instrument: instrument)
        let reader = try ScoreInput(path: configuration.inputPath, delimiter: configuration.delimiter,
                                    encoding: configuration.encoding, sheet: configuration.sheet)
        let file = configuration.inputPath
        if reader.header.isEmpty { throw ScoreJobError.emptyFile(file: file) }
        let columns = try ScoreColumns(header: reader.header, instrument: instrument,
                                       idColumn: configuration.idColumn, file: file)
        var summary = Summary()
        summary.dialect = reader.dialect
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
        // The site: fixed (--site), from a named column (--column site=HEADER), or from a column
        // named site/kommune/municipality/sted; written as the `site` column right after the id.
        let siteIndex: Int?
        if configuration.site != nil {
            siteIndex = nil
        } else if let name = configuration.siteColumn {
            guard let index = trimmedHeader.firstIndex(of: name.lowercased()) else {
                throw ScoreJobError.missingIDColumn(file: file, name: name, suggestion: closestMatch(to: name, in: reader.header))
            }
            siteIndex = index
        } else {
            siteIndex = SiteName.headers.lazy.compactMap { trimmedHeader.firstIndex(of: $0) }.first
        }
        let fixedSite = configuration.site.flatMap(SiteName.display)
        if let siteIndex {
            summary.notes.append("site: column '\(reader.header[siteIndex].trimmingCharacters(in: [" ", "\u{FEFF}"]))' "
                + (configuration.siteColumn != nil ? "(named with --column site=…)" : "(its name marks a site column)")
                + "; the site is part of each child's identity")
        } else if let fixedSite {
            summary.notes.append("site: '\(fixedSite)' for every row (--site); the site is part of each child's identity")
        }
        let hasSite = siteIndex != nil || fixedSite != nil
        let keptIndicesWithoutSite = keptIndices.filter { $0 != siteIndex }
        let header = ScoreFileFormat.header(scorer: scorer, bands: bands, idName: idName,
                                            keptColumns: (hasSite ? [ScoreFileFormat.siteColumn] : [])
                                                + keptIndicesWithoutSite.map { reader.header[$0].trimmingCharacters(in: [" ", "\u{FEFF}"]) })
        let fixedSiteBytes = fixedSite.map { Array($0.utf8) }
        let siteColumnName = siteIndex.map { reader.header[$0].trimmingCharacters(in: [" ", "\u{FEFF}"]) } ?? ""
        try output.write(header)
        // One entry per band column, in header order: the score's output index and its bands with labels.
        let bandColumns: [BandColumn] = scorer.scores.enumerated().flatMap { index, score in
            bands.tables.compactMap { table in
                table.scores[score.id].map { entry in
                    BandColumn(score: index, bands: entry.bands.map { ($0, bands.label(of: $0, language: configuration.language)) })
                }
            }
        }
        let rowScorer = RowScorer(
            parser: parser, scorer: scorer, itemColumns: columns.itemColumns, idColumn: columns.idColumn,
            keptIndices: keptIndicesWithoutSite, headerCount: reader.header.count,
            encoded: EncodedFields(writer: output, bandColumns: bandColumns),
            countsForCompleteness: scorer.scores.map { $0.verified || configuration.options.includeUnverifiedScores },
            missing: MissingCodeBytes(configuration.missingCodes), fixedSite: fixedSiteBytes, siteIndex: siteIndex,
            siteColumnName: siteColumnName)
        // Rows read, with the bytes read of the file's size where the reader knows them (CSV; a
        // workbook's sheet is compressed, so only its rows are counted).
        let totalBytes = reader.bytesRead == nil ? nil
            : (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue
        func rows(_ read: Int) {
            let bytes = reader.bytesRead
            progress(Progress(records: read, bytes: bytes, totalBytes: bytes == nil ? nil : totalBytes))
        }
        rows(0)
        let threads = configuration.threads ?? ProcessInfo.processInfo.activeProcessorCount
        if threads > 1, let csv = reader.csvReader {
            try runInChunks(reader: csv, rowScorer: rowScorer, workers: threads, output: output,
                            summary: &summary, rejected: rejected, progress: rows)
        } else {
            try runSequentially(reader: reader, rowScorer: rowScorer, output: output,
                                summary: &summary, rejected: rejected, progress: rows)
        }
        try output.flush()
        return summary
    }

    /// One thread: fields stay bytes in the reader's buffer; codes are parsed from bytes and each
    /// output row is encoded into one byte buffer (no String per field), 64 KiB handed on at a time.
    private func runSequentially(reader: ScoreInput, rowScorer: RowScorer, output: CSVWriter, summary: inout Summary,
                                 rejected: (Rejection) throws -> Void, progress: (Int) -> Void) throws {
        var state = rowScorer.makeScratch()
        var row = output.recordEncoder()
        while let (number, line) = try reader.next() {
            summary.rowsRead += 1
            if summary.rowsRead % 10_000 == 0 { progress(summary.rowsRead) }
            let status = reader.withRawRecord { record in
                rowScorer.score(record, number: number, line: line, state: &state, into: &row)
            }
            if row.count >= 64 * 1024 {
                try row.withBytes { try output.appendRecords($0) }
                row.removeAll()
            }
            switch status {
            case .rejected:
                summary.rowsRejected += 1
                for problem in state.problems { try rejected(problem) }
            case .complete: summary.rowsComplete += 1
            case .incomplete: summary.rowsIncomplete += 1
            }
        }
        try row.withBytes { try output.appendRecords($0) }
        summary.missingAnswers += state.missingAnswers
    }

    /// Several threads: this thread cuts the file into blocks of whole records (it finds where
    /// records end, quoted line breaks included, and nothing more), `workers` threads read and
    /// score the blocks, and this thread writes each block's rows and reports its rejects in
    /// input order. At most `workers + 2` blocks are in flight, so memory stays flat. A file of
    /// one block is scored here, without threads. A failure (an unclosed quote, a byte that is
    /// not UTF-8, a record over the limit) is thrown after the rows before it are written, as on
    /// one thread.
    private func runInChunks(reader: CSVReader, rowScorer: RowScorer, workers: Int, output: CSVWriter,
                             summary: inout Summary, rejected: (Rejection) throws -> Void,
                             progress: (Int) -> Void) throws {
        let chunkRows = max(1, configuration.chunkRows)
        let encoder = output.recordEncoder()
        let format = reader.blockFormat
        var pool: ChunkScoringPool?
        defer { pool?.shutdown() }
        var submitted = 0
        var written = 0
        var cut = 0  // records in the blocks cut so far, for the progress line
        func write(_ result: consuming ChunkScoringPool.Result) throws {
            try result.output.withUnsafeBufferPointer { try output.appendRecords(UnsafeBufferPointer(rebasing: $0[..<result.outputCount])) }
            pool?.recycle(&result.output)  // moved, so the worker that takes it finds it unshared
            summary.rowsRead += result.records
            summary.rowsComplete += result.complete
            summary.rowsIncomplete += result.incomplete
            summary.rowsRejected += result.rejected
            summary.missingAnswers += result.missingAnswers
            for problem in result.rejections { try rejected(problem) }
            if let failure = result.failure { throw failure }
        }
        func drain() throws {
            guard let pool else { return }
            while written < submitted {
                try write(pool.take(written))
                written += 1
            }
        }
        while true {
            let block: CSVReader.Block
            do {
                guard let next = try reader.nextBlock(maximumRecords: chunkRows, targetBytes: Self.blockBytes) else { break }
                block = next
            } catch {
                try drain()  // the rows before the failure first, as on one thread
                throw error
            }
            let before = cut
            cut += block.records
            for multiple in stride(from: (before / 10_000 + 1) * 10_000, through: cut, by: 10_000) { progress(multiple) }
            if pool == nil, submitted == 0, reader.isAtEndOfInput {
                // The whole file in one block (the start-up case): no threads.
                var state = rowScorer.makeScratch()
                try write(ChunkScoringPool.score(block, format: format, rowScorer: rowScorer, scratch: &state, encoder: encoder))
                return
            }
            let workPool = pool ?? ChunkScoringPool(rowScorer: rowScorer, encoder: encoder, format: format, workers: workers)
            pool = workPool
            workPool.submit(submitted, block)
            submitted += 1
            while let result = workPool.takeIfReady(written) {
                written += 1
                try write(consume result)
            }
            while submitted - written >= workers + 2 {
                written += 1
                try write(workPool.take(written - 1))
            }
        }
        try drain()
    }

    /// The bytes of whole records a block holds (a last record may take it past this).
    static let blockBytes = 256 * 1024
}

/// A score as text: whole numbers without decimals, others in the shortest exact form.
public func formatScore(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// The missing codes of a score run as lowercased UTF-8, for comparing raw fields without
/// making a String of each.
struct MissingCodeBytes: Sendable {
    private let codes: Set<[UInt8]>
    private let lengths: ClosedRange<Int>

    /// Whether there are no missing codes (nothing to compare).
    var isEmpty: Bool { codes.isEmpty }

    init(_ values: [String]) {
        let codes = Set(values.map { Array($0.trimmingWhitespace.lowercased().utf8) }.filter { !$0.isEmpty })
        self.codes = codes
        let counts = codes.map(\.count)
        lengths = (counts.min() ?? 0)...(counts.max() ?? 0)
    }

    /// Whether `field`, trimmed of spaces and tabs and ASCII-lowercased, is one of the codes.
    func matches(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !codes.isEmpty else { return false }
        var start = 0, end = field.count
        while start < end, field[start] == 0x20 || field[start] == 0x09 { start += 1 }
        while end > start, field[end - 1] == 0x20 || field[end - 1] == 0x09 { end -= 1 }
        guard lengths.contains(end - start) else { return false }
        return codes.contains(field[start..<end].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 })
    }
}

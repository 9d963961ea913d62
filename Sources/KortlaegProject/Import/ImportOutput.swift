import Foundation
import KortlaegDomain
import KortlaegReaders

/// Writes imported responses as long CSV or, with `score`, as score rows. Each input file is
/// written to a temporary file first and becomes part of the output (the first renamed, later
/// ones appended in blocks) only when the whole file was read, so a file that fails half-way
/// leaves nothing behind. The output is renamed into place at the end, and only when at least
/// one file was imported: a run in which every file failed leaves an existing output as it was. Temporary files are hidden, beside the output,
/// and removed on every failure.
final class ImportOutput {
    private let path: String?
    private let score: Bool
    private let language: Language
    private let cells: CSVCellPolicy
    private var main: FileHandle?
    private var fileWriter: CSVWriter?
    private var headerWritten = false
    private var headerCommitted = false
    private var filesCommitted = 0
    private var scoring: (instrument: InstrumentReference, scorer: Scorer, bands: BandLookup)?
    private let output: OutputFile?
    private let file: OutputFile?

    init(path: String?, score: Bool, language: Language, cells: CSVCellPolicy = .spreadsheet) {
        self.path = path
        self.score = score
        self.language = language
        self.cells = cells
        output = path.map { OutputFile(destination: $0) }
        file = path.map { OutputFile(destination: $0) }
    }

    /// Starts the temporary output of the next input file.
    func beginFile() throws {
        guard let file else { return }
        fileWriter = try named { try CSVWriter(path: file.temporaryPath, delimiter: .comma, lineEnding: .lf, cells: cells) }
    }

    /// Runs `body`; a write failure of a temporary file is reported as the output's (the user's
    /// name for it: "cannot write prev.csv: the disk is full").
    private func named<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let CSVError.cannotWrite(failed, reason) {
            guard let path, failed == file?.temporaryPath || failed == output?.temporaryPath else { throw CSVError.cannotWrite(file: failed, reason: reason) }
            throw CSVError.cannotWrite(file: path, reason: reason)
        }
    }

    /// Called once a file's instrument is known; with `score` all files must share one.
    func prepare(for instrument: Instrument, file: String) throws {
        guard score else { return }
        if let scoring {
            guard scoring.instrument == instrument.reference else {
                throw ImportError.mixedInstruments(file: file, expected: scoring.instrument.description,
                                                   found: instrument.reference.description)
            }
            return
        }
        scoring = (instrument.reference, try Scorer(instrument: instrument), BandLookup(instrument: instrument))
    }

    /// Writes one response.
    func write(_ mapped: MappedResponse, instrument: Instrument) throws {
        try named { try writeRows(mapped, instrument: instrument) }
    }

    private func writeRows(_ mapped: MappedResponse, instrument: Instrument) throws {
        guard let writer = fileWriter else { return }
        if !headerWritten {
            try writer.write(header())
            headerWritten = true
        }
        let reference = mapped.response.instrument
        let lead = [mapped.childId, mapped.occasion ?? "", mapped.informant.rawValue, reference.id, reference.version]
        if let scoring {
            let scores = scoring.scorer.score(mapped.response)
            var row = lead + [mapped.date ?? ""]
            var complete = true
            for (index, value) in scores.values.enumerated() {
                row.append(value.map(formatScore) ?? "")
                if value == nil, scoring.scorer.scores[index].verified { complete = false }
            }
            for (index, definition) in scoring.scorer.scores.enumerated() {
                for table in scoring.bands.tables where table.scores[definition.id] != nil {
                    let band = scoring.bands.band(table: table, scoreID: definition.id, value: scores.values[index])
                    row.append(band.map { scoring.bands.label(of: $0, language: language) } ?? "")
                }
            }
            row.append(complete ? "complete" : "incomplete")
            try writer.write(row)
            return
        }
        // One row per answer: the lead, then item, variable and value. Each field is encoded as
        // `CSVWriter.write` encodes it, the lead once per response, item and variable once per
        // file, codes 0–15 once: the rows are the same bytes, without a String array per row.
        let encoded = longRowParts(writer: writer, instrument: instrument)
        let delimiter = writer.delimiterByte
        var leadBytes: [UInt8] = []
        for field in lead {
            leadBytes += writer.encodedFieldBytes(field)
            leadBytes.append(delimiter)
        }
        var rows: [UInt8] = []
        rows.reserveCapacity(encoded.items.count * (leadBytes.count + 24))
        for (index, item) in instrument.items.enumerated() where item.personalData != true {
            guard let answer = mapped.response.answers[item.id] else { continue }
            rows += leadBytes
            rows += encoded.items[index]
            switch answer {
            case let .code(code) where encoded.codes.indices.contains(code): rows += encoded.codes[code]
            case let .code(code): rows += writer.encodedFieldBytes(String(code))
            case let .number(number): rows += writer.encodedFieldBytes(formatScore(number))
            case let .text(text): rows += writer.encodedFieldBytes(text)
            }
            rows += encoded.lineEnding
        }
        try writer.appendEncodedRecords(rows)
    }

    /// The encoded `item,variable,` of each item (by position) and of the codes 0–15, made once
    /// per instrument (every file's writer has the same delimiter, line ending and cell policy).
    private var longParts: (instrument: InstrumentReference, items: [[UInt8]], codes: [[UInt8]], lineEnding: [UInt8])?

    private func longRowParts(writer: CSVWriter, instrument: Instrument) -> (items: [[UInt8]], codes: [[UInt8]], lineEnding: [UInt8]) {
        if let parts = longParts, parts.instrument == instrument.reference {
            return (parts.items, parts.codes, parts.lineEnding)
        }
        let delimiter = writer.delimiterByte
        let items = instrument.items.map { item in
            writer.encodedFieldBytes(item.id) + [delimiter] + writer.encodedFieldBytes(item.variable) + [delimiter]
        }
        let codes = (0..<16).map { writer.encodedFieldBytes(String($0)) }
        longParts = (instrument.reference, items, codes, writer.lineEndingBytes)
        return (items, codes, writer.lineEndingBytes)
    }

    private func header() -> [String] {
        let lead = ["child_id", "occasion", "informant", "instrument", "version"]
        guard let scoring else { return lead + ["item", "variable", "code"] }
        let scoreHeader = ScoreJob.outputHeader(scorer: scoring.scorer, bands: scoring.bands, idName: "child_id")
        return lead + ["date"] + scoreHeader.dropFirst()
    }

    /// Makes the current file's rows part of the output: the first file's temporary file becomes
    /// the output's; a later file is appended in blocks of 1 MiB (memory stays flat).
    func commitFile() throws {
        guard let file, let output, let writer = fileWriter else { return }
        try named { try writer.flush() }
        fileWriter = nil
        if main == nil {
            // The first file's rows become the output as they are: renamed, not copied (an ODM
            // file of 100 MB gives 100 MB of rows). Later files are appended to it.
            if rename(file.temporaryPath, output.temporaryPath) == 0 {
                main = FileHandle(forWritingAtPath: output.temporaryPath)
                do { _ = try main?.seekToEnd() } catch {
                    throw CSVError.cannotWrite(file: output.destination, reason: WriteFailure.reason(error))
                }
                headerCommitted = headerWritten
                filesCommitted += 1
                return
            }
            try output.create()
            main = FileHandle(forWritingAtPath: output.temporaryPath)
        }
        do {
            if let input = FileHandle(forReadingAtPath: file.temporaryPath) {
                defer { try? input.close() }
                while let block = try input.read(upToCount: 1 << 20), !block.isEmpty {
                    try main?.write(contentsOf: block)
                }
            }
        } catch {
            throw CSVError.cannotWrite(file: output.destination, reason: WriteFailure.reason(error))
        }
        file.discard()
        headerCommitted = headerWritten
        filesCommitted += 1
    }

    /// Drops the current file's rows (it failed).
    func discardFile() {
        fileWriter = nil
        file?.discard()
        headerWritten = headerCommitted
    }

    /// Whether ``finish()`` will replace the output: at least one file was imported.
    var replacesOutput: Bool { path != nil && filesCommitted > 0 }

    /// Renames the finished output into place when at least one file was imported; otherwise
    /// removes the temporary files and leaves an existing output as it was.
    func finish() throws {
        guard let output else { return }
        guard filesCommitted > 0 else {
            abandon()
            return
        }
        // An output whose imported files gave no rows still gets its header (a script reading it
        // sees the columns).
        if !headerCommitted, !score || scoring != nil {
            var text = ""
            for (index, cell) in header().enumerated() { text += (index > 0 ? "," : "") + cell }
            try main?.write(contentsOf: Data((text + "\n").utf8))
            headerCommitted = true
        }
        do { try main?.synchronize() } catch {
            abandon()
            throw CSVError.cannotWrite(file: output.destination, reason: WriteFailure.reason(error))
        }
        try? main?.close()
        main = nil
        try output.commit()
    }

    /// Removes every temporary file (the run failed); an existing output stays as it was.
    func abandon() {
        fileWriter = nil
        try? main?.close()
        main = nil
        file?.discard()
        output?.discard()
    }
}

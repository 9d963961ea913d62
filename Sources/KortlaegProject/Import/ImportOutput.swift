import Foundation
import KortlaegDomain
import KortlaegReaders

/// Writes imported responses as long CSV or, with `score`, as score rows. Each input file is
/// written to a temporary file first and appended only when the whole file was read, so a file
/// that fails half-way leaves nothing behind; the output is moved into place at the end.
final class ImportOutput {
    private let path: String?
    private let score: Bool
    private let language: Language
    private var main: FileHandle?
    private var fileWriter: CSVWriter?
    private var headerWritten = false
    private var headerCommitted = false
    private var scoring: (instrument: InstrumentReference, scorer: Scorer, bands: BandLookup)?
    private var partialPath: String? { path.map { $0 + ".partial" } }
    private var filePath: String? { path.map { $0 + ".file.partial" } }

    init(path: String?, score: Bool, language: Language) {
        self.path = path
        self.score = score
        self.language = language
    }

    /// Starts the temporary output of the next input file.
    func beginFile() throws {
        guard let filePath else { return }
        fileWriter = try CSVWriter(path: filePath, delimiter: .comma, lineEnding: .lf)
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
        for item in instrument.items where item.personalData != true {
            guard let answer = mapped.response.answers[item.id] else { continue }
            let value: String
            switch answer {
            case let .code(code): value = String(code)
            case let .number(number): value = formatScore(number)
            case let .text(text): value = text
            }
            try writer.write(lead + [item.id, item.variable, value])
        }
    }

    private func header() -> [String] {
        let lead = ["child_id", "occasion", "informant", "instrument", "version"]
        guard let scoring else { return lead + ["item", "variable", "code"] }
        let scoreHeader = ScoreJob.outputHeader(scorer: scoring.scorer, bands: scoring.bands, idName: "child_id")
        return lead + ["date"] + scoreHeader.dropFirst()
    }

    /// Appends the current file's rows to the output.
    func commitFile() throws {
        guard let filePath, let partialPath, let writer = fileWriter else { return }
        try writer.flush()
        fileWriter = nil
        if main == nil {
            // The first file's rows become the output as they are: renamed, never loaded.
            try? FileManager.default.removeItem(atPath: partialPath)
            try FileManager.default.moveItem(atPath: filePath, toPath: partialPath)
            main = FileHandle(forWritingAtPath: partialPath)
            try main?.seekToEnd()
        } else {
            try Self.append(filePath, to: main)
            try? FileManager.default.removeItem(atPath: filePath)
        }
        headerCommitted = headerWritten
    }

    /// Copies the file at `path` to the end of `handle` in 1 MiB blocks (memory stays flat).
    private static func append(_ path: String, to handle: FileHandle?) throws {
        guard let handle, let source = FileHandle(forReadingAtPath: path) else { return }
        defer { try? source.close() }
        while let block = try source.read(upToCount: 1 << 20), !block.isEmpty {
            try handle.write(contentsOf: block)
        }
    }

    /// Drops the current file's rows (it failed).
    func discardFile() {
        fileWriter = nil
        if let filePath { try? FileManager.default.removeItem(atPath: filePath) }
        headerWritten = headerCommitted
    }

    /// Moves the finished output into place.
    func finish() throws {
        guard let path, let partialPath else { return }
        if main == nil {
            _ = FileManager.default.createFile(atPath: partialPath, contents: nil)
            main = FileHandle(forWritingAtPath: partialPath)
        }
        try main?.close()
        main = nil
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.moveItem(atPath: partialPath, toPath: path)
    }

    /// Removes every temporary file (the run failed); an existing output stays as it was.
    func abandon() {
        fileWriter = nil
        try? main?.close()
        main = nil
        for temporary in [filePath, partialPath].compactMap({ $0 }) {
            try? FileManager.default.removeItem(atPath: temporary)
        }
    }
}

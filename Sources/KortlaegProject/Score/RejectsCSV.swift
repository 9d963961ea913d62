import Foundation
import KortlaegReaders

/// The file of a rejects report: written only if there is something to report, through a hidden
/// temporary file beside it that is moved into place at the end, so a failed run leaves the old
/// report as it was. Shared by the rejects reports of `score` and `import`.
final class RejectsCSV {
    private let path: String
    private let header: [String]
    private let file: OutputFile
    private var writer: CSVWriter?

    /// A report at `path` whose first line is `header`.
    init(path: String, header: [String]) {
        self.path = path
        self.header = header
        file = OutputFile(destination: path)
    }

    /// Appends one problem (the header first, once).
    func write(_ row: [String]) throws {
        if writer == nil {
            writer = try CSVWriter(path: file.temporaryPath, delimiter: .comma, lineEnding: .lf)
            try writer?.write(header)
        }
        try writer?.write(row)
    }

    /// Moves the report into place; with nothing reported an old report at `path` is removed.
    func finish() throws {
        guard let writer else {
            try? FileManager.default.removeItem(atPath: path)
            return
        }
        try writer.flush()
        self.writer = nil
        try file.commit()
    }

    /// Drops what was written (the run failed).
    func discard() {
        writer = nil
        file.discard()
    }
}

import Foundation
import KortlaegReaders

/// The rejects report of `import`: one CSV line per problem (file, location, field, value,
/// reason), or error messages through the sink when no file is named. Values of id fields and
/// free text never reach it (the mapper leaves them out), and a CPR-shaped value is dropped
/// whatever field it was found in.
final class ImportRejectsReport {
    private let path: String?
    private let sink: any ProgressSink
    private var writer: CSVWriter?
    private var temporaryPath: String? { path.map { $0 + ".partial" } }
    /// Problems reported so far.
    private(set) var count = 0

    /// A report written to `path` (nil: through `sink`).
    init(path: String?, sink: any ProgressSink) {
        self.path = path
        self.sink = sink
    }

    func add(_ rejection: MappingRejection) throws {
        count += 1
        var rejection = rejection
        if let value = rejection.value, CPRNumber.containsCPR(value) { rejection.value = nil }
        guard let temporaryPath else {
            sink.error("\(rejection)")
            return
        }
        if writer == nil {
            writer = try CSVWriter(path: temporaryPath, delimiter: .comma, lineEnding: .lf)
            try writer?.write(["file", "location", "field", "value", "reason"])
        }
        try writer?.write([rejection.file, rejection.location, rejection.field, rejection.value ?? "", rejection.reason])
    }

    /// Moves the report into place (an old report at `path` is removed, also when there is
    /// nothing to report).
    func finish() throws {
        guard let path, let temporaryPath else { return }
        try? FileManager.default.removeItem(atPath: path)
        guard let writer else { return }
        try writer.flush()
        self.writer = nil
        try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
    }

    /// Drops what was written (the run failed).
    func discard() {
        writer = nil
        if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }
}

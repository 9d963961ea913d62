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
    private let file: OutputFile?
    private var temporaryPath: String? { file?.temporaryPath }
    /// Problems reported so far.
    private(set) var count = 0

    /// A report written to `path` (nil: through `sink`).
    init(path: String?, sink: any ProgressSink) {
        self.path = path
        self.sink = sink
        file = path.map { OutputFile(destination: $0) }
    }

    func add(_ rejection: MappingRejection) throws {
        count += 1
        var rejection = rejection
        // The CPR guard: a CPR-shaped value is dropped, any other text has the number masked.
        if let value = rejection.value, CPRNumber.containsCPR(value) { rejection.value = nil }
        rejection.file = CPRGuard.masked(rejection.file)
        rejection.location = CPRGuard.masked(rejection.location)
        rejection.field = CPRGuard.masked(rejection.field)
        rejection.reason = CPRGuard.masked(rejection.reason)
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
        guard let path, let file else { return }
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
        file?.discard()
    }
}

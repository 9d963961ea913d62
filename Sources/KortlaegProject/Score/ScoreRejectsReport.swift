import Foundation
import KortlaegReaders

/// The rejects report of `score`: one CSV line per problem (file, row, line, column, value,
/// reason), or located messages through the sink when no file is named. The file is written only
/// if there is something to report, through a temporary file moved into place at the end.
final class ScoreRejectsReport {
    private let path: String?
    private let file: String
    private let sink: any ProgressSink
    private var writer: CSVWriter?
    private var temporaryPath: String? { path.map { $0 + ".partial" } }
    private(set) var count = 0

    /// A report on the problems of `file`, written to `path` (nil: through `sink`).
    init(path: String?, file: String, sink: any ProgressSink) {
        self.path = path
        self.file = file
        self.sink = sink
    }

    func add(_ rejection: ScoreJob.Rejection) throws {
        count += 1
        guard let temporaryPath else {
            let value = rejection.value.map { " '\($0)'" } ?? ""
            sink.note("\(file):\(rejection.line): row \(rejection.row): error: \(rejection.column)\(value): \(rejection.reason)")
            return
        }
        if writer == nil {
            writer = try CSVWriter(path: temporaryPath, delimiter: .comma, lineEnding: .lf)
            try writer?.write(["file", "row", "line", "column", "value", "reason"])
        }
        // The CPR guard: a CPR-shaped value is dropped, any other text has the number masked.
        let value = rejection.value.flatMap { CPRNumber.containsCPR($0) ? nil : $0 } ?? ""
        try writer?.write([CPRGuard.masked(file), String(rejection.row), String(rejection.line), CPRGuard.masked(rejection.column),
                           value, CPRGuard.masked(rejection.reason)])
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

import Foundation
import KortlaegReaders

/// The rejects report of `score`: one CSV line per problem (file, row, line, column, value,
/// reason), or located messages through the sink when no file is named. The file is written only
/// if there is something to report, through a temporary file moved into place at the end.
final class ScoreRejectsReport {
    private let file: String
    private let sink: any ProgressSink
    private let report: RejectsCSV?
    private(set) var count = 0

    /// A report on the problems of `file`, written to `path` (nil: through `sink`).
    init(path: String?, file: String, sink: any ProgressSink) {
        self.file = file
        self.sink = sink
        report = path.map { RejectsCSV(path: $0, header: ["file", "row", "line", "column", "value", "reason"]) }
    }

    func add(_ rejection: ScoreJob.Rejection) throws {
        count += 1
        guard let report else {
            let value = rejection.value.map { " '\($0)'" } ?? ""
            sink.note("\(file):\(rejection.line): row \(rejection.row): error: \(rejection.column)\(value): \(rejection.reason)")
            return
        }
        // The CPR guard: a CPR-shaped value is dropped, any other text has the number masked.
        let value = rejection.value.flatMap { CPRNumber.containsCPR($0) ? nil : $0 } ?? ""
        try report.write([CPRGuard.masked(file), String(rejection.row), String(rejection.line), CPRGuard.masked(rejection.column),
                           value, CPRGuard.masked(rejection.reason)])
    }

    /// Moves the report into place (an old report at `path` is removed, also when there is
    /// nothing to report).
    func finish() throws { try report?.finish() }

    /// Drops what was written (the run failed).
    func discard() { report?.discard() }
}

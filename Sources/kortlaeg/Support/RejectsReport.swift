import Foundation
import KortlaegReaders

/// The rejects report: one CSV line per problem (file, row, line, column, value, reason), or
/// lines on stderr when no file is named. Written only if there is something to report.
final class RejectsReport {
    private let path: String?
    private let file: String
    private var writer: CSVWriter?
    private var temporaryPath: String? { path.map { $0 + ".partial" } }
    private(set) var count = 0

    init(path: String?, file: String) {
        self.path = path
        self.file = file
    }

    func add(_ rejection: ScoreJob.Rejection) throws {
        count += 1
        guard let temporaryPath else {
            let value = rejection.value.map { " '\($0)'" } ?? ""
            Diagnostics.note("\(file):\(rejection.line): row \(rejection.row): error: \(rejection.column)\(value): \(rejection.reason)")
            return
        }
        if writer == nil {
            writer = try CSVWriter(path: temporaryPath, delimiter: .comma, lineEnding: .lf)
            try writer?.write(["file", "row", "line", "column", "value", "reason"])
        }
        try writer?.write([file, String(rejection.row), String(rejection.line), rejection.column, rejection.value ?? "", rejection.reason])
    }

    func finish() throws {
        guard let path, let temporaryPath else { return }
        try? FileManager.default.removeItem(atPath: path)
        guard let writer else { return }
        try writer.flush()
        self.writer = nil
        try FileManager.default.moveItem(atPath: temporaryPath, toPath: path)
    }

    func discard() {
        writer = nil
        if let temporaryPath { try? FileManager.default.removeItem(atPath: temporaryPath) }
    }
}

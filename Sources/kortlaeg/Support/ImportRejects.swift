import Foundation
import KortlaegDomain
import KortlaegReaders

/// The import rejects report: one CSV line per problem (file, location, field, value, reason), or
/// lines on stderr when no file is named. Values of id fields and free text, and CPR-shaped values,
/// are never included.
final class ImportRejects {
    private let path: String?
    private var writer: CSVWriter?

    init(path: String?) {
        self.path = path
    }

    func add(_ rejection: MappingRejection) throws {
        var rejection = rejection
        // Never print or write a CPR-shaped value, whatever field it was found in.
        if let value = rejection.value, CPRNumber.containsCPR(value) { rejection.value = nil }
        guard let path else {
            Diagnostics.note("error: \(rejection)")
            return
        }
        if writer == nil {
            writer = try CSVWriter(path: path + ".partial", delimiter: .comma, lineEnding: .lf)
            try writer?.write(["file", "location", "field", "value", "reason"])
        }
        try writer?.write([rejection.file, rejection.location, rejection.field, rejection.value ?? "", rejection.reason])
    }

    func finish() throws {
        guard let path else { return }
        try? FileManager.default.removeItem(atPath: path)
        guard let writer else { return }
        try writer.flush()
        self.writer = nil
        try FileManager.default.moveItem(atPath: path + ".partial", toPath: path)
    }
}

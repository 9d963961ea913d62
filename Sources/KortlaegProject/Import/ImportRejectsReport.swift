import Foundation
import KortlaegReaders

/// The rejects report of `import`: one CSV line per problem (file, location, field, value,
/// reason), or error messages through the sink when no file is named. Values of id fields and
/// free text never reach it (the mapper leaves them out), and a CPR-shaped value is dropped
/// whatever field it was found in.
final class ImportRejectsReport {
    private let sink: any ProgressSink
    private let report: RejectsCSV?
    /// Problems reported so far.
    private(set) var count = 0
    /// The first problems since the last ``takeKept()`` (masked as reported).
    private var kept: [MappingRejection] = []

    /// A report written to `path` (nil: through `sink`).
    init(path: String?, sink: any ProgressSink) {
        self.sink = sink
        report = path.map { RejectsCSV(path: $0, header: ["file", "location", "field", "value", "reason"]) }
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
        if kept.count < ProjectImport.problemLimit { kept.append(rejection) }
        guard let report else {
            sink.error("\(rejection)")
            return
        }
        try report.write([rejection.file, rejection.location, rejection.field, rejection.value ?? "", rejection.reason])
    }

    /// The problems kept since the last call (for one file's result).
    func takeKept() -> [MappingRejection] {
        defer { kept = [] }
        return kept
    }

    /// Moves the report into place (an old report at `path` is removed, also when there is
    /// nothing to report).
    func finish() throws { try report?.finish() }

    /// Drops what was written (the run failed).
    func discard() { report?.discard() }
}

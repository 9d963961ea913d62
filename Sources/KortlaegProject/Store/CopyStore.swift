import Foundation
import KortlaegStore
import KortlaegStorePostgres
import KortlaegStoreSQLite

/// Copies a whole project from one store to a new one (`kortlaeg store copy`): SQLite file to
/// PostgreSQL and back, or between two of the same kind. Every row goes, ids included: responses,
/// scores, import batches with their rejects, the audit log, trivsel figures and the
/// pseudonymisation key, so the pseudonyms stay the same. The copy is written in one transaction;
/// the row counts of every table are compared at the end and a `copy` entry is added to the new
/// project's audit log.
public enum CopyStore {
    /// What to copy where.
    public struct Request: Sendable {
        /// The project to copy (a `.kortlaeg` file or a `postgres://` address).
        public var from: String
        /// Where to create the copy; nothing may exist there.
        public var to: String
        /// Who copies, for the new project's audit log.
        public var `operator`: String

        /// Creates a request.
        public init(from: String, to: String, operator: String) {
            self.from = from
            self.to = to
            self.operator = `operator`
        }
    }

    /// One table's rows in the source and in the copy.
    public struct TableCount: Sendable, Hashable {
        /// The table (`response`, `score`, `importBatch`, `auditLog`, …).
        public var table: String
        /// Rows read from the source.
        public var source: Int
        /// Rows in the copy.
        public var copy: Int
    }

    /// What was copied.
    public struct Result: Sendable {
        /// Every table, in copy order.
        public var tables: [TableCount]
        /// ``Severity/success``: the counts agree (otherwise the use case throws).
        public var severity: Severity { .success }
    }

    /// Copies the project and reports through `sink`.
    /// - Throws: ``KortlaegError``: the source cannot be opened (``Severity/notFound``,
    ///   ``Severity/invalidInput``), something exists at the target or it cannot be written
    ///   (``Severity/cannotWrite``), the counts differ (``Severity/cannotWrite``).
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        let opened = try ProjectLocation.open(request.from)
        guard let source = opened as? any TransferSource else {
            throw KortlaegError(.invalidInput, "\(ProjectLocation.display(request.from)) cannot be copied by this Kortlæg.")
        }
        let counting = CountingSource(source: source)
        let target = try ProjectLocation.createCopy(request.to, from: counting, note: { sink.note($0) })
        let copied: [TransferTable: Int]
        do {
            copied = try target.transferCounts()
        } catch {
            throw KortlaegError(.cannotWrite, "\(error)")
        }
        let tables = TransferTable.allCases.map {
            TableCount(table: $0.rawValue, source: counting.counts[$0] ?? 0, copy: copied[$0] ?? 0)
        }
        let differing = tables.filter { $0.source != $0.copy }
        guard differing.isEmpty else {
            throw KortlaegError(.cannotWrite, "The copy at \(ProjectLocation.display(request.to)) does not hold the same rows as \(ProjectLocation.display(request.from)) ("
                                + differing.map { "\($0.table): \($0.source) read, \($0.copy) stored" }.joined(separator: "; ")
                                + "). Remove the copy and try again.")
        }
        let count = { (table: TransferTable) in counting.counts[table] ?? 0 }
        do {
            try (target as any ProjectStore).recordAudit(
                action: .copy,
                summary: "copied from \(ProjectLocation.display(request.from)): \(count(.response)) responses, \(count(.score)) scores, \(count(.importBatch)) import batches, \(count(.auditLog)) audit entries",
                detail: nil, operator: request.operator)
        } catch {
            throw KortlaegError(.cannotWrite, "\(error)")
        }
        sink.note("copied \(ProjectLocation.display(request.from)) to \(ProjectLocation.display(request.to)); every table has the same number of rows")
        return Result(tables: tables)
    }
}

/// A source that remembers how many rows of each table it handed over.
private final class CountingSource: TransferSource {
    let source: any TransferSource
    var counts: [TransferTable: Int] = [:]

    init(source: any TransferSource) { self.source = source }

    func transferRows(_ body: (TransferTable, [TransferValue]) throws -> Void) throws -> [TransferTable: Int] {
        counts = try source.transferRows(body)
        return counts
    }

    func transferCounts() throws -> [TransferTable: Int] { try source.transferCounts() }
}

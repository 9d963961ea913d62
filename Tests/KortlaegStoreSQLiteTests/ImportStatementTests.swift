import Foundation
import GRDB
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// The work a store import does per response, counted as the SQL statements SQLite runs (issue
/// 15: counted, never timed). The figures are the design's: a new response is found to be new by
/// its own insert (the unique key of child, occasion, informant and instrument), not by a lookup
/// first; a test that sees one more statement per response sees the lookup come back.
struct ImportStatementTests {
    /// The statements SQLite started while `body` ran, as their SQL text.
    private final class StatementLog: @unchecked Sendable {
        var statements: [String] = []
    }

    private func statements(in store: SQLiteProjectStore, _ body: () throws -> Void) throws -> [String] {
        let log = StatementLog()
        try store.dbQueue.inDatabase { db in
            db.trace(options: .statement) { event in
                if case let .statement(statement) = event { log.statements.append(statement.sql) }
            }
        }
        defer { try? store.dbQueue.inDatabase { db in db.trace(options: [], nil) } }
        try body()
        return log.statements
    }

    /// Parent SDQ records of children `first..<first+count`, at `occasion`.
    private func records(_ first: Int, count: Int, _ occasion: Occasion = .initial) -> [StoredResponseInput] {
        (first..<(first + count)).map { parentRecord("barn-\($0)", occasion, row: $0) }
    }

    /// The statements of importing `count` records as one file, less those of a one-record file:
    /// what the records beyond the first cost.
    private func perRecord(_ store: SQLiteProjectStore, first: Int, occasion: Occasion = .initial,
                           name: String) throws -> (perResponse: Double, kinds: [String: Int]) {
        // A first import at this occasion pays the once-per-store and once-per-occasion set-up
        // (pragmas, the occasion row, the scoring row); it is not what a record costs.
        _ = try store.importBatch(batch("\(name)-warm-up.csv"), records: records(first + 1_000, count: 1, occasion),
                                  options: importOptions())
        let one = try statements(in: store) {
            _ = try store.importBatch(batch("\(name)-one.csv"), records: records(first, count: 1, occasion), options: importOptions())
        }
        let many = try statements(in: store) {
            _ = try store.importBatch(batch("\(name)-many.csv"), records: records(first + 1, count: 11, occasion),
                                      options: importOptions())
        }
        var kinds: [String: Int] = [:]
        for sql in many { kinds[Self.kind(sql), default: 0] += 1 }
        for sql in one { kinds[Self.kind(sql), default: 0] -= 1 }
        return (Double(many.count - one.count) / 10, kinds.filter { $0.value != 0 })
    }

    /// `INSERT INTO child`, `SELECT … FROM response`, …: the statement's verb and first table.
    private static func kind(_ sql: String) -> String {
        let words = sql.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" }).map(String.init)
        let verb = words.first?.uppercased() ?? ""
        let table = words.firstIndex { ["INTO", "FROM"].contains($0.uppercased()) }.map { words[$0 + 1] } ?? ""
        return "\(verb) \(table)".trimmingCharacters(in: .whitespaces)
    }

    /// A new child's first response: look the child up, insert it, insert the response with its
    /// nine scores in its row (schema v8) — three statements, no lookup of a stored response.
    @Test func aNewChildsResponseIsThreeStatements() throws {
        let store = try SQLiteProjectStore.inMemory()
        let (perResponse, kinds) = try perRecord(store, first: 1, name: "t1")
        #expect(perResponse == 3)
        #expect(kinds == ["SELECT child": 10, "INSERT child": 10, "INSERT response": 10])
    }

    /// A known child's response at a later occasion: look the child up, insert the response with
    /// its scores — two statements.
    @Test func aKnownChildsNextResponseIsTwoStatements() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("t1.csv"), records: records(1, count: 12), options: importOptions())
        let (perResponse, kinds) = try perRecord(store, first: 1, occasion: .final, name: "t2")
        #expect(perResponse == 2)
        #expect(kinds == ["SELECT child": 10, "INSERT response": 10])
    }

    /// A re-delivered response still goes through the rules: the insert finds the stored one, and
    /// the stored response is then read to tell an identical one (recorded as a re-delivery)
    /// from a conflict.
    @Test func aRedeliveryIsLookedUpAndRecorded() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: records(1, count: 3), options: importOptions())
        let log = try statements(in: store) {
            let outcome = try store.importBatch(batch("b.csv"), records: records(1, count: 3), options: importOptions())
            guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
            let triple: [Int] = [counts.accepted, counts.unchanged, counts.newChildren]
            #expect(triple == [0, 3, 0])
        }
        let kinds = log.map(Self.kind)
        #expect(kinds.filter { $0 == "INSERT response" }.count == 3)
        #expect(kinds.filter { $0 == "INSERT responseRedelivery" }.count == 3)
        #expect(kinds.filter { $0 == "INSERT score" }.isEmpty, "no scores for a response already stored")
        #expect(try store.rowCounts()["responseRedelivery"] == 3)
    }
}

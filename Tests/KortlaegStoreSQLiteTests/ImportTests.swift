import Foundation
import KortlaegTestSupport
import GRDB
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

struct ImportTests {
    @Test func importsRecordsWithScoresAndPseudonyms() throws {
        let store = try SQLiteProjectStore.inMemory()
        let outcome = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1"), parentRecord("barn-2", row: 2)],
                                            rejects: [ImportReject(row: 3, line: 4, column: "pconsid", value: "7", reason: "expected 0, 1, 2")],
                                            options: importOptions())
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 2 && counts.rejected == 1 && counts.newChildren == 2)
        let rows = try store.rowCounts()
        #expect(rows["response"] == 2 && rows["child"] == 2 && rows["importReject"] == 1)
        #expect(rows["score"] == 18) // 9 SDQ parent scores per response
        let pseudonyms = try store.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT pseudonym FROM child ORDER BY id") }
        #expect(pseudonyms == [try store.pseudonym(for: "barn-1"), try store.pseudonym(for: "barn-2")])
    }

    @Test func sameFileTwiceChangesNothing() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1")], options: importOptions())
        let before = try store.contentDigest()
        let again = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-9")], options: importOptions())
        guard case .alreadyImported(let name, _) = again else { Issue.record("\(again)"); return }
        #expect(name == "a.csv")
        #expect(try store.contentDigest() == before)
    }

    @Test func conflictRefusesTheWholeFile() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1")], options: importOptions())
        let before = try store.contentDigest()
        let outcome = try store.importBatch(batch("b.csv"), records: [parentRecord("barn-2"), parentRecord("barn-1", code: 2, row: 2)],
                                            options: importOptions())
        guard case let .conflicts(conflicts, counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(conflicts.count == 1 && counts.accepted == 1)
        #expect(conflicts[0].row == 2 && conflicts[0].existingFile == "a.csv" && conflicts[0].occasion == "T1")
        let pseudonym = try store.pseudonym(for: "barn-1")
        #expect(conflicts[0].pseudonym == pseudonym)
        #expect(try store.contentDigest() == before)
    }

    @Test func replaceKeepsTheOldResponseInTheAuditLog() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1", code: 1)], options: importOptions())
        let outcome = try store.importBatch(batch("b.csv"), records: [parentRecord("barn-1", code: 2)],
                                            options: importOptions(replace: true))
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.replaced == 1 && counts.accepted == 1)
        #expect(try store.rowCounts()["response"] == 1)
        let replaced = try store.auditLog().filter { $0.action == .replace }
        #expect(replaced.count == 1)
        let detail = try #require(replaced.first?.detail)
        #expect(detail.contains("\"file\":\"a.csv\"") && detail.contains("\"consid\":1") && detail.contains("\"scores\":{"))
        #expect(try store.auditLog().map(\.action) == [.create, .import, .replace, .import])
    }

    @Test func duplicateInOneFileIsRejectedNotAConflict() throws {
        let store = try SQLiteProjectStore.inMemory()
        let outcome = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1"), parentRecord("barn-1", row: 2)],
                                            options: importOptions())
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 1 && counts.rejected == 1)
    }

    @Test func dryRunStoresNothing() throws {
        let store = try SQLiteProjectStore.inMemory()
        let before = try store.contentDigest()
        let outcome = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1")], options: importOptions(dryRun: true))
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 1 && counts.dryRun)
        #expect(try store.contentDigest() == before)
    }

    @Test func anErrorWhileReadingRollsTheFileBack() throws {
        struct ReadFailure: Error {}
        let store = try SQLiteProjectStore.inMemory()
        let before = try store.contentDigest()
        #expect(throws: ReadFailure.self) {
            _ = try store.importFile(batch("a.csv"), options: importOptions()) { sink in
                try sink.add(parentRecord("barn-1"))
                throw ReadFailure()
            }
        }
        #expect(try store.contentDigest() == before)
        #expect(try !store.hasImported(sha256: batch("a.csv").sha256))
    }

    @Test func cprShapedRejectValuesAreNotKept() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("a.csv"), records: [],
                                  rejects: [ImportReject(row: 1, line: 2, column: "pconsid", value: "010203-1234", reason: "x")],
                                  options: importOptions())
        let values = try store.dbQueue.read { db in try String?.fetchAll(db, sql: "SELECT value FROM importReject") }
        #expect(values == [nil])
    }

    @Test func attributesAreStoredWithClassAndSchool() throws {
        let store = try SQLiteProjectStore.inMemory()
        let attributes = ChildAttributes(className: "4.b", school: "Vestskolen", birthYear: 2015, birthMonth: 3, sex: "f")
        _ = try store.importBatch(batch("a.csv"), records: [parentRecord("barn-1", attributes: attributes),
                                                           parentRecord("barn-2", row: 2, attributes: attributes)],
                                  options: importOptions())
        let rows = try store.rowCounts()
        #expect(rows["school"] == 1 && rows["schoolClass"] == 1)
        let child = try store.dbQueue.read { db in try ChildRecord.fetchOne(db, key: 1) }
        #expect(child?.birthYear == 2015 && child?.birthMonth == 3 && child?.sex == "f" && child?.classId == 1)
    }
}

import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// Reading stored responses back (for progress, exports, reports and the child overview).
struct ReadingTests {
    @Test func responsesComeBackWithScoresAndFilters() throws {
        let store = try SQLiteProjectStore.inMemory()
        let records = [
            parentRecord("barn-1", .initial, code: 1, row: 1, attributes: ChildAttributes(className: "4A")),
            parentRecord("barn-2", .initial, code: 2, row: 2, attributes: ChildAttributes(className: "4B")),
            parentRecord("barn-1", .final, code: 0, row: 3, attributes: ChildAttributes(className: "4A")),
        ]
        _ = try store.importBatch(batch("t.csv"), records: records, options: try importOptions())
        var all: [StoredResponse] = []
        try store.responses(ResponseQuery()) { all.append($0) }
        #expect(all.count == 3)

        let child = try store.pseudonym(for: "barn-1")
        var mine: [StoredResponse] = []
        try store.responses(ResponseQuery(child: child)) { mine.append($0) }
        #expect(mine.map(\.occasion) == [.initial, .final])
        #expect(mine.allSatisfy { $0.attributes.className == "4A" && $0.instrument.id == "sdq-p4-17" })
        // Every item answered 1 ("somewhat true"): emotion = 5 items × 1 = 5; a reversed item
        // scores 2 − 1 = 1 as well (Goodman's SDQ scoring, youthinmind sdqinfo.org "Scoring the SDQ").
        #expect(mine[0].value(of: "emotion") == 5)
        #expect(mine[0].value(of: "ebdtot") == 20)
        // All answers 0: conduct 0 + 0 + 0 + 0 from non-reversed items, obeys reversed = 2.
        #expect(mine[1].value(of: "conduct") == 2)
        #expect(mine[1].answers["worries"] == .code(0))

        var classB: [StoredResponse] = []
        try store.responses(ResponseQuery(className: "4B")) { classB.append($0) }
        #expect(classB.count == 1 && classB[0].value(of: "emotion") == 10)
    }

    @Test func auditEntriesRefuseCPRShapedText() throws {
        let store = try SQLiteProjectStore.inMemory()
        try store.recordAudit(action: .export, summary: "export sav, 3 rows", detail: "{}", operator: "tester")
        #expect(try store.auditLog().last?.action == .export)
        #expect(throws: StoreError.cprInAuditText) {
            try store.recordAudit(action: .export, summary: "filter 010203-1234", detail: nil, operator: "tester")
        }
    }

    @Test func auditEntriesAcceptChecksumsThatHoldCPRShapedRuns() throws {
        let store = try SQLiteProjectStore.inMemory()
        // A SHA-256 with ten digits in a row reading as 1 Feb 2003: machine-made, not a CPR number.
        let checksum = "ab0102031234cd" + String(repeating: "e", count: 50)
        try store.recordAudit(action: .export, summary: "manifest sha256 \(checksum)", detail: "{\"sha256\":\"\(checksum)\"}", operator: "tester")
        try store.recordAudit(action: .report, summary: "report class 4.b", detail: nil, operator: "tester")
        #expect(try store.auditLog().suffix(2).map(\.action) == [.export, .report])
        // A short run is still checked.
        #expect(throws: StoreError.cprInAuditText) {
            try store.recordAudit(action: .export, summary: "file ab0102031234cd.csv", detail: nil, operator: "tester")
        }
    }

    @Test func derivedKeysDifferByPurposeAndProject() throws {
        let store = try SQLiteProjectStore.inMemory(), other = try SQLiteProjectStore.inMemory()
        let key = try store.derivedKey(purpose: "export-pseudonyms")
        #expect(key.count == 32)
        #expect(key == (try store.derivedKey(purpose: "export-pseudonyms")))
        #expect(key != (try store.derivedKey(purpose: "other")))
        #expect(key != (try other.derivedKey(purpose: "export-pseudonyms")))
    }
}

import Foundation
import GRDB
import KortlaegDomain
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// The unordered read of a project file (an export's) on two connections: the same responses
/// and scores as the ordered read, under every filter; with another writer holding the project
/// it reads on one connection at once instead of waiting.
struct SplitReadTests {
    /// 40 children in 4 classes over two imports (T1 ids 1-40, T2 ids 41-80), so that the cut
    /// between the connections falls inside the T1 import.
    func project() throws -> (SQLiteProjectStore, String) {
        let path = try temporaryFolder().appendingPathComponent("p.kortlaeg").path
        let store = try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Test"), operator: "tester")
        for (occasion, name) in [(Occasion.initial, "t1.csv"), (.final, "t2.csv")] {
            let records = (1...40).map { child in
                parentRecord("barn-\((child * 7) % 41)", occasion, code: child % 3, row: child,
                             attributes: ChildAttributes(className: "4\(["A", "B", "C", "D"][child % 4])", sex: child % 2 == 0 ? "pige" : "dreng"))
            }
            _ = try store.importBatch(batch(name), records: records, options: try importOptions())
        }
        return (store, path)
    }

    func describe(_ response: StoredResponse) -> String {
        "\(response.child) \(response.occasion) \(response.attributes) \(response.instrument) "
            + response.scores.map { "\($0.id)=\($0.value.map { "\($0)" } ?? "-")/\($0.bands ?? "-")" }.joined(separator: ",")
            + " \(response.answers.sorted { $0.key < $1.key }) \(response.ruleChoices) \(response.includeUnverified)"
    }

    @Test func twoConnectionsReadWhatTheOrderedReadReads() throws {
        let (store, _) = try project()
        for query in [ResponseQuery(), ResponseQuery(className: "4C"), ResponseQuery(child: try store.pseudonym(for: "barn-7")),
                      ResponseQuery(informant: .parent)] {
            var inOrder: [String] = []
            try store.responses(query) { inOrder.append(describe($0)) }
            var unordered = query
            unordered.ordered = false
            var anyOrder: [String] = []
            let split = try store.unorderedResponses(unordered) { anyOrder.append(describe($0)) }
            #expect(split, "read on two connections")
            #expect(anyOrder.sorted() == inOrder.sorted(), "\(query)")
            #expect(!inOrder.isEmpty)
        }
        var all = ResponseQuery()
        all.ordered = false
        var count = 0
        try store.unorderedResponses(all) { _ in count += 1 }
        #expect(count == 80)
    }

    @Test func aWriterHoldingTheProjectMeansOneConnectionAndNoWait() throws {
        let (store, path) = try project()
        var query = ResponseQuery()
        query.ordered = false
        var count = 0
        var split = true
        let started = Date()
        // Another connection holds the write lock (as an import does) while the store reads.
        try DatabaseQueue(path: path).writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            defer { try? db.execute(sql: "ROLLBACK") }
            split = try store.unorderedResponses(query) { _ in count += 1 }
        }
        #expect(!split && count == 80)
        // Not the 30 s a writer would wait for the lock (a bound, not a timing of the read).
        #expect(Date().timeIntervalSince(started) < 10)
        // Once the writer is done, two connections again.
        #expect(try store.unorderedResponses(query) { _ in })
    }
}

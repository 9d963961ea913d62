import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

struct StatusTests {
    @Test func countsAndMissingFollowUps() throws {
        let store = try SQLiteProjectStore.inMemory(project: ProjectInfo(municipality: "Aarhus"))
        _ = try store.importBatch(batch("t1.csv"), records: (1...3).map { parentRecord("barn-\($0)", row: $0) },
                                  options: importOptions())
        _ = try store.importBatch(batch("f1.csv"), records: [parentRecord("barn-1", .followUp(1))], options: importOptions())
        _ = try store.importBatch(batch("t2.csv"), records: [parentRecord("barn-1", .final), parentRecord("barn-2", .final, row: 2)],
                                  options: importOptions())
        let status = try store.status(recentImports: 2)
        #expect(status.project.municipality == "Aarhus")
        #expect(status.childCount == 3)
        #expect(status.counts == [OccasionCount(occasion: "T1", informant: "parent", children: 3),
                                  OccasionCount(occasion: "F1", informant: "parent", children: 1),
                                  OccasionCount(occasion: "T2", informant: "parent", children: 2)])
        // Only occasions the project has reached are listed: F1 and T2 (no F2 exists yet).
        #expect(status.missing.map(\.occasion) == ["F1", "T2"])
        #expect(Set(status.missing[0].children) == Set([try store.pseudonym(for: "barn-2"), try store.pseudonym(for: "barn-3")]))
        #expect(status.missing[1].children == [try store.pseudonym(for: "barn-3")])
        #expect(status.recentImports.map(\.fileName) == ["t2.csv", "f1.csv"])
    }
}

import Foundation
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `ShowMissingForms`: the grid of the web overview and the list of `kortlaeg status`.
@Suite struct ShowMissingFormsTests {
    /// Three children in two classes: a (5A) parent T1 and T2, teacher T1; b (5A) parent T1;
    /// c (4B) teacher T2. Every child is a row; a cell is missing where the child has no response
    /// of that informant at that occasion: 2 occasions × 2 informants × 3 children = 12 cells, 5 present.
    func project() throws -> (path: String, store: SQLiteProjectStore) {
        let (path, project) = try makeProject()
        let teacher = InstrumentReference(id: "sdq-t4-17", version: "1.0.0")
        func teacherSDQ(_ child: String, _ occasion: Occasion, className: String) -> StoredResponseInput {
            StoredResponseInput(childKey: child, occasion: occasion, informant: .teacher,
                                attributes: ChildAttributes(className: className, school: "Byskolen"),
                                response: Response(instrument: teacher, answers: emotion(3)), row: 1)
        }
        try store([parentSDQ("elev-a", .initial, emotion(4)), parentSDQ("elev-b", .initial, emotion(2), row: 2)], as: "p-T1.csv", in: project)
        try store([parentSDQ("elev-a", .final, emotion(1))], as: "p-T2.csv", in: project)
        try store([teacherSDQ("elev-a", .initial, className: "5A")], as: "t-T1.csv", in: project)
        try store([teacherSDQ("elev-c", .final, className: "4B")], as: "t-T2.csv", in: project)
        return (path, project)
    }

    @Test func theGridNamesEveryMissingForm() throws {
        let (path, project) = try project()
        let (a, b, c) = (try project.pseudonym(for: "elev-a"), try project.pseudonym(for: "elev-b"), try project.pseudonym(for: "elev-c"))
        let grid = try ShowMissingForms.run(project: path)
        #expect(grid.occasions == ["T1", "T2"])
        #expect(grid.informants == [.parent, .teacher])
        #expect(grid.classes == ["4B", "5A"])
        // Rows by class, then pseudonym.
        #expect(grid.rows.map(\.pseudonym) == [c] + [a, b].sorted())
        let row = try #require(grid.rows.first { $0.pseudonym == a })
        #expect(row.has("T1", .parent) && row.has("T2", .parent) && row.has("T1", .teacher) && !row.has("T2", .teacher))
        #expect(row.missing(in: grid) == 1)
        #expect(grid.rows.map { $0.missing(in: grid) }.reduce(0, +) == 12 - 5)
        let list = grid.list.entries
        #expect(list.map { "\($0.occasion) \($0.informant.rawValue)" } == ["T1 parent", "T1 teacher", "T2 parent", "T2 teacher"])
        #expect(list[0].children == [c])
        #expect(list[1].children == [b, c].sorted())
        #expect(list[2].children == [b, c].sorted())
        #expect(list[3].children == [a, b].sorted())
    }

    @Test func oneClassHasItsOwnGrid() throws {
        let (path, project) = try project()
        let grid = try ShowMissingForms.run(project: path, className: "4B")
        #expect(grid.rows.map(\.pseudonym) == [try project.pseudonym(for: "elev-c")])
        #expect(grid.occasions == ["T2"] && grid.informants == [.teacher])
        #expect(grid.list.entries.allSatisfy { $0.children.isEmpty })
        // The class list is the project's, for the overview's drop-down.
        #expect(grid.classes == ["4B", "5A"])
    }

    @Test func anEmptyProjectHasAnEmptyGridAndAMissingProjectIsNotFound() throws {
        let (path, _) = try makeProject()
        let grid = try ShowMissingForms.run(project: path)
        #expect(grid.rows.isEmpty && grid.occasions.isEmpty && grid.list.entries.isEmpty)
        let error = expectFailure { () throws(KortlaegError) in try ShowMissingForms.run(project: path + ".missing") }
        #expect(error?.severity == .notFound)
    }
}

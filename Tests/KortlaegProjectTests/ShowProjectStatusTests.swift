import Foundation
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `ShowProjectStatus`: counts per occasion × informant, the children missing a later occasion, the imports.
@Suite struct ShowProjectStatusTests {
    /// Three children at T1, two of them at T2: child c is missing T2; no follow-up imported, so
    /// nobody is missing F1.
    @Test func countsAndMissingChildren() throws {
        let (path, project) = try makeProject()
        try store([parentSDQ("a", .initial, emotion(2)), parentSDQ("b", .initial, emotion(4), row: 2),
                   parentSDQ("c", .initial, emotion(6), row: 3)], as: "t1.csv", in: project)
        try store([parentSDQ("a", .final, emotion(1)), parentSDQ("b", .final, emotion(2), row: 2)], as: "t2.csv", in: project)

        let sink = CollectingSink()
        let status = try ShowProjectStatus.run(.init(project: path, recentImports: 1), sink: sink)
        #expect(status.project.municipality == "Jammerbugt")
        #expect(status.childCount == 3)
        #expect(status.counts.map { "\($0.occasion) \($0.informant) \($0.children)" } == ["T1 parent 3", "T2 parent 2"])
        #expect(status.missing.map(\.occasion) == ["T2"])
        #expect(status.missing.first?.children == [try project.pseudonym(for: "c")])
        #expect(status.recentImports.map(\.fileName) == ["t2.csv"])
        #expect(sink.messages.isEmpty)
    }

    @Test func aMissingProjectIsNotFound() {
        do {
            _ = try ShowProjectStatus.run(.init(project: "/nonexistent/p.kortlaeg"), sink: CollectingSink())
            Issue.record("expected an error")
        } catch {
            #expect(error.severity == .notFound)
            #expect(error.message == "No project at /nonexistent/p.kortlaeg. Create one with 'kortlaeg init /nonexistent/p.kortlaeg'.")
        }
    }

    @Test func aNegativeImportCountIsAUsageError() throws {
        let (path, _) = try makeProject()
        do {
            _ = try ShowProjectStatus.run(.init(project: path, recentImports: -1), sink: CollectingSink())
            Issue.record("expected an error")
        } catch {
            #expect(error.severity == .usage)
        }
    }
}

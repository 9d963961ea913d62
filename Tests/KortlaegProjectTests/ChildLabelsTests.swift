import Foundation
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `ChildLabels`: the staff's own labels, CPR-guarded, audited without their text, searchable.
@Suite struct ChildLabelsTests {
    func project() throws -> (path: String, store: SQLiteProjectStore, pseudonyms: [String]) {
        let (path, project) = try makeProject()
        try store([parentSDQ("elev-a", .initial, emotion(4)), parentSDQ("elev-b", .initial, emotion(2), row: 2),
                   parentSDQ("elev-c", .initial, emotion(1), row: 3)], as: "p-T1.csv", in: project)
        return (path, project, try ["elev-a", "elev-b", "elev-c"].map(project.pseudonym(for:)))
    }

    @Test func aLabelIsSetAuditedWithoutItsTextAndRemoved() throws {
        let (path, project, children) = try project()
        #expect(try ChildLabels.supported(project: path))
        #expect(try ChildLabels.set(project: path, pseudonym: children[0], label: "  Anna 4.b ", operator: "mette") == "Anna 4.b")
        #expect(try ChildLabels.all(project: path) == [children[0]: "Anna 4.b"])
        let entry = try #require(try project.auditLog().last)
        #expect(entry.action == .label && entry.operator == "mette")
        #expect(entry.summary == "label child \(children[0]) set")
        #expect(!entry.summary.contains("Anna"))
        #expect(try ChildLabels.set(project: path, pseudonym: children[0], label: "Anne", operator: "mette") == "Anne")
        #expect(try ChildLabels.all(project: path) == [children[0]: "Anne"])
        #expect(try ChildLabels.set(project: path, pseudonym: children[0], label: "", operator: "mette") == nil)
        #expect(try ChildLabels.all(project: path).isEmpty)
        #expect(try project.auditLog().last?.summary == "label child \(children[0]) removed")
    }

    @Test(arguments: ["Ring 010190-1234", "0101901234", String(repeating: "x", count: ChildLabels.maximumLength + 1), "to\nlinjer"])
    func badLabelsAreRefusedAndNeverStored(label: String) throws {
        let (path, project, children) = try project()
        let before = try project.auditLog().count
        let error = expectFailure { () throws(KortlaegError) in try ChildLabels.set(project: path, pseudonym: children[1], label: label, operator: "mette") }
        #expect(error?.severity == .usage)
        #expect(!(error?.message.contains("1234") ?? true))
        #expect(try ChildLabels.all(project: path).isEmpty)
        #expect(try project.auditLog().count == before)
    }

    @Test func anUnknownChildIsNotFound() throws {
        let (path, _, _) = try project()
        let error = expectFailure { () throws(KortlaegError) in try ChildLabels.set(project: path, pseudonym: String(repeating: "f", count: 32), label: "Bo", operator: "m") }
        #expect(error?.severity == .notFound)
    }

    /// Case- and accent-blind, a part of the label is enough, an exact label first.
    @Test func labelsAreFound() throws {
        let (path, _, children) = try project()
        try ChildLabels.set(project: path, pseudonym: children[0], label: "Åse", operator: "m")
        try ChildLabels.set(project: path, pseudonym: children[1], label: "Åse fra 5A", operator: "m")
        try ChildLabels.set(project: path, pseudonym: children[2], label: "Bo", operator: "m")
        #expect(try ChildLabels.find(project: path, text: "åse").map(\.pseudonym) == [children[0], children[1]])
        #expect(try ChildLabels.find(project: path, text: "ASE FRA").map(\.pseudonym) == [children[1]])
        #expect(try ChildLabels.find(project: path, text: "bo").map(\.label) == ["Bo"])
        #expect(try ChildLabels.find(project: path, text: "  ").isEmpty)
        #expect(try ChildLabels.find(project: path, text: "Karl").isEmpty)
    }
}

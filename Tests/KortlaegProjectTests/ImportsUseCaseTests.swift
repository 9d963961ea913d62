import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// `ListImports` and `RemoveImport` in process: the list, the exact status after a removal, the
/// file imported again, the audit entry, and the errors' severities. Files from `writeParentCSV`
/// (answers `(item + row) % 3`: every answer valid).
struct ImportsUseCaseTests {
    struct Project {
        let folder: URL
        let path: String
        let store: any ProjectStore

        init() throws {
            folder = try useCaseFolder()
            path = folder.appendingPathComponent("p.kortlaeg").path
            store = try ProjectLocation.create(path, project: ProjectInfo(municipality: "Jammerbugt"), operator: "tester")
        }

        @discardableResult
        func importFile(_ name: String, rows: Int, ids: String = "barn-", occasion: Occasion = .initial, replace: Bool = false) throws -> ProjectImport.Result {
            let url = folder.appendingPathComponent(name)
            if !FileManager.default.fileExists(atPath: url.path) { try writeParentCSV(url, rows: rows, id: { ids + String($0) }) }
            var request = ProjectImport.Request(project: path, files: [url.path], instruments: repositoryInstruments,
                                                profilesDirectory: profilesDirectory, operator: "tester")
            request.occasion = occasion
            request.replace = replace
            return try ProjectImport.run(request, sink: CollectingSink())
        }
    }

    @Test func listsRemovesAndImportsAgain() throws {
        let project = try Project()
        try project.importFile("t1.csv", rows: 5)
        try project.importFile("t2.csv", rows: 3, occasion: .final)
        let listed = try ListImports.run(.init(project: project.path), sink: CollectingSink())
        #expect(listed.map(\.fileName) == ["t1.csv", "t2.csv"])
        #expect(listed.map(\.responses) == [5, 3] && listed.map(\.accepted) == [5, 3])
        #expect(listed.map(\.instruments) == [["sdq-p4-17@1.0.0"], ["sdq-p4-17@1.0.0"]])
        #expect(listed.map(\.occasions) == [["T1"], ["T2"]] && listed.map(\.informants) == [["parent"], ["parent"]])
        #expect(ListImports.latest(in: listed)?.fileName == "t2.csv")

        let planned = try RemoveImport.run(.init(project: project.path, batch: listed[1].id, operator: "KB", dryRun: true), sink: CollectingSink())
        #expect(planned.dryRun && planned.removedResponses == 3 && planned.removedChildren == 0)
        #expect(try project.store.status(recentImports: 0).counts.map(\.children) == [5, 3], "a dry run changes nothing")

        let removal = try RemoveImport.run(.init(project: project.path, batch: listed[1].id, operator: "KB"), sink: CollectingSink())
        // barn-1 … barn-3 keep their T1 responses: no child is deleted.
        #expect(removal.removedResponses == 3 && removal.removedChildren == 0 && !removal.dryRun)
        let status = try project.store.status(recentImports: 10)
        #expect(status.childCount == 5)
        #expect(status.counts.map { "\($0.occasion) \($0.informant) \($0.children)" } == ["T1 parent 5"])
        #expect(status.missing.isEmpty, "no T2 left, so nobody is missing one")
        #expect(status.recentImports.map(\.fileName) == ["t1.csv"])
        let entry = try #require(try project.store.auditLog().last)
        #expect(entry.action == .removeImport && entry.operator == "KB")
        #expect(entry.summary.hasPrefix("removed import \(listed[1].id) (t2.csv, sha256 "))
        #expect(ListImports.latest(in: try ListImports.run(.init(project: project.path), sink: CollectingSink()))?.fileName == "t1.csv")

        // The same file again: stored again (it no longer counts as imported).
        let again = try project.importFile("t2.csv", rows: 3, occasion: .final)
        guard case let .stored(counts) = again.files.first?.outcome else { Issue.record("\(again)"); return }
        #expect(counts.accepted == 3 && counts.newChildren == 0)
        #expect(try project.store.status(recentImports: 0).counts.map(\.children) == [5, 3])
    }

    @Test func unknownAndRemovedImportsAreNotFound() throws {
        let project = try Project()
        try project.importFile("t1.csv", rows: 2)
        let id = try ListImports.run(.init(project: project.path), sink: CollectingSink())[0].id
        #expect(throws: KortlaegError.self) { try RemoveImport.run(.init(project: project.path, batch: 77, operator: "KB"), sink: CollectingSink()) }
        do {
            _ = try RemoveImport.run(.init(project: project.path, batch: 77, operator: "KB"), sink: CollectingSink())
        } catch {
            #expect(error.severity == .notFound)
            #expect(error.message == "The project has no import 77. 'kortlaeg imports --project P' lists the imports with their numbers.")
        }
        _ = try RemoveImport.run(.init(project: project.path, batch: id, operator: "KB"), sink: CollectingSink())
        do {
            _ = try RemoveImport.run(.init(project: project.path, batch: id, operator: "KB"), sink: CollectingSink())
            Issue.record("removed twice")
        } catch {
            #expect(error.severity == .notFound)
            #expect(error.message.hasPrefix("Import \(id) (t1.csv) was already removed at "))
        }
        do {
            _ = try ListImports.run(.init(project: project.folder.appendingPathComponent("none.kortlaeg").path), sink: CollectingSink())
            Issue.record("no project")
        } catch {
            #expect(error.severity == .notFound)
        }
    }

    /// A corrected file after a wrong one: remove the wrong import, import the corrected file, and
    /// the project holds what the corrected file says (no conflict, nothing replaced).
    @Test func removeTheWrongFileThenImportTheCorrectedOne() throws {
        let project = try Project()
        try project.importFile("wrong.csv", rows: 4)
        let wrong = try ListImports.run(.init(project: project.path), sink: CollectingSink())[0]
        _ = try RemoveImport.run(.init(project: project.path, batch: wrong.id, operator: "KB"), sink: CollectingSink())
        #expect(try project.store.status(recentImports: 0).childCount == 0)
        let corrected = project.folder.appendingPathComponent("corrected.csv")
        try writeParentCSV(corrected, rows: 4, id: { "barn-\($0 % 4 + 1)" })
        let result = try project.importFile("corrected.csv", rows: 4)
        guard case let .stored(counts) = result.files.first?.outcome else { Issue.record("\(result)"); return }
        #expect(counts.accepted == 4 && counts.replaced == 0 && counts.unchanged == 0 && counts.newChildren == 4)
    }
}

/// Issue 13: a source missing code becomes a missing answer whose reason is stored with the response.
struct MissingReasonStorageTests {
    @Test func aMissingCodeIsStoredWithItsReason() throws {
        let folder = try useCaseFolder()
        let path = folder.appendingPathComponent("p.kortlaeg").path
        let store = try ProjectLocation.create(path, project: ProjectInfo(), operator: "tester")
        let file = folder.appendingPathComponent("na.csv")
        // Row 1: pworries (the 8th item) is "NA"; everything else 1.
        let items = sdqItems.map { $0 == "worries" ? "NA" : "1" }
        try ((["id"] + sdqItems.map { "p" + $0 }).joined(separator: ",") + "\nbarn-1," + items.joined(separator: ",") + "\n")
            .write(to: file, atomically: true, encoding: .utf8)
        var request = ProjectImport.Request(project: path, files: [file.path], instruments: repositoryInstruments,
                                            profilesDirectory: profilesDirectory, operator: "tester")
        request.occasion = .initial
        request.missingCodes = [MissingCode(value: "NA", meaning: .notAsked)]
        let result = try ProjectImport.run(request, sink: CollectingSink())
        #expect(result.severity == .success, "\(result)")
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery()) { stored.append($0) }
        #expect(stored.count == 1)
        #expect(stored.first?.missingReasons == ["worries": "notAsked"])
        #expect(stored.first?.answers["worries"] == nil && stored.first?.answers["somatic"] == .code(1))
    }
}

import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// The `import --project` use case: one transaction per file, idempotent, conflicts and
/// `replace`, files refused whole, problems kept, and the worst file deciding the severity.
/// Files come from `writeParentCSV` (answers `(item + row) % 3`: every answer valid).
struct ProjectImportTests {
    struct Project {
        let folder: URL
        let path: String
        let store: any ProjectStore

        init() throws {
            folder = try useCaseFolder()
            path = folder.appendingPathComponent("p.kortlaeg").path
            store = try ProjectLocation.create(path, project: ProjectInfo(municipality: "Jammerbugt"), operator: "tester")
        }

        func request(_ files: [URL], occasion: Occasion? = .initial) -> ProjectImport.Request {
            var request = ProjectImport.Request(project: path, files: files.map(\.path), instruments: repositoryInstruments,
                                                profilesDirectory: profilesDirectory, operator: "tester")
            request.occasion = occasion
            return request
        }

        func csv(_ name: String, rows: Int, ids: String = "barn-", extra: String = "") throws -> URL {
            let url = folder.appendingPathComponent(name)
            try writeParentCSV(url, rows: rows, id: { ids + String($0) }, extra: extra)
            return url
        }

        /// The stored responses as (child pseudonym, occasion) pairs.
        func responses() throws -> [(String, Occasion)] {
            var found: [(String, Occasion)] = []
            try store.responses(ResponseQuery()) { found.append(($0.child, $0.occasion)) }
            return found
        }
    }

    /// A valid parent row after the generated ones: every item 0.
    static func zeros(_ id: String) -> String { id + "," + sdqItems.map { _ in "0" }.joined(separator: ",") + "\n" }

    @Test func importsOnceThenChangesNothing() throws {
        let project = try Project()
        let file = try project.csv("first.csv", rows: 5)
        let sink = CollectingSink()
        var result = try ProjectImport.run(project.request([file]), sink: sink)
        #expect(result.severity == .success)
        guard case let .stored(counts) = result.files.first?.outcome else { Issue.record("\(result)"); return }
        #expect(counts.accepted == 5 && counts.newChildren == 5 && counts.rejected == 0 && counts.replaced == 0)
        #expect(result.files.first?.summary?.profile == "official-variables-csv")
        #expect(sink.notes.contains("\(file.path): records read 5, responses stored 5, new children 5, problems 0, without answers 0"))
        #expect(!sink.text.contains("barn-"), "raw child ids are never reported")
        #expect(try project.responses().count == 5)

        let again = CollectingSink()
        result = try ProjectImport.run(project.request([file]), sink: again)
        #expect(result.severity == .success)
        guard case .alreadyImported = result.files.first?.outcome else { Issue.record("\(result)"); return }
        #expect(again.notes.contains { $0.hasPrefix("\(file.path): already imported, nothing changed (same SHA-256 as first.csv") })
        #expect(try project.responses().count == 5)
    }

    @Test func conflictRefusesTheFileThenReplaceStoresIt() throws {
        let project = try Project()
        _ = try ProjectImport.run(project.request([try project.csv("first.csv", rows: 5)]), sink: CollectingSink())
        // Rows 1-6 for barn-2 … barn-6, barn-1: every stored child gets other answers (those of another row).
        let corrected = project.folder.appendingPathComponent("corrected.csv")
        try writeParentCSV(corrected, rows: 6, id: { "barn-\($0 % 6 + 1)" })
        let sink = CollectingSink()
        var result = try ProjectImport.run(project.request([corrected]), sink: sink)
        #expect(result.severity == .conflict)
        guard case let .conflicts(conflicts, counts) = result.files.first?.outcome else { Issue.record("\(result)"); return }
        // barn-6 (row 5) is the one record that was fine.
        #expect(conflicts.map(\.row) == [1, 2, 3, 4, 6] && counts.accepted == 1)
        #expect(sink.errors == ["\(corrected.path): 5 responses were already delivered by another file with other answers; nothing from this file was imported (1 other records were fine)."])
        for row in [1, 2, 3, 4, 6] { #expect(sink.notes.contains { $0.hasPrefix("  row \(row): sdq-p4-17 T1 parent (child ") }) }
        #expect(sink.notes.last == "Use --replace to replace them (the replaced responses stay in the audit log).")
        #expect(!sink.text.contains("barn-"))
        #expect(try project.responses().count == 5)

        var request = project.request([corrected])
        request.replace = true
        request.operator = "KB"
        let replaced = CollectingSink()
        result = try ProjectImport.run(request, sink: replaced)
        #expect(result.severity == .success)
        #expect(replaced.notes.contains("\(corrected.path): records read 6, responses stored 6, new children 1, problems 0, without answers 0, 5 responses replaced"))
        #expect(try project.responses().count == 6)
        let audit = try project.store.auditLog()
        #expect(audit.filter { $0.action == .replace }.count == 5 && audit.last?.operator == "KB")
    }

    /// Re-delivering a file with one new row: the identical responses are unchanged, not conflicts.
    @Test func identicalRedeliveryIsUnchanged() throws {
        let project = try Project()
        _ = try ProjectImport.run(project.request([try project.csv("first.csv", rows: 5)]), sink: CollectingSink())
        let again = try project.csv("first-with-one-more.csv", rows: 5, extra: Self.zeros("barn-6"))
        let sink = CollectingSink()
        let result = try ProjectImport.run(project.request([again]), sink: sink)
        #expect(result.severity == .success)
        guard case let .stored(counts) = result.files.first?.outcome else { Issue.record("\(result)"); return }
        #expect(counts.accepted == 1 && counts.unchanged == 5 && counts.replaced == 0)
        #expect(sink.notes.contains("\(again.path): records read 6, responses stored 1, new children 1, problems 0, without answers 0, unchanged 5 (identical to the responses an earlier file delivered)"))
        #expect(try project.responses().count == 6)
    }

    /// A bad row never stops its file: the others are stored, the problem goes to the rejects
    /// report (without the child id) and is kept with the import.
    @Test func oneBadRowStoresTheOthersAndReportsTheProblem() throws {
        let project = try Project()
        // Row 6 has 'x' for the first item (pconsid).
        let file = try project.csv("one-bad.csv", rows: 5, extra: "barn-6,x," + sdqItems.dropFirst().map { _ in "1" }.joined(separator: ",") + "\n")
        var request = project.request([file])
        let rejects = project.folder.appendingPathComponent("rejects.csv").path
        request.rejects = rejects
        let sink = CollectingSink()
        let result = try ProjectImport.run(request, sink: sink)
        #expect(result.severity == .rowsRejected && result.rejectsPath == rejects)
        #expect(sink.notes.contains("\(file.path): records read 6, responses stored 5, new children 5, problems 1, without answers 0"))
        #expect(sink.notes.contains("\(file.path): the problems are kept with the import in the project."))
        #expect(sink.notes.last == "rejected records are listed in \(rejects)")
        let report = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(report.hasPrefix("file,location,field,value,reason\n") && report.contains("row 6 (line 7),pconsid,x,"))
        #expect(!report.contains("barn-"))
        #expect(try project.responses().count == 5)
        #expect(try project.store.status(recentImports: 1).recentImports.first?.rejected == 1)
    }

    /// A CPR number typed into an answer is rejected without being reported or written.
    @Test func cprNumberInAnAnswerIsNeverShown() throws {
        let project = try Project()
        let cpr = "0102031234"
        let file = try project.csv("cpr.csv", rows: 2, extra: "barn-3,\(cpr)," + sdqItems.dropFirst().map { _ in "1" }.joined(separator: ",") + "\n")
        var request = project.request([file])
        request.rejects = project.folder.appendingPathComponent("rejects.csv").path
        let sink = CollectingSink()
        let result = try ProjectImport.run(request, sink: sink)
        #expect(result.severity == .rowsRejected)
        let report = try String(contentsOfFile: request.rejects!, encoding: .utf8)
        #expect(report.contains("pconsid") && !report.contains(cpr))
        #expect(!sink.text.contains(cpr))
    }

    @Test func dryRunStoresNothing() throws {
        let project = try Project()
        let file = try project.csv("first.csv", rows: 4)
        var request = project.request([file])
        request.dryRun = true
        let sink = CollectingSink()
        var result = try ProjectImport.run(request, sink: sink)
        #expect(result.severity == .success)
        #expect(sink.notes.contains("\(file.path) (dry run, nothing stored): records read 4, responses stored 4, new children 4, problems 0, without answers 0"))
        #expect(sink.notes.last == "dry run: nothing stored in \(project.path)")
        #expect(try project.responses().isEmpty)
        // The file was not marked as imported: a real run stores it.
        result = try ProjectImport.run(project.request([file]), sink: CollectingSink())
        #expect(try project.responses().count == 4)
    }

    /// A file whose records name no occasion is refused whole (so that a second run with an
    /// occasion is not "already imported"); the next file, which names its occasion, is still
    /// imported, and the refusal, a usage error, outranks its success.
    @Test func fileWithoutOccasionIsRefusedWholeAndTheNextIsImported() throws {
        let project = try Project()
        let first = try project.csv("no-occasion.csv", rows: 3)
        let second = project.folder.appendingPathComponent("with-occasion.csv")
        try ((["child_id", "occasion"] + sdqItems.map { "p" + $0 }).joined(separator: ",") + "\n"
             + "elev-1,T2," + sdqItems.map { _ in "1" }.joined(separator: ",") + "\n")
            .write(to: second, atomically: true, encoding: .utf8)
        let sink = CollectingSink()
        var result = try ProjectImport.run(project.request([first, second], occasion: nil), sink: sink)
        #expect(result.files.map(\.severity) == [.usage, .success])
        #expect(result.severity == .usage)
        guard case let .failed(error) = result.files.first?.outcome else { Issue.record("\(result)"); return }
        let message = "\(first.path): row 1 (line 2) names no occasion; please give --occasion T1, F1, F2, … or T2 (or name the occasion in the file). Nothing from \(first.path) was imported."
        #expect(error.message == message && sink.errors == [message])
        #expect(try project.responses().map(\.1) == [.final])

        result = try ProjectImport.run(project.request([first]), sink: CollectingSink())
        #expect(try result.severity == .success && project.responses().count == 4)
    }

    /// Several files: the worst outcome decides (failure > conflict > rows rejected > success),
    /// and each file keeps its own.
    @Test func theWorstFileDecides() throws {
        let project = try Project()
        let badRow = "x," + sdqItems.dropFirst().map { _ in "1" }.joined(separator: ",") + "\n"
        let first = try project.csv("first.csv", rows: 3)
        let bad = try project.csv("bad.csv", rows: 1, ids: "elev-", extra: "elev-2," + badRow)
        // barn-2 and barn-1 again, with other answers (those of the other row): conflicts.
        let again = project.folder.appendingPathComponent("again.csv")
        try writeParentCSV(again, rows: 2, id: { "barn-\(3 - $0)" })
        var result = try ProjectImport.run(project.request([first, bad, again]), sink: CollectingSink())
        #expect(result.files.map(\.severity) == [.success, .rowsRejected, .conflict])
        #expect(result.severity == .conflict)

        let other = try Project()
        let rejected = try other.csv("bad.csv", rows: 1, ids: "elev-", extra: "elev-2," + badRow)
        let fine = try other.csv("fine.csv", rows: 2)
        result = try ProjectImport.run(other.request([rejected, fine]), sink: CollectingSink())
        #expect(result.files.map(\.severity) == [.rowsRejected, .success])
        #expect(result.severity == .rowsRejected)

        // A failure outranks a conflict: barn-1 at T1 again (named in the file), then a file
        // naming no occasion.
        let conflicting = project.folder.appendingPathComponent("conflicting.csv")
        try ((["child_id", "occasion"] + sdqItems.map { "p" + $0 }).joined(separator: ",") + "\n"
             + "barn-1,T1," + sdqItems.map { _ in "0" }.joined(separator: ",") + "\n")
            .write(to: conflicting, atomically: true, encoding: .utf8)
        let missingOccasion = try project.csv("no-occasion.csv", rows: 1, ids: "ny-")
        result = try ProjectImport.run(project.request([conflicting, missingOccasion], occasion: nil), sink: CollectingSink())
        #expect(result.files.map(\.severity) == [.conflict, .usage])
        #expect(result.severity == .usage)
    }

    @Test func missingProjectIsNotFound() throws {
        let folder = try useCaseFolder()
        let file = folder.appendingPathComponent("a.csv")
        try writeParentCSV(file, rows: 1) { "barn-\($0)" }
        let missing = folder.appendingPathComponent("none.kortlaeg").path
        let request = ProjectImport.Request(project: missing, files: [file.path], instruments: repositoryInstruments,
                                            profilesDirectory: profilesDirectory, operator: "tester")
        let error = expectFailure { () throws(KortlaegError) in try ProjectImport.run(request, sink: CollectingSink()) }
        #expect(error?.severity == .notFound && error?.message == "No project at \(missing). Create one with 'kortlaeg init \(missing)'.")
    }
}

import Foundation
import KortlaegTestSupport
import Testing

/// End-to-end: `kortlaeg imports` and `kortlaeg imports remove` with the built binary. Files from
/// `writeParentCSV` (every answer valid), so every count is the file's row count.
@Suite(.serialized) struct ImportsCommandTests {
    @Test func listRemoveStatusAndImportAgain() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let t1 = folder.appendingPathComponent("foraeldre-t1.csv")
        try writeParentCSV(t1, rows: 4, id: { "barn-\($0)" })
        let t2 = folder.appendingPathComponent("foraeldre-t2.csv")
        try writeParentCSV(t2, rows: 2, id: { "barn-\($0)" })
        #expect(try runKortlaeg(["import", t1.path, "--project", project, "--occasion", "T1"]).status == 0)
        #expect(try runKortlaeg(["import", t2.path, "--project", project, "--occasion", "T2"]).status == 0)

        let list = try runKortlaeg(["imports", "--project", project, "--lang", "en"])
        #expect(list.status == 0, "\(list.stderr)")
        let lines = list.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("id  imported") && lines[0].contains("file") && lines[0].hasSuffix("status"), "\(list.stdout)")
        #expect(lines[1].hasPrefix(" 1  ") && lines[1].contains("foraeldre-t1.csv  cli-tester  sdq-p4-17@1.0.0  T1") && lines[1].contains("parent"))
        #expect(lines[2].hasPrefix(" 2  ") && lines[2].contains("foraeldre-t2.csv") && lines[2].contains("T2"))
        #expect(list.stdout.contains("kortlaeg imports remove ID --project \(project)"))
        #expect(!list.stdout.contains("barn-"))
        let danish = try runKortlaeg(["imports", "list", "--project", project])
        #expect(danish.stdout.hasPrefix("nr  indlæst") && danish.stdout.contains("forælder"), "\(danish.stdout)")

        let json = try runKortlaeg(["imports", "--project", project, "--format", "json"])
        let objects = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(objects.map { $0["fileName"] as? String } == ["foraeldre-t1.csv", "foraeldre-t2.csv"])
        #expect(objects.map { $0["responses"] as? Int } == [4, 2] && objects.map { $0["removed"] as? Bool } == [false, false])
        let csv = try runKortlaeg(["imports", "--project", project, "--format", "csv", "--lang", "en"])
        #expect(csv.stdout.hasPrefix("id,imported,file,by,instrument,occasion,informant,stored,unchanged,replaced,problems,held now,status\n"))
        #expect(csv.stdout.split(separator: "\n").count == 3)

        let dry = try runKortlaeg(["imports", "remove", "2", "--project", project, "--dry-run", "--lang", "en"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.hasPrefix("Dry run: import 2 (foraeldre-t2.csv) would be removed; nothing was changed.\n"), "\(dry.stdout)")
        #expect(dry.stdout.contains("  2 responses (with their scores) would be deleted\n"))
        #expect(dry.stdout.contains("  0 children with no other response would be deleted\n"))

        let removed = try runKortlaeg(["imports", "remove", "2", "--project", project, "--operator", "KB"])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(removed.stdout.hasPrefix("Import 2 (foraeldre-t2.csv) er fjernet.\n"), "\(removed.stdout)")
        #expect(removed.stdout.contains("  2 besvarelser (med deres scorer) slettet\n"))
        #expect(removed.stdout.contains("Filen kan nu indlæses igen"))

        let status = try runKortlaeg(["status", "--project", project, "--lang", "en"])
        #expect(status.stdout.contains("children: 4"))
        #expect(!status.stdout.contains("  T2 "), "no T2 responses are left: \(status.stdout)")
        #expect(!status.stdout.contains("foraeldre-t2.csv"), "a removed import is not among the last imports")
        let listed = try runKortlaeg(["imports", "--project", project, "--lang", "en"]).stdout
        #expect(listed.contains("removed ") && listed.contains(" by KB"), "\(listed)")

        // Unknown and already removed imports: 66, nothing changed.
        let unknown = try runKortlaeg(["imports", "remove", "9", "--project", project])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("The project has no import 9."), "\(unknown.stderr)")
        #expect(try runKortlaeg(["imports", "remove", "2", "--project", project]).status == 66)
        #expect(try runKortlaeg(["imports", "remove", "0", "--project", project]).status == 64)
        #expect(try runKortlaeg(["imports", "--project", folder.appendingPathComponent("none.kortlaeg").path]).status == 66)

        // The same file again is stored again.
        let again = try runKortlaeg(["import", t2.path, "--project", project, "--occasion", "T2"])
        #expect(again.status == 0 && again.stderr.contains("responses stored 2"), "\(again.stderr)")
        #expect(try runKortlaeg(["status", "--project", project, "--lang", "en"]).stdout.contains("T2"))
    }

    @Test func helpHasExamples() throws {
        for command in [["imports", "--help"], ["imports", "remove", "--help"], ["imports", "list", "--help"]] {
            let help = try runKortlaeg(command)
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example:") && help.stdout.contains("kortlaeg imports"), "\(command)")
        }
        #expect(try runKortlaeg(["imports", "remove", "--help"]).stdout.contains("Exit codes: 0 removed"))
    }
}

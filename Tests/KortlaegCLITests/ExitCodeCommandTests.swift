import Foundation
import KortlaegTestSupport
import Testing

/// README "Exit codes", checked against what the commands return (issue 13) where no other test
/// pins the code down.
struct ExitCodeCommandTests {
    /// A score file of `SampleData/sdq-parent-T1.csv` (its ids are barn-0001, …).
    static func scoreFile(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("t1.csv").path
        _ = try runKortlaeg(["score", sample("sdq-parent-T1.csv"), "--instrument", "sdq-p4-17", "--output", path])
        return path
    }

    @Test func reportOnScoreFilesForAnUnknownChildIs66() throws {
        let folder = try temporaryFolder()
        let scores = try Self.scoreFile(in: folder)
        let known = try runKortlaeg(["report", "--scores", scores + ":T1", "--instrument", "sdq-p4-17", "--child", "barn-0001"])
        #expect(known.status == 0, "\(known.stderr)")
        let unknown = try runKortlaeg(["report", "--scores", scores + ":T1", "--instrument", "sdq-p4-17", "--child", "barn-9999"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("The child id given with --child is in none of the score files") && !unknown.stderr.contains("barn-9999"))
    }

    @Test func aClassWithNoStoredResponsesIs65() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let report = try runKortlaeg(["report", "--project", project, "--class", "9.z"])
        #expect(report.status == 65 && report.stderr.contains("no stored responses for class '9.z'"))
        let export = try runKortlaeg(["export", "--project", project, "--class", "9.z", "--format", "csv",
                                      "--output", folder.appendingPathComponent("x.csv").path])
        #expect(export.status == 65)
    }

    @Test func aDraftProfileThatCannotBeWrittenIs73() throws {
        let result = try runKortlaeg(["profile", "suggest", sample("sdq-parent-T1.csv"), "--output", "/nonexistent-folder/p.json"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("error: cannot write /nonexistent-folder/p.json: the folder does not exist."))
        #expect(!result.stderr.contains("cannot write /nonexistent-folder/p.json: cannot write"))
    }
}

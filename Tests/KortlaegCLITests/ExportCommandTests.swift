import Foundation
import KortlaegTestSupport
import Testing

@Test(arguments: ["export", "report"])
func exportAndReportHelpHaveAnExample(command: String) throws {
    let result = try runKortlaeg([command, "--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Example"))
}

@Test(arguments: ["export", "report"])
func exportAndReportTakeAProjectOrScoreFilesNotBoth(command: String) throws {
    let result = try runKortlaeg([command, "--project", "p.kortlaeg", "--scores", "x.csv", "--instrument", "sdq-p4-17", "--class", "4.b"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("one or the other"))
}

/// Scores the sample T1/T2 parent files, exports them as .sav with CPR-shaped ids swapped in,
/// and checks that the files exist and that no input id appears in any output.
@Test func exportAndReportFromScoreFiles() throws {
    let folder = try temporaryFolder()
    for occasion in ["T1", "T2"] {
        // Replace the sample ids barn-0001 … by CPR-shaped ids (0101900001 …, 1 Jan 1990).
        let input = repositoryRoot.appendingPathComponent("SampleData/sdq-parent-\(occasion).csv")
        var text = try String(contentsOf: input, encoding: .utf8)
        text = text.replacingOccurrences(of: "barn-", with: "010190")
        let raw = folder.appendingPathComponent("raw-\(occasion).csv")
        try text.write(to: raw, atomically: true, encoding: .utf8)
        let scored = try runKortlaeg(["score", raw.path, "--instrument", "sdq-p4-17", "--output", folder.appendingPathComponent("\(occasion).csv").path])
        #expect([0, 3].contains(scored.status), "\(scored.stderr)")
    }
    let key = folder.appendingPathComponent("projekt.key")
    try Data("0123456789abcdef0123456789abcdef\n".utf8).write(to: key)
    let output = folder.appendingPathComponent("out/evaluering.sav")
    try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
    let result = try runKortlaeg(["export", "--scores", folder.appendingPathComponent("T1.csv").path + ":T1",
                                  "--scores", folder.appendingPathComponent("T2.csv").path + ":T2", "--instrument", "sdq-p4-17",
                                  "--id", "barn_id", "--format", "sav", "--output", output.path, "--key-file", key.path,
                                  "--stable-salt", "evaluering-2026"])
    #expect(result.status == 0, "\(result.stderr)")
    let names = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path).sorted()
    #expect(names == ["evaluering.sav", "evaluering.sav.codebook.html", "evaluering.sav.codebook.md", "evaluering.sav.codebook.xml", "evaluering.sav.manifest.json"])
    for name in names {
        let data = try Data(contentsOf: output.deletingLastPathComponent().appendingPathComponent(name))
        #expect(data.range(of: Data("0101900001".utf8)) == nil, "\(name) contains an input id")
    }
    let report = try runKortlaeg(["report", "--scores", folder.appendingPathComponent("T1.csv").path + ":T1",
                                  "--scores", folder.appendingPathComponent("T2.csv").path + ":T2", "--instrument", "sdq-p4-17",
                                  "--id", "barn_id", "--class", "Testklasse"])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("Klasseoverblik: Testklasse"))
    #expect(!report.stdout.contains("https://"))
    // A CPR-shaped id as the child's heading is refused.
    let child = try runKortlaeg(["report", "--scores", folder.appendingPathComponent("T1.csv").path + ":T1", "--instrument", "sdq-p4-17",
                                 "--id", "barn_id", "--child", "0101900001"])
    #expect(child.status == 65)
    #expect(child.stderr.contains("CPR"))
    #expect(!child.stderr.contains("0101900001"))
}

import Foundation
import KortlaegTestSupport
import Testing

/// Issue 18 end to end: the built binary on the smallest inputs that showed each defect.
@Suite(.serialized) struct DefectCommandTests {
    static func repro(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("Tests/KortlaegReadersTests/Fixtures/repro/\(name)").path
    }

    /// The ten digits of the two CPR numbers put into `cpr-in-class-and-answer.csv`, in every form.
    static let cprForms = ["010203-1234", "0102031234", "010203 1234"]

    /// The repro file with its placeholders `{CPR-DASHED}` (an answer cell) and `{CPR-PLAIN}` (a
    /// class name) filled in, written to `folder`: no committed file holds a CPR-shaped number.
    static func reproWithCPR(in folder: URL) throws -> String {
        let text = try String(contentsOfFile: repro("cpr-in-class-and-answer.csv"), encoding: .utf8)
            .replacingOccurrences(of: "{CPR-DASHED}", with: "010203-1234")
            .replacingOccurrences(of: "{CPR-PLAIN}", with: "0102031234")
        let path = folder.appendingPathComponent("cpr-in-class-and-answer.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: - 6. CPR numbers never reach the store, stderr or the rejects file

    @Test func aCPRNumberInAClassNameOrAnAnswerReachesNeitherTheStoreNorStderr() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let rejects = folder.appendingPathComponent("rejects.csv").path
        let result = try runKortlaeg(["import", try Self.reproWithCPR(in: folder), "--project", project,
                                      "--occasion", "T1", "--rejects", rejects])
        #expect(result.status == 3, "\(result.stderr)")
        let status = try runKortlaeg(["status", "--project", project])
        let store = try Data(contentsOf: URL(fileURLWithPath: project))
        let report = (try? String(contentsOfFile: rejects, encoding: .utf8)) ?? ""
        for text in [result.stderr, result.stdout, status.stdout, status.stderr, report, String(decoding: store, as: UTF8.self)] {
            for cpr in Self.cprForms { #expect(!text.contains(cpr), "\(cpr) leaked") }
        }
        #expect(report.contains("class name contains a CPR number (not shown)"), "\(report)")
    }

    @Test(arguments: ["010203-1234", "010203\u{2013}1234", "010203 1234", "0102031234", "\u{FF10}\u{FF11}\u{FF10}\u{FF12}\u{FF10}\u{FF13}-\u{FF11}\u{FF12}\u{FF13}\u{FF14}"])
    func aCPRNumberInAFileNameIsRefusedWithoutRepeatingIt(cpr: String) throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let file = folder.appendingPathComponent("svar \(cpr).csv")
        try writeParentCSV(file, rows: 1, id: { "barn-\($0)" })
        let result = try runKortlaeg(["import", file.path, "--project", project, "--occasion", "T1"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("file name contains a CPR number (not shown)"))
        #expect(!result.stderr.contains(cpr))
        let status = try runKortlaeg(["status", "--project", project])
        #expect(!status.stdout.contains(cpr) && !status.stdout.contains(".csv"), "the file was not recorded")
    }

    // MARK: - 7. Formula cells are neutralised in every CSV written for Excel

    @Test func aFormulaCellIsWrittenWithALeadingQuoteUnlessRaw() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("formula.csv")
        // A free-text-free SDQ file whose id is a formula: the id column reaches the output.
        try writeParentCSV(input, rows: 1, id: { _ in "=cmd|' /C calc'!A0" })
        let output = folder.appendingPathComponent("scores.csv").path
        let result = try runKortlaeg(["import", input.path, "--score", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains("\n\"'=cmd|' /C calc'!A0\",") || written.contains("\n'=cmd|' /C calc'!A0,"), "\(written)")
        let raw = try runKortlaeg(["import", input.path, "--score", "--output", output, "--raw"])
        #expect(raw.status == 0, "\(raw.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8).contains("\n=cmd|' /C calc'!A0,"))
    }

    /// `score` writes rows through the byte-level fast path (issue 15): the same neutralising.
    @Test func scoreNeutralisesAFormulaCellOnTheFastPathUnlessRaw() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("formula.csv")
        try writeParentCSV(input, rows: 2, id: { "=HYPERLINK(\"x\")\($0)" })
        let output = folder.appendingPathComponent("scores.csv").path
        let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines[1].hasPrefix("\"'=HYPERLINK(\"\"x\"\")1\","), "\(lines[1])")
        let raw = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--output", output, "--raw"])
        #expect(raw.status == 0, "\(raw.stderr)")
        let rawLines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(rawLines[1].hasPrefix("\"=HYPERLINK(\"\"x\"\")1\","), "\(rawLines[1])")
    }

    // MARK: - 8. A one-character output base name

    @Test func anExportWithAOneCharacterBaseNameDoesNotCrash() throws {
        let folder = try temporaryFolder()
        let project = try ProjectFixture.create(in: folder)
        let result = try runKortlaeg(["export", "--project", project, "--format", "csv", "--output", "e.csv"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("e.csv").path))
    }
}

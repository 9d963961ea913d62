import Foundation
import KortlaegTestSupport
import Testing

/// End-to-end: the built binary on small files. Expected scores computed by hand from
/// shared/specs/sdq.md (youthinmind scoring rules, UK 3-band and 4-band cut-offs).
@Suite(.serialized) struct ScoreCommandTests {
    // Row A: all 25 items 1 (reversed items also 1): each scale 5; total 20; ebddiff 0 -> impact 0.
    //   Bands (parent 3-band): emotion 5 abnormal, conduct 5 abnormal, hyper 5 normal, peer 5 abnormal,
    //   prosocial 5 borderline, total 20 abnormal, impact 0 normal.
    // Row B: emotion items 1,1,0,0,blank: 5*2/4 = 2.5 -> 3; other items blank -> those scales missing;
    //   total missing; ebddiff 1 with distres 3 -> 2: impact 2 (abnormal, 4-band high).
    // Row C: pobeys = 3 -> rejected.
    static let rows: [[String]] = [
        ["A"] + Array(repeating: "1", count: 25) + ["0", "", "", "", "", ""],
        ["B", "", "", "1", "", "", "", "", "1", "", "", "", "", "0", "", "", "0", "", "", "", "", "", "", "", "", "",
         "1", "3", "", "", "", ""],
        ["C"] + ["1", "1", "1", "1", "1", "1", "3"] + Array(repeating: "1", count: 18) + ["0", "", "", "", "", ""],
    ]

    func writeInput(_ folder: URL, delimiter: String = ",") throws -> URL {
        let url = folder.appendingPathComponent("in.csv")
        let text = ([parentHeader] + Self.rows).map { $0.joined(separator: delimiter) }.joined(separator: "\n") + "\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func scoresBandsStatusAndRejects() throws {
        let folder = try temporaryFolder()
        let input = try writeInput(folder)
        let output = folder.appendingPathComponent("out.csv")
        let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--output", output.path])
        #expect(result.status == 3, "rows were rejected: exit 3")
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines[0] == "id,pemotion,pconduct,phyper,ppeer,pprosoc,pebdtot,pimpact,pextern,pintern,pemotion_band3,pemotion_band4,pconduct_band3,pconduct_band4,phyper_band3,phyper_band4,ppeer_band3,ppeer_band4,pprosoc_band3,pprosoc_band4,pebdtot_band3,pebdtot_band4,pimpact_band3,pimpact_band4,status")
        // 4-band parent: emotion 5 high, conduct 5 high, hyper 5 close to average, peer 5 very high,
        // prosocial 5 very low, total 20 very high, impact 0 close to average.
        #expect(lines[1] == "A,5,5,5,5,5,20,0,10,10,abnormal,high,abnormal,high,normal,close to average,abnormal,very high,borderline,very low,abnormal,very high,normal,close to average,complete")
        #expect(lines[2] == "B,3,,,,,,2,,,normal,close to average,,,,,,,,,,,abnormal,high,incomplete")
        #expect(lines[3] == "C" + String(repeating: ",", count: 23) + ",rejected")
        let rejects = try String(contentsOf: folder.appendingPathComponent("out-rejects.csv"), encoding: .utf8)
        #expect(rejects == "file,row,line,column,value,reason\n\(input.path),3,4,pobeys,3,\"expected one of 0, 1, 2 or blank\"\n")
        #expect(result.stderr.contains("rows read: 3, scored: 2 (complete 1, incomplete 1), rejected: 1"))
        #expect(result.stdout.isEmpty)
    }

    @Test func semicolonInputDanishLabelsToStdout() throws {
        let folder = try temporaryFolder()
        let input = try writeInput(folder, delimiter: ";")
        let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--lang", "da"])
        #expect(result.status == 3)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[1].hasPrefix("A,5,5,5,5,5,20,0,10,10,afvigende,højt,"))
        // Without --output the rejected row's problem is on stderr, located.
        #expect(result.stderr.contains("in.csv:4: row 3: error: pobeys '3': expected one of 0, 1, 2 or blank"))
        #expect(result.stderr.contains("';' (semicolon) separated (detected)"))
    }

    /// A wrong option value is refused before anything is read, with the subcommand's usage.
    @Test(arguments: [["--delimiter", "pipe"], ["--encoding", "latin-2"], ["--output-delimiter", "||"], ["--rule", "impact"]])
    func wrongOptionValueShowsTheUsageOfScore(_ option: [String]) throws {
        let result = try runKortlaeg(["score", "/nonexistent/x.csv", "--instrument", "sdq-p4-17"] + option)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("Unknown --") || result.stderr.contains("must be OPTION=CHOICE"))
        #expect(result.stderr.contains("Usage: kortlaeg score"))
    }

    /// `--language` is the long name of `--lang`, as for every other command.
    @Test func languageIsTheLongNameOfLang() throws {
        let folder = try temporaryFolder()
        let input = try writeInput(folder)
        let short = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--lang", "da"])
        let long = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--language", "da"])
        #expect(long.status == 3 && long.stdout == short.stdout && long.stdout.contains(",afvigende,"))
    }

    @Test func rRuleVariantForImpact() throws {
        // ebddiff blank, distres 3 -> 2: default (Stata/SPSS) 2, R syntax missing.
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("impact.csv")
        try "id,pebddiff,pdistres\nX,,3\n".write(to: input, atomically: true, encoding: .utf8)
        let sum = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17"])
        #expect(sum.stdout.split(separator: "\n")[1].hasPrefix("X,,,,,,,2,"))
        let missing = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--rule", "impact-when-ebddiff-missing=missing"])
        #expect(missing.stdout.split(separator: "\n")[1].hasPrefix("X,,,,,,,,"))
        #expect(missing.stderr.contains("rules: impact-when-ebddiff-missing=missing"))
    }

    @Test func unknownInstrumentSuggestsTheClosest() throws {
        let folder = try temporaryFolder()
        let input = try writeInput(folder)
        let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-71"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown instrument 'sdq-p4-71'. Did you mean 'sdq-p4-17'?"))
    }

    @Test func unreadableInputLeavesNoOutput() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("broken.csv")
        try "id,pconsid\nA,1\nB,\"2\n".write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.csv")
        let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--output", output.path])
        #expect(result.status == 65)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(!FileManager.default.fileExists(atPath: output.path + ".partial"))
        #expect(result.stderr.contains("broken.csv"))
    }

    @Test func missingFileIsExit66() throws {
        let result = try runKortlaeg(["score", "/nonexistent/x.csv", "--instrument", "sdq-p4-17"])
        #expect(result.status == 66)
    }

    @Test func windows1252InputIsRead() throws {
        let folder = try temporaryFolder()
        let input = folder.appendingPathComponent("cp1252.csv")
        // "Søren" in Windows-1252 (ø = 0xF8) as id; header with ';'
        var bytes = Array("elev;pconsid;pshares;pcaring;pkind;phelpout\r\n".utf8)
        bytes += Array("S".utf8) + [0xF8] + Array("ren;2;2;1;1;0\r\n".utf8)
        try Data(bytes).write(to: input)
        let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--id", "elev"])
        // prosocial: 2+2+1+1+0 = 6
        #expect(result.stdout.split(separator: "\n")[1].hasPrefix("Søren,,,,,6,"))
        #expect(result.stderr.contains("windows-1252") || result.stderr.contains("Windows-1252"))
    }
}

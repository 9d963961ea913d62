import Foundation
import KortlaegTestSupport
import Testing

/// CSV injection (issue 18, item 7) in the CSV files `export`, `progress` and `trivsel` write: a
/// text cell that begins with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` (OWASP, "CSV
/// Injection"), a number (`-3`, `-1.6667`) never does, and `--raw` writes every cell as it is.
@Suite(.serialized) struct FormulaCellCommandTests {
    static let formula = "=cmd|' /C calc'!A0"

    @Test func exportNeutralisesAFormulaClassNameUnlessRaw() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project, "--municipality", "Odense"]).status == 0)
        // Two children in class `=cmd|' /C calc'!A0`, with a free-text-free parent form.
        let items = sdqItems.map { "p" + $0 }
        var text = "id,klasse," + items.joined(separator: ",") + "\n"
        for row in 1...2 { text += "elev-000\(row),\(Self.formula)," + items.indices.map { String(($0 + row) % 3) }.joined(separator: ",") + "\n" }
        let input = folder.appendingPathComponent("klasse.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let imported = try runKortlaeg(["import", input.path, "--project", project, "--occasion", "T1"])
        #expect(imported.status == 0, "\(imported.stderr)")

        let output = folder.appendingPathComponent("e.csv").path
        var result = try runKortlaeg(["export", "--project", project, "--format", "csv", "--items", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        var written = try String(contentsOfFile: output, encoding: .utf8)
        #expect(written.contains(",'\(Self.formula),"), "\(written)")
        #expect(!written.contains(",\(Self.formula),"))

        result = try runKortlaeg(["export", "--project", project, "--format", "csv", "--items", "--raw", "--output",
                                  folder.appendingPathComponent("r.csv").path])
        #expect(result.status == 0, "\(result.stderr)")
        written = try String(contentsOfFile: folder.appendingPathComponent("r.csv").path, encoding: .utf8)
        #expect(written.contains(",\(Self.formula),") && !written.contains("'="), "\(written)")

        // --raw is for CSV only.
        result = try runKortlaeg(["export", "--project", project, "--format", "sav", "--raw", "--output",
                                  folder.appendingPathComponent("x.sav").path])
        #expect(result.status == 64 && result.stderr.contains("--raw applies to --format csv only"), "\(result.stderr)")
    }

    /// Score files written with `--raw` keep the formula group name and ids; `progress` neutralises
    /// them in both CSV files, but not the negative mean change (T1 emotion 2, 4, T2 0, 2: −2).
    @Test func progressNeutralisesFormulaGroupsAndIdsButNotNegativeNumbers() throws {
        let folder = try temporaryFolder()
        let emotion = ["psomatic", "pworries", "punhappy", "pclingy", "pafraid"]
        func write(_ name: String, _ rows: [(String, String)]) throws -> String {
            let lines = ["id,klasse," + emotion.joined(separator: ",")] + rows.map { "\($0.0),\(Self.formula),\($0.1)" }
            let input = folder.appendingPathComponent(name + ".in.csv")
            try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            let scored = folder.appendingPathComponent(name).path
            let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--keep", "klasse", "--raw",
                                          "--output", scored])
            #expect(result.status == 0, "\(result.stderr)")
            return scored
        }
        let t1 = try write("s1.csv", [("@a", "2,0,0,0,0"), ("b", "2,2,0,0,0")])
        let t2 = try write("s2.csv", [("@a", "0,0,0,0,0"), ("b", "2,0,0,0,0")])
        #expect(try String(contentsOfFile: t1, encoding: .utf8).contains("\n@a,\(Self.formula),"))
        let children = folder.appendingPathComponent("children.csv").path
        let arguments = ["progress", "--t1", t1, "--t2", t2, "--instrument", "sdq-p4-17", "--by", "klasse", "--format", "csv",
                         "--suppress", "1", "--per-child", children]
        var result = try runKortlaeg(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let groups = result.stdout.split(separator: "\n").map(String.init)
        let header = groups[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let emotionRow = try #require(groups.first { $0.contains(",pemotion,") })
        #expect(emotionRow.hasPrefix("'\(Self.formula),"), "\(emotionRow)")
        let fields = emotionRow.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let meanChange = fields[try #require(header.firstIndex(of: "mean_change"))]
        #expect(meanChange.hasPrefix("-") && Double(meanChange) == -2, "\(emotionRow)")
        let perChild = try String(contentsOfFile: children, encoding: .utf8)
        #expect(perChild.contains("\n'@a,emotion,pemotion,2.0,0.0,-2.0,"), "\(perChild)")

        result = try runKortlaeg(arguments + ["--raw"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n\(Self.formula),"), "\(result.stdout)")
        #expect(try String(contentsOfFile: children, encoding: .utf8).contains("\n@a,emotion,pemotion,2.0,0.0,-2.0,"))
    }

    @Test func trivselNeutralisesAFormulaSchoolNameUnlessRaw() throws {
        let input = try temporaryFolder().appendingPathComponent("trivsel.csv")
        try """
            År;Skolenavn;Trin;Antal elever;Social trivsel;Faglig trivsel
            2018;\(Self.formula);4. klasse;20;4,1;3,7

            """.write(to: input, atomically: true, encoding: .utf8)
        var result = try runKortlaeg(["trivsel", input.path, "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n'\(Self.formula),,2017/18,social,"), "\(result.stdout)")
        result = try runKortlaeg(["trivsel", input.path, "--format", "csv", "--raw"])
        #expect(result.stdout.contains("\n\(Self.formula),,2017/18,social,"), "\(result.stdout)")
    }
}

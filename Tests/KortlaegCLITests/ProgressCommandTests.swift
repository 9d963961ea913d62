import Foundation
import KortlaegTestSupport
import Testing

@Suite(.serialized) struct ProgressCommandTests {
    /// score (with --keep) → progress. Six children in class 5A: parent total difficulties built from the
    /// emotional items only (other scales blank → total missing), so the test uses pemotion:
    /// T1 emotion sums 2,4,6,8,10,6 with all 5 answered → scale = sum; T2 = 0,2,4,6,8,6: mean change −1.6667…
    /// (−2 five times and 0 once: −10/6). One child only at T1 is listed as unpaired.
    @Test func scoredFilesPairAndReport() throws {
        let folder = try temporaryFolder()
        let emotion = ["psomatic", "pworries", "punhappy", "pclingy", "pafraid"]
        func write(_ name: String, _ rows: [(String, Int)]) throws -> URL {
            var lines = ["id,klasse," + emotion.joined(separator: ",")]
            for (id, sum) in rows {
                // sum spread over 5 items of 0-2: e.g. 6 -> 2,2,2,0,0
                var items = [Int](repeating: 0, count: 5), left = sum
                for index in 0..<5 { items[index] = min(2, left); left -= items[index] }
                lines.append("\(id),5A," + items.map(String.init).joined(separator: ","))
            }
            let url = folder.appendingPathComponent(name)
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        let t1 = try write("t1.csv", [("a", 2), ("b", 4), ("c", 6), ("d", 8), ("e", 10), ("f", 6), ("g", 3)])
        let t2 = try write("t2.csv", [("a", 0), ("b", 2), ("c", 4), ("d", 6), ("e", 8), ("f", 6)])
        for (input, output) in [(t1, "s1.csv"), (t2, "s2.csv")] {
            let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--keep", "klasse",
                                          "--output", folder.appendingPathComponent(output).path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let scored = try String(contentsOf: folder.appendingPathComponent("s1.csv"), encoding: .utf8)
        #expect(scored.hasPrefix("id,klasse,pemotion,"))
        let result = try runKortlaeg(["progress", "--t1", folder.appendingPathComponent("s1.csv").path,
                                      "--t2", folder.appendingPathComponent("s2.csv").path, "--instrument", "sdq-p4-17",
                                      "--by", "klasse", "--format", "csv",
                                      "--per-child", folder.appendingPathComponent("children.csv").path])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        let emotionRow = try #require(rows.first { $0.count > 2 && $0[2] == "pemotion" })
        #expect(emotionRow[header.firstIndex(of: "n")!] == "6")
        #expect(emotionRow[header.firstIndex(of: "unpaired")!] == "1")
        let meanChange = try #require(Double(emotionRow[header.firstIndex(of: "mean_change")!]))
        #expect(abs(meanChange - (-10.0 / 6.0)) < 1e-12)
        #expect(result.stderr.contains("paired: 6; only T1: 1; only T2: 0"))
        let children = try String(contentsOf: folder.appendingPathComponent("children.csv"), encoding: .utf8)
        #expect(children.contains("g,,,,,,,,,,,,,,,only_earlier"))
        #expect(children.contains("a,emotion,pemotion,2.0,0.0,-2.0,yes,"))
    }

    /// An output into a folder that does not exist: exit 73 (cannot create) with the file and the
    /// reason, and a per-child file that cannot be written leaves no half file behind.
    @Test func unwritableOutputNamesTheFileAndTheReason() throws {
        let root = repositoryRoot.appendingPathComponent("SampleData")
        let folder = try temporaryFolder()
        for occasion in ["T1", "T2"] {
            let scored = try runKortlaeg(["score", root.appendingPathComponent("sdq-parent-\(occasion).csv").path, "--instrument", "sdq-p4-17",
                                          "--keep", "klasse", "--output", folder.appendingPathComponent("\(occasion).csv").path])
            #expect([0, 3].contains(scored.status), "\(scored.stderr)")  // 3: SampleData holds rows that are rejected on purpose
        }
        let missing = folder.appendingPathComponent("no-such-folder/groups.csv").path
        let result = try runKortlaeg(["progress", "--t1", folder.appendingPathComponent("T1.csv").path,
                                      "--t2", folder.appendingPathComponent("T2.csv").path, "--instrument", "sdq-p4-17",
                                      "--by", "klasse", "--format", "csv", "--output", missing])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(missing): the folder does not exist"), "\(result.stderr)")
        #expect(!result.stderr.contains("CSVError"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func tableIsDanishByDefaultAndExplainsTerms() throws {
        let root = repositoryRoot.appendingPathComponent("SampleData")
        let folder = try temporaryFolder()
        for occasion in ["T1", "T2"] {
            _ = try runKortlaeg(["score", root.appendingPathComponent("sdq-parent-\(occasion).csv").path, "--instrument", "sdq-p4-17",
                                 "--keep", "klasse", "koen", "--output", folder.appendingPathComponent("\(occasion).csv").path])
        }
        let result = try runKortlaeg(["progress", "--t1", folder.appendingPathComponent("T1.csv").path,
                                      "--t2", folder.appendingPathComponent("T2.csv").path, "--instrument", "sdq-p4-17"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Samlet problemscore (pebdtot; lavere er bedre)"))
        #expect(result.stdout.contains("Forklaring: ændring = T2 − T1."))
        #expect(result.stdout.contains("Pålidelig ændring (RCI) ikke beregnet: ingen reliabilitet er kendt for pebdtot"))
        #expect(result.stdout.contains("Kun T1:"))
    }

    @Test func missingGroupingColumnIsExplained() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("s.csv")
        try "id,pemotion,status\na,3,complete\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runKortlaeg(["progress", "--t1", file.path, "--t2", file.path, "--instrument", "sdq-p4-17", "--by", "klasse"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("No file has a column 'klasse' to group by"))
        // Found after parsing, but printed with the subcommand's usage like a parsing error.
        #expect(result.stderr.contains("Usage: kortlaeg progress [<options>] --instrument <instrument>"))
        #expect(!result.stderr.contains("kortlaeg <subcommand>"))
    }
}

import Foundation
import KortlaegTestSupport
import Testing

/// `progress` over the whole course from score files: --t1, --occasion F1=…, --occasion F2=…, --t2.
/// Emotional symptoms (sum of the five emotional items, youthinmind "Scoring the SDQ") of children
/// a–f: T1 2 4 6 8 10 6, F1 1 4 5 8 9 6, F2 1 3 4 6 8 5, T2 0 2 4 6 8 6; means by hand 6, 5.5, 4.5, 4.333….
@Suite(.serialized) struct ProgressCourseCommandTests {
    static let sums: [(String, [Int])] = [("T1", [2, 4, 6, 8, 10, 6]), ("F1", [1, 4, 5, 8, 9, 6]), ("F2", [1, 3, 4, 6, 8, 5]),
                                          ("T2", [0, 2, 4, 6, 8, 6])]

    func scoreFiles(_ folder: URL) throws -> [String: String] {
        let emotion = ["psomatic", "pworries", "punhappy", "pclingy", "pafraid"]
        var scored: [String: String] = [:]
        for (code, values) in Self.sums {
            var lines = ["id,klasse,koen," + emotion.joined(separator: ",")]
            for (id, sum) in zip(["a", "b", "c", "d", "e", "f"], values) {
                var items = [Int](repeating: 0, count: 5), left = sum
                for index in 0..<5 { items[index] = min(2, left); left -= items[index] }
                lines.append("\(id),5A,dreng," + items.map(String.init).joined(separator: ","))
            }
            let input = folder.appendingPathComponent("\(code).csv")
            try (lines.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
            let output = folder.appendingPathComponent("scores-\(code).csv").path
            let result = try runKortlaeg(["score", input.path, "--instrument", "sdq-p4-17", "--keep", "klasse", "koen", "--output", output])
            #expect(result.status == 0, "\(result.stderr)")
            scored[code] = output
        }
        return scored
    }

    @Test func scoreFilesOverTheCourse() throws {
        let folder = try temporaryFolder()
        let files = try scoreFiles(folder)
        let long = folder.appendingPathComponent("long.csv").path
        let result = try runKortlaeg(["progress", "--t1", files["T1"]!, "--occasion", "F1=\(files["F1"]!)", "--occasion", "F2=\(files["F2"]!)",
                                      "--t2", files["T2"]!, "--instrument", "sdq-p4-17", "--format", "csv", "--long", long])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        #expect(header.prefix(4) == ["group", "score", "variable", "occasion"])
        let emotion = rows.filter { $0.count > 3 && $0[2] == "pemotion" }
        #expect(emotion.map { $0[3] } == ["T1", "F1", "F2", "T2"])
        #expect(emotion.map { $0[header.firstIndex(of: "mean")!] }.prefix(3) == ["6.0", "5.5", "4.5"])
        #expect(result.stderr.contains("occasions: T1: 6; F1: 6 (paired with T1: 6); F2: 6 (paired with T1: 6); T2: 6 (paired with T1: 6)"))
        let longText = try String(contentsOfFile: long, encoding: .utf8)
        #expect(longText.hasPrefix("child_id,class,sex,score,variable,occasion,occasion_index,value,band,change_from_first,"))
        #expect(longText.contains("\na,5A,dreng,emotion,pemotion,F2,2,1.0,"))
        // The Danish table says the course.
        let table = try runKortlaeg(["progress", "--t1", files["T1"]!, "--occasion", "F1=\(files["F1"]!)", "--t2", files["T2"]!,
                                     "--instrument", "sdq-p4-17"])
        #expect(table.status == 0 && table.stdout.hasPrefix("Forløb: T1, F1, T2\n"), "\(table.stderr)")
    }

    /// Two files keep the T1 → T2 output as it was; `--long` adds the long file.
    @Test func twoOccasionsKeepTheTwoOccasionOutput() throws {
        let folder = try temporaryFolder()
        let files = try scoreFiles(folder)
        let long = folder.appendingPathComponent("long.csv").path
        let result = try runKortlaeg(["progress", "--t1", files["T1"]!, "--t2", files["T2"]!, "--instrument", "sdq-p4-17", "--long", long])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Fremskridt fra T1 til T2\nParret: 6 børn."))
        let longText = try String(contentsOfFile: long, encoding: .utf8)
        #expect(longText.contains("\nb,5A,dreng,emotion,pemotion,T2,1,2.0,"))
        let bad = try runKortlaeg(["progress", "--t1", files["T1"]!, "--occasion", "F1", "--instrument", "sdq-p4-17"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--occasion 'F1' must be CODE=FILE"))
    }

    /// Several score files for one occasion, one per class: `--occasion T1=… --occasion T1=…`.
    /// T1: t1-5A.csv a 2, b 4 and c 6; t1-5B.csv d 8, e 10, f 6 and c 7 again (its row 4). F1 and
    /// T2 one file each (the values of ``sums``). By hand: c is a duplicate at T1 (left out there,
    /// counted in 5A, its first row's class), T1's mean is (2 + 4 + 8 + 10 + 6) / 5 = 6.
    @Test func severalFilesForOneOccasionOverTheCourse() throws {
        let folder = try temporaryFolder()
        func file(_ name: String, _ rows: [(String, String, Int)]) throws -> String {
            let path = folder.appendingPathComponent(name).path
            try (["id,klasse,koen,pemotion"] + rows.map { "\($0.0),\($0.1),dreng,\($0.2)" }).joined(separator: "\n")
                .appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let ids = ["a", "b", "c", "d", "e", "f"]
        func klasse(_ id: String) -> String { ["a", "b", "c"].contains(id) ? "5A" : "5B" }
        let t1a = try file("t1-5A.csv", [("a", "5A", 2), ("b", "5A", 4), ("c", "5A", 6)])
        let t1b = try file("t1-5B.csv", [("d", "5B", 8), ("e", "5B", 10), ("f", "5B", 6), ("c", "5B", 7)])
        let f1 = try file("f1.csv", zip(ids, Self.sums[1].1).map { ($0, klasse($0), $1) })
        let t2 = try file("t2.csv", zip(ids, Self.sums[3].1).map { ($0, klasse($0), $1) })
        let result = try runKortlaeg(["progress", "--occasion", "T1=\(t1a)", "--occasion", "T1=\(t1b)", "--occasion", "F1=\(f1)",
                                      "--t2", t2, "--instrument", "sdq-p4-17", "--by", "klasse", "--suppress", "1", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("duplicates at T1 (the same id more than once, not paired): 1 child — \(t1a) row 3 and \(t1b) row 4"),
                "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let groups = try #require(json["groups"] as? [[String: Any]])
        let a = try #require(groups.first { $0["group"] as? String == "5A" && $0["variable"] as? String == "pemotion" && $0["occasion"] as? String == "T1" })
        // 5A at T1 without c: a 2, b 4 → mean 3.
        #expect(a["mean"] as? Int == 3 && a["duplicates"] as? Int == 1)
        // Two occasions with --long and two files for T1: no longer refused.
        let long = folder.appendingPathComponent("long.csv").path
        let two = try runKortlaeg(["progress", "--t1", t1a, t1b, "--t2", t2, "--instrument", "sdq-p4-17", "--long", long])
        #expect(two.status == 0, "\(two.stderr)")
        #expect(two.stdout.contains("Dubletter (ikke parret): 1."))
        #expect(try String(contentsOfFile: long, encoding: .utf8).contains("\nd,5B,dreng,emotion,pemotion,T2,1,6.0,"))
    }
}

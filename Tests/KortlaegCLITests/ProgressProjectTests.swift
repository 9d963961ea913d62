import Foundation
import KortlaegTestSupport
import KortlaegDomain
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite
import Testing

/// `kortlaeg progress --project`: the same pairing and statistics as the file path, read from the
/// store. The store is filled through the library so the test does not depend on import options.
@Suite(.serialized) struct ProgressProjectTests {
    /// Six children in class 5A with parent SDQ emotional items only. Emotional symptoms = sum of
    /// somatic, worries, unhappy, clingy, afraid (0–2 each, none reversed; youthinmind, "Scoring the
    /// SDQ", sdqinfo.org). T1 sums 2,4,6,8,10,6 → T2 sums 0,2,4,6,8,6: changes −2 ×5 and 0 →
    /// mean −10/6. Child g has only T1 and is counted unpaired, class 5B has one child (suppressed).
    @Test func storedScoresPairByClass() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("p.kortlaeg").path
        let store = try SQLiteProjectStore.create(at: path, project: ProjectInfo(), operator: "test")
        let reference = InstrumentReference(id: "sdq-p4-17", version: "1.0.0")
        let emotion = ["somatic", "worries", "unhappy", "clingy", "afraid"]
        func records(_ occasion: Occasion, _ rows: [(String, String, Int)]) -> [StoredResponseInput] {
            rows.enumerated().map { index, row in
                var answers: [String: AnswerValue] = [:]
                var left = row.2
                for item in emotion { let code = min(2, left); answers[item] = .code(code); left -= code }
                return StoredResponseInput(childKey: row.0, occasion: occasion, informant: .parent,
                                           attributes: ChildAttributes(className: row.1),
                                           response: Response(instrument: reference, answers: answers), row: index + 1)
            }
        }
        let catalog = try InstrumentCatalog.load(directory: repositoryRoot.appendingPathComponent("Instruments").path)
        let options = ImportOptions(instruments: catalog, operator: "test")
        _ = try store.importBatch(ImportBatch(fileName: "t1.csv", sha256: String(repeating: "a", count: 64), profile: "test"),
                                  records: records(.initial, [("a", "5A", 2), ("b", "5A", 4), ("c", "5A", 6), ("d", "5A", 8),
                                                              ("e", "5A", 10), ("f", "5A", 6), ("g", "5A", 3), ("h", "5B", 1)]),
                                  options: options)
        _ = try store.importBatch(ImportBatch(fileName: "t2.csv", sha256: String(repeating: "b", count: 64), profile: "test"),
                                  records: records(.final, [("a", "5A", 0), ("b", "5A", 2), ("c", "5A", 4), ("d", "5A", 6),
                                                            ("e", "5A", 8), ("f", "5A", 6), ("h", "5B", 0)]),
                                  options: options)

        let result = try runKortlaeg(["progress", "--project", path, "--instrument", "sdq-p4-17", "--by", "class",
                                      "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        let group = try #require(header.firstIndex(of: "group"))
        let emotionRow = try #require(rows.first { $0.count > 2 && $0[2] == "pemotion" && $0[group] == "5A" })
        #expect(emotionRow[header.firstIndex(of: "n")!] == "6")
        #expect(emotionRow[header.firstIndex(of: "unpaired")!] == "1")
        let meanChange = try #require(Double(emotionRow[header.firstIndex(of: "mean_change")!]))
        #expect(abs(meanChange - (-10.0 / 6.0)) < 1e-12)
        let small = try #require(rows.first { $0.count > 2 && $0[2] == "pemotion" && $0[group] == "5B" })
        #expect(small[header.firstIndex(of: "mean_change")!] == "")
        #expect(result.stderr.contains("paired: 7; only T1: 1; only T2: 0"))
        // Children are known by their pseudonyms only.
        #expect(!result.stdout.contains(",g,") && !result.stderr.contains(" g,"))
    }

    @Test func projectModeRefusesFileOptionsAndUnknownGroups() throws {
        let withFiles = try runKortlaeg(["progress", "--project", "x.kortlaeg", "--t1", "a.csv", "--instrument", "sdq-p4-17"])
        #expect(withFiles.status == 64)
        #expect(withFiles.stderr.contains("leave out --t1"))
        let badGroup = try runKortlaeg(["progress", "--project", "x.kortlaeg", "--instrument", "sdq-p4-17", "--by", "klassetrin"])
        #expect(badGroup.status == 64)
        #expect(badGroup.stderr.contains("class, school, sex, birth-year or site"))
        let missing = try runKortlaeg(["progress", "--project", "/nonexistent/x.kortlaeg", "--instrument", "sdq-p4-17"])
        #expect(missing.status == 66)
    }
}

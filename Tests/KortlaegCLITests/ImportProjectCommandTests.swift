import Foundation
import KortlaegTestSupport
import GRDB
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// End-to-end: `kortlaeg import --project` with the built binary, on SampleData and generated
/// files. Expected counts are computed from the files themselves.
@Suite(.serialized) struct ImportProjectCommandTests {
    static let sampleFiles = [("parent", "T1"), ("teacher", "T1"), ("self", "T1"), ("parent", "T2"), ("teacher", "T2"), ("self", "T2")]

    /// The main job: init, import T1 and T2 of every informant, status shows the counts;
    /// class and sex come along; importing the same files again changes nothing.
    @Test func sampleDataT1AndT2ThenStatusThenReimport() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project, "--municipality", "Aarhus"]).status == 0)

        var expected: [String: [String: Int]] = [:]  // occasion → informant → children
        var children: [String: (className: String, sex: String)] = [:]
        for (name, occasion) in Self.sampleFiles {
            let file = sample("sdq-\(name)-\(occasion).csv")
            let rows = try SampleFile(path: file)
            let informant = name == "self" ? "child" : name
            expected[occasion, default: [:]][informant] = rows.valid.count
            for row in rows.valid { children[row.id] = (row.className, row.sex) }

            let result = try runKortlaeg(["import", file, "--project", project, "--occasion", occasion])
            #expect(result.status == (rows.invalidFields > 0 ? 3 : 0), "\(file): \(result.stderr)")
            #expect(result.stderr.contains("records read \(rows.valid.count + rows.invalid), responses stored \(rows.valid.count),"),
                    "\(result.stderr)")
            #expect(result.stderr.contains("problems \(rows.invalidFields)"))
            #expect(!result.stderr.contains("barn-0"), "raw ids must not be printed")
        }

        let status = try runKortlaeg(["status", "--project", project, "--lang", "en"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("children: \(children.count)"))
        #expect(StatusTable(status.stdout).counts == expected, "\(status.stdout)")
        #expect(!status.stdout.contains("barn-0"))

        // Class and sex columns (klasse, koen) are stored with each child.
        let store = try SQLiteProjectStore.open(at: project)
        var byPseudonym: [String: (className: String, sex: String)] = [:]
        for (id, attributes) in children { byPseudonym[try store.pseudonym(for: id)] = attributes }
        var responses = 0
        try store.responses(ResponseQuery()) { response in
            responses += 1
            #expect(response.attributes.className == byPseudonym[response.child]?.className)
            #expect(response.attributes.sex == byPseudonym[response.child]?.sex)
        }
        #expect(responses == expected.values.flatMap(\.values).reduce(0, +))
        let batches = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT profile, rejected FROM importBatch").map { ($0["profile"] as String, $0["rejected"] as Int) }
        }
        #expect(batches.count == 6 && batches.allSatisfy { $0.0 == "official-variables-csv" })

        // The same files again: nothing changes, and the tool says so.
        let digest = try store.contentDigest()
        for (name, occasion) in Self.sampleFiles {
            let result = try runKortlaeg(["import", sample("sdq-\(name)-\(occasion).csv"), "--project", project, "--occasion", occasion])
            #expect(result.status == 0 && result.stderr.contains("already imported, nothing changed"), "\(result.stderr)")
        }
        #expect(try SQLiteProjectStore.open(at: project).contentDigest() == digest)
        #expect(try runKortlaeg(["status", "--project", project, "--lang", "en"]).stdout == status.stdout)
    }

    /// One bad row never aborts its file: the others are stored and the problem is kept with the
    /// batch and written to --rejects, without the child id.
    @Test func oneBadRowStoresTheOthersAndRecordsTheReject() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let file = folder.appendingPathComponent("one-bad.csv")
        let good = 5
        // Row good + 1 has 'x' for the first item (pconsid).
        try writeParentCSV(file, rows: good, id: { "barn-\($0)" },
                           extra: "barn-\(good + 1),x," + sdqItems.dropFirst().map { _ in "1" }.joined(separator: ",") + "\n")
        let rejects = folder.appendingPathComponent("rejects.csv").path
        let result = try runKortlaeg(["import", file.path, "--project", project, "--occasion", "T1", "--rejects", rejects])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("responses stored \(good),") && result.stderr.contains("problems 1"))

        let store = try SQLiteProjectStore.open(at: project)
        #expect(try store.rowCounts()["response"] == good)
        let stored = try store.dbQueue.read { db in
            try Row.fetchAll(db, sql: "SELECT row, line, \"column\", value FROM importReject")
        }
        #expect(stored.count == 1)
        #expect(stored.first?["row"] == good + 1 && stored.first?["line"] == good + 2)
        #expect(stored.first?["column"] == "pconsid" && stored.first?["value"] == "x")
        let report = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(report.contains("row \(good + 1) (line \(good + 2)),pconsid,x,"))
        #expect(!report.contains("barn-"))
    }

    /// A CPR number typed into an answer column is rejected without being printed, written to
    /// the rejects report or stored.
    @Test func cprNumberInAnAnswerIsNeverShown() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let cpr = "0102031234"
        let file = folder.appendingPathComponent("cpr-answer.csv")
        try writeParentCSV(file, rows: 2, id: { "barn-\($0)" },
                           extra: "barn-3,\(cpr)," + sdqItems.dropFirst().map { _ in "1" }.joined(separator: ",") + "\n")
        let rejects = folder.appendingPathComponent("rejects.csv").path
        for extra in [[], ["--rejects", rejects]] {
            let result = try runKortlaeg(["import", file.path, "--project", project, "--occasion", "T1", "--dry-run"] + extra)
            #expect(result.status == 3 && result.stderr.contains("pconsid"), "\(result.stderr)")
            #expect(!result.stderr.contains(cpr))
        }
        let result = try runKortlaeg(["import", file.path, "--project", project, "--occasion", "T1", "--rejects", rejects])
        #expect(result.status == 3)
        let report = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(report.contains("pconsid") && !report.contains(cpr))
        let bytes = FileManager.default.contents(atPath: project) ?? Data()
        #expect(bytes.range(of: Data(cpr.utf8)) == nil)
    }

    @Test func dryRunStoresNothing() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let (digest, counts) = try { () throws -> (String, [String: Int]) in
            let store = try SQLiteProjectStore.open(at: project)
            return (try store.contentDigest(), try store.rowCounts())
        }()
        let file = sample("sdq-parent-T1.csv")
        let rows = try SampleFile(path: file)
        var result = try runKortlaeg(["import", file, "--project", project, "--occasion", "T1", "--dry-run"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("(dry run, nothing stored): records read") && result.stderr.contains("responses stored \(rows.valid.count),"))
        let store = try SQLiteProjectStore.open(at: project)
        #expect(try store.contentDigest() == digest && store.rowCounts() == counts)
        // The file was not marked as imported: a real run stores it.
        result = try runKortlaeg(["import", file, "--project", project, "--occasion", "T1"])
        #expect(try result.status == 3 && store.rowCounts()["response"] == rows.valid.count, "\(result.stderr)")
    }

    /// A file whose records name no occasion is refused whole (so a second run with --occasion is
    /// not "already imported").
    @Test func fileWithoutOccasionIsRefusedWhole() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let digest = try SQLiteProjectStore.open(at: project).contentDigest()
        var result = try runKortlaeg(["import", sample("sdq-teacher-T1.csv"), "--project", project])
        #expect(result.status == 64 && result.stderr.contains("names no occasion") && result.stderr.contains("--occasion"))
        #expect(try SQLiteProjectStore.open(at: project).contentDigest() == digest)
        result = try runKortlaeg(["import", sample("sdq-teacher-T1.csv"), "--project", project, "--occasion", "T1"])
        #expect(result.status == 3 && result.stderr.contains("responses stored"), "\(result.stderr)")
    }

    /// A CSV written by `kortlaeg template` and filled in imports without any option: occasion
    /// and date come from its columns.
    @Test func filledTemplateImports() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let templates = folder.appendingPathComponent("skabeloner")
        let made = try runKortlaeg(["template", "kv-inklusion", "--informant", "parent", "--occasion", "T1", "--output", templates.path])
        #expect(made.status == 0, "\(made.stderr)")
        let name = try #require(FileManager.default.contentsOfDirectory(atPath: templates.path)
            .first { $0.hasSuffix(".csv") && !$0.contains("codebook") })
        let path = templates.appendingPathComponent(name).path
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let header = text.split(whereSeparator: \.isNewline)[0].replacingOccurrences(of: "\u{FEFF}", with: "")
            .split(separator: ";").map(String.init)
        let answered = Set(sdqItems.prefix(25).map { "p" + $0 })
        let filled = 4
        for child in 1...filled {
            let values = header.map { column -> String in
                switch column {
                case "child_id": "elev-\(child)"
                case "occasion": "T1"
                case "date": "2026-09-0\(child)"
                default: answered.contains(column) ? String(child % 3) : ""
                }
            }
            text += values.joined(separator: ";") + "\r\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let result = try runKortlaeg(["import", path, "--project", project])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("responses stored \(filled),"))
        var dates: [String] = []
        try SQLiteProjectStore.open(at: project).responses(ResponseQuery()) { response in
            #expect(response.occasion == .initial && response.informant == .parent)
            dates.append(response.date ?? "")
        }
        #expect(dates.sorted() == (1...filled).map { "2026-09-0\($0)" })
    }
}

// MARK: - Expectations from the files

/// A SampleData CSV read independently of Kortlæg's readers: a row is valid when each of the 25
/// SDQ items is blank or 0–2 (scripts/generate_sample_data.py puts '3' or 'x' in a few rows).
struct SampleFile {
    struct Row {
        var id: String
        var className: String
        var sex: String
    }

    var valid: [Row] = []
    var invalid = 0
    var invalidFields = 0

    init(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "\u{FEFF}", with: "")
        let lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let separator: Character = lines[0].contains(";") ? ";" : ","
        let header = lines[0].split(separator: separator, omittingEmptySubsequences: false).map(String.init)
        let core = Set(sdqItems.prefix(25))
        let itemColumns = header.indices.filter { core.contains(String(header[$0].dropFirst())) }
        for line in lines.dropFirst() {
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map(String.init)
            let bad = itemColumns.filter { !["", "0", "1", "2"].contains(fields[$0]) }.count
            if bad == 0 {
                valid.append(Row(id: fields[0], className: fields[1], sex: fields[2]))
            } else {
                invalid += 1
                invalidFields += bad
            }
        }
    }
}

/// The "occasion × informant" table of `kortlaeg status`.
struct StatusTable {
    var counts: [String: [String: Int]] = [:]

    init(_ text: String) {
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Children with responses") }) else { return }
        let informants = lines[start + 1].split(separator: " ").dropFirst().map(String.init)
        for line in lines[(start + 2)...] {
            let cells = line.split(separator: " ").map(String.init)
            guard cells.count == informants.count + 1 else { break }
            for (informant, cell) in zip(informants, cells.dropFirst()) {
                if let count = Int(cell), count > 0 { counts[cells[0], default: [:]][informant] = count }
            }
        }
    }
}

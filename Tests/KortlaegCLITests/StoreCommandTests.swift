import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// End-to-end: the built `kortlaeg` binary on SampleData and generated files.
@Suite(.serialized) struct StoreCommandTests {
    @Test func initAndRescoreOnSampleData() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        var result = try runKortlaeg(["init", project, "--municipality", "Aarhus", "--model", "TIIS", "--tool-version", "1.0"])
        #expect(result.status == 0, "\(result.stderr)")
        result = try runKortlaeg(["init", project])
        #expect(result.status == 73 && result.stderr.contains("already exists"))
        result = try runKortlaeg(["import", sample("sdq-parent-T1.csv"), sample("sdq-parent-T2.csv"), "--project", project,
                                  "--occasion", "T1"])
        // One file per occasion: T2 under --occasion T1 re-delivers T1 responses, a conflict (exit 4).
        #expect(result.status == 4, "\(result.stderr)")
        result = try runKortlaeg(["import", sample("sdq-parent-T2.csv"), "--project", project, "--occasion", "T2"])
        #expect([0, 3].contains(result.status), "\(result.stderr)")
        result = try runKortlaeg(["status", "--project", project])
        #expect(result.status == 0 && result.stdout.contains("kommune: Aarhus"), "\(result.stderr)")
        #expect(result.stdout.contains("Mangler T2 (har T1, ingen T2)") && result.stdout.contains("sdq-parent-T2.csv"))
        // No follow-up was imported, so nobody is listed as missing one.
        #expect(!result.stdout.contains("Mangler F1"))
        result = try runKortlaeg(["status", "--project", project, "--lang", "en"])
        #expect(result.status == 0 && result.stdout.contains("municipality: Aarhus") && result.stdout.contains("Missing T2"))

        // Rescoring with unchanged instruments changes nothing.
        result = try runKortlaeg(["rescore", "--project", project])
        #expect(result.status == 0 && result.stderr.contains("0 scores changed"), "\(result.stderr)")
    }

    @Test func conflictThenReplace() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        _ = try runKortlaeg(["init", project])
        let first = folder.appendingPathComponent("first.csv"), corrected = folder.appendingPathComponent("corrected.csv")
        try writeParentCSV(first, rows: 5) { "barn-\($0)" }
        // barn-2 … barn-6, barn-1 in rows 1-6: every stored child with other answers, barn-6 new.
        try writeParentCSV(corrected, rows: 6, id: { "barn-\($0 % 6 + 1)" })
        var result = try runKortlaeg(["import", first.path, "--project", project, "--instrument", "sdq-p4-17", "--occasion", "T1"])
        #expect(result.status == 0, "\(result.stderr)")
        let digest = try SQLiteProjectStore.open(at: project).contentDigest()
        result = try runKortlaeg(["import", corrected.path, "--project", project, "--instrument", "sdq-p4-17", "--occasion", "T1"])
        #expect(result.status == 4 && result.stderr.contains("5 responses were already delivered") && result.stderr.contains("--replace"))
        // Each conflict names its row, instrument and occasion, never the raw child id.
        for row in [1, 2, 3, 4, 6] { #expect(result.stderr.contains("row \(row): sdq-p4-17 T1 parent"), "\(result.stderr)") }
        #expect(!result.stderr.contains("barn-"))
        #expect(try SQLiteProjectStore.open(at: project).contentDigest() == digest)
        result = try runKortlaeg(["import", corrected.path, "--project", project, "--instrument", "sdq-p4-17",
                                  "--occasion", "T1", "--replace", "--operator", "KB"])
        #expect(result.status == 0 && result.stderr.contains("5 responses replaced"), "\(result.stderr)")
        #expect(try SQLiteProjectStore.open(at: project).rowCounts()["response"] == 6)
        let audit = try SQLiteProjectStore.open(at: project).auditLog()
        #expect(audit.filter { $0.action == .replace }.count == 5)
        #expect(audit.last?.operator == "KB")
        #expect(audit.first?.operator == "cli-tester")
    }

    @Test func helpOfEveryStoreCommandHasAnExample() throws {
        for command in ["init", "import", "status", "rescore"] {
            let result = try runKortlaeg([command, "--help"])
            #expect(result.status == 0 && result.stdout.contains("Example"), "\(command)")
        }
    }

    /// CPR-shaped ids: hashed at import, never in the database file (nor its journal), never printed.
    @Test func cprNumbersNeverReachTheDatabaseFile() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        _ = try runKortlaeg(["init", project])
        let cprs = (1...50).map { String(format: "%02d0315-%04d", ($0 % 28) + 1, 1000 + $0) }
        let file = folder.appendingPathComponent("cpr.csv")
        try writeParentCSV(file, rows: cprs.count) { $0 % 2 == 0 ? cprs[$0 - 1] : cprs[$0 - 1].replacingOccurrences(of: "-", with: "") }
        let result = try runKortlaeg(["import", file.path, "--project", project, "--instrument", "sdq-p4-17", "--occasion", "T1"])
        #expect(result.status == 0, "\(result.stderr)")
        let status = try runKortlaeg(["status", "--project", project])
        var bytes = Data()
        for suffix in ["", "-journal", "-wal", "-shm"] {
            bytes.append(FileManager.default.contents(atPath: project + suffix) ?? Data())
        }
        let text = String(decoding: bytes, as: UTF8.self) + result.stdout + result.stderr + status.stdout + status.stderr
        for cpr in cprs {
            let digits = cpr.replacingOccurrences(of: "-", with: "")
            #expect(bytes.range(of: Data(cpr.utf8)) == nil && bytes.range(of: Data(digits.utf8)) == nil, "\(cpr) in the file")
            #expect(!text.contains(cpr) && !text.contains(digits))
        }
        #expect(try SQLiteProjectStore.open(at: project).rowCounts()["child"] == 50)
    }

    /// kill -9 in the middle of an import leaves the store exactly as it was.
    @Test func killDuringImportLeavesTheStoreAsBefore() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        _ = try runKortlaeg(["init", project])
        let small = folder.appendingPathComponent("small.csv")
        try writeParentCSV(small, rows: 10) { "barn-\($0)" }
        _ = try runKortlaeg(["import", small.path, "--project", project, "--instrument", "sdq-p4-17", "--occasion", "T1"])
        let (digest, counts) = try { () throws -> (String, [String: Int]) in
            let store = try SQLiteProjectStore.open(at: project)
            return (try store.contentDigest(), try store.rowCounts())
        }()

        let large = folder.appendingPathComponent("large.csv")
        try writeParentCSV(large, rows: 200_000) { String(format: "%02d%02d%02d%04d", ($0 % 28) + 1, ($0 % 12) + 1, $0 % 100, $0 % 10_000) }
        let process = makeKortlaegProcess(["import", large.path, "--project", project, "--instrument", "sdq-p4-17", "--occasion", "T1"])
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the import is well into its transaction: its journal exists and the project
        // file (pages spilled from the open transaction) or its write-ahead log has grown by
        // 1 MiB. A state, polled; not a fixed sleep.
        func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0 }
        let before = size(project)
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, process.isRunning,
              !(FileManager.default.fileExists(atPath: project + "-journal") && size(project) > before + 1 << 20),
              size(project + "-wal") < 1 << 20 {
            usleep(2_000)
        }
        #expect(process.isRunning, "the import finished before it could be killed; make the file larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let store = try SQLiteProjectStore.open(at: project)
        #expect(try store.rowCounts() == counts)
        #expect(try store.contentDigest() == digest)
        #expect(try !store.hasImported(sha256: FileDigest.sha256(path: large.path)))
    }
}

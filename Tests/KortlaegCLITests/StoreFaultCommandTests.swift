import Foundation
import GRDB
import KortlaegTestSupport
import Testing

/// Issue 18, items 9–11: locking, damaged stores, check and backup, write failures.
@Suite(.serialized) struct StoreFaultCommandTests {
    /// A project with three imported children.
    func project(in folder: URL) throws -> String {
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project]).status == 0)
        let file = folder.appendingPathComponent("t1.csv")
        try writeParentCSV(file, rows: 3) { "barn-\($0)" }
        let result = try runKortlaeg(["import", file.path, "--project", project, "--occasion", "T1"])
        #expect(result.status == 0, "\(result.stderr)")
        return project
    }

    // MARK: - 9. Locking

    @Test func readersSeeTheLastCommitWhileAWriterHoldsTheProjectAndWritersSayWhoHoldsIt() throws {
        let folder = try temporaryFolder()
        let project = try project(in: folder)
        let second = folder.appendingPathComponent("t2.csv")
        try writeParentCSV(second, rows: 2) { "barn-\($0 + 10)" }
        let writer = try DatabaseQueue(path: project)
        try writer.inTransaction(.immediate) { db in
            try db.execute(sql: "INSERT INTO auditLog (at, operator, action, summary) VALUES ('2026-01-01T00:00:00Z', 'x', 'export', 'held')")
            let status = try runKortlaeg(["status", "--project", project])
            #expect(status.status == 0, "\(status.stderr)")
            #expect(status.stdout.contains("børn: 3"), "\(status.stdout)")
            let blocked = try runKortlaeg(["import", second.path, "--project", project, "--occasion", "T1"],
                                          environment: ["KORTLAEG_LOCK_TIMEOUT": "1"])
            #expect(blocked.status == 73, "\(blocked.stderr)")
            #expect(blocked.stderr.contains("is being written by another Kortlæg run (process \(getpid())"), "\(blocked.stderr)")
            #expect(blocked.stderr.contains("waited 1 s"))
            return .rollback
        }
        let after = try runKortlaeg(["import", second.path, "--project", project, "--occasion", "T1"])
        #expect(after.status == 0, "the refused file was not recorded: \(after.stderr)")
    }

    @Test func aSecondWriterWaitsForTheFirst() throws {
        let folder = try temporaryFolder()
        let project = try project(in: folder)
        let second = folder.appendingPathComponent("t2.csv")
        try writeParentCSV(second, rows: 2) { "barn-\($0 + 10)" }
        let writer = try DatabaseQueue(path: project)
        let process = makeKortlaegProcess(["import", second.path, "--project", project, "--occasion", "T1"])
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try writer.inTransaction(.immediate) { _ in
            try process.run()
            usleep(1_500_000) // the import reaches the lock and waits (its timeout is 30 s)
            #expect(process.isRunning)
            return .commit
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    // MARK: - 10. Damaged stores, check and backup

    @Test func aDamagedStoreIsNoticedBeforeAWriteAndCheckSaysWhatToDo() throws {
        let folder = try temporaryFolder()
        let project = try project(in: folder)
        #expect(try runKortlaeg(["check", "--project", project]).status == 0)
        // Overwrite every page after the schema page with garbage (a damaged disk sector).
        let handle = try #require(FileHandle(forUpdatingAtPath: project))
        let size = try handle.seekToEnd()
        let pageSize: UInt64 = 4096
        var offset = pageSize * 2
        while offset + pageSize <= size {
            try handle.seek(toOffset: offset)
            try handle.write(contentsOf: Data(repeating: 0x5A, count: 512))
            offset += pageSize
        }
        try handle.close()
        let check = try runKortlaeg(["check", "--project", project])
        #expect(check.status == 65, "\(check.stderr)")
        #expect(check.stderr.contains("Restore the last backup"))
        let file = folder.appendingPathComponent("t2.csv")
        try writeParentCSV(file, rows: 1) { "barn-\($0 + 10)" }
        let result = try runKortlaeg(["import", file.path, "--project", project, "--occasion", "T1"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("is damaged") || result.stderr.contains("malformed"), "\(result.stderr)")
    }

    @Test func backupIsAConsistentCopyAlsoWhileAWriterRuns() throws {
        let folder = try temporaryFolder()
        let project = try project(in: folder)
        let copy = folder.appendingPathComponent("backup.kortlaeg").path
        let writer = try DatabaseQueue(path: project)
        try writer.inTransaction(.immediate) { db in
            try db.execute(sql: "DELETE FROM response")
            let result = try runKortlaeg(["backup", "--project", project, copy])
            #expect(result.status == 0, "\(result.stderr)")
            return .rollback
        }
        let status = try runKortlaeg(["status", "--project", copy])
        #expect(status.stdout.contains("børn: 3"), "the copy holds the last commit: \(status.stdout)")
        #expect(try runKortlaeg(["check", "--project", copy]).status == 0)
        let again = try runKortlaeg(["backup", "--project", project, copy])
        #expect(again.status == 73 && again.stderr.contains("already exists"), "never overwritten: \(again.stderr)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix("kortlaeg-tmp") }
        #expect(leftovers.isEmpty)
    }

    // MARK: - 11. Write failures

    @Test func initWhereNothingCanBeWrittenIsExit73AndLeavesNoFile() throws {
        let folder = try temporaryFolder()
        let missing = folder.appendingPathComponent("no-such-folder/p.kortlaeg").path
        let result = try runKortlaeg(["init", missing])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write \(missing): the folder does not exist"), "\(result.stderr)")
        guard getuid() != 0 else { return } // root writes into read-only folders; the rest needs a non-root user
        let readOnly = folder.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: readOnly, withIntermediateDirectories: true)
        chmod(readOnly.path, 0o555)
        defer { chmod(readOnly.path, 0o755) }
        let path = readOnly.appendingPathComponent("p.kortlaeg").path
        let refused = try runKortlaeg(["init", path])
        #expect(refused.status == 73 && refused.stderr.contains("no permission"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}

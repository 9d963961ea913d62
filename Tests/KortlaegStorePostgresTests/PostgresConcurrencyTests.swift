import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStorePostgres

/// The results of two threads.
private final class ResultPair<T>: @unchecked Sendable {
    var first: Result<T, any Error>?
    var second: Result<T, any Error>?
}

/// Several importers and readers of one project at the same time: in-process (two connections,
/// two threads) and as separate `kortlaeg` processes, one of them killed with SIGKILL mid-file.
@Suite(.serialized, .enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct PostgresConcurrencyTests {
    let server: PostgresTestServer

    init() throws { server = try PostgresTestServer.server() }

    func connect(_ name: String, create: Bool = false) throws -> PostgresProjectStore {
        if create {
            return try PostgresProjectStore.create(server.address(project: name), project: ProjectInfo(), operator: "test",
                                                   keyFile: server.keyFile, environment: server.environment).store
        }
        return try PostgresProjectStore.open(server.address(project: name), keyFile: server.keyFile,
                                             environment: server.environment)
    }

    /// Parent responses of children `prefix-N`; `second` answers item b differently, so the same
    /// children in two files are corrected re-deliveries (conflicts), not identical ones ("unchanged").
    static func records(_ ids: Range<Int>, prefix: String = "barn", second: Bool = false) -> [StoredResponseInput] {
        ids.map { ProjectStoreContract.record("\(prefix)-\($0)", [$0 % 3, second ? 0 : 1, 2], row: $0 + 1) }
    }

    /// Runs both bodies at the same time on two threads and returns their results.
    static func together<T: Sendable>(_ first: @escaping @Sendable () throws -> T,
                                      _ second: @escaping @Sendable () throws -> T) throws -> (T, T) {
        let box = ResultPair<T>(), group = DispatchGroup(), start = DispatchSemaphore(value: 0)
        for index in 0..<2 {
            group.enter()
            Thread {
                start.wait()
                let result = Result { try (index == 0 ? first : second)() }
                if index == 0 { box.first = result } else { box.second = result }
                group.leave()
            }.start()
        }
        start.signal()
        start.signal()
        group.wait()
        return (try box.first!.get(), try box.second!.get())
    }

    @Test func twoImportsOfOverlappingFilesAtOnceGiveOneImportAndOneConflict() throws {
        let name = PostgresTestServer.uniqueProject()
        _ = try connect(name, create: true)
        let one = try connect(name), two = try connect(name)
        let (a, b) = try Self.together({
            try one.importBatch(ProjectStoreContract.batch("a.csv"), records: Self.records(0..<300),
                                options: ProjectStoreContract.options())
        }, {
            try two.importBatch(ProjectStoreContract.batch("b.csv"), records: Self.records(200..<400, second: true),
                                options: ProjectStoreContract.options())
        })
        // Whichever came second waited for the first and saw its 100 shared children as conflicts,
        // naming the first file, exactly as if the files had been imported one after the other.
        let outcomes = [("a.csv", a), ("b.csv", b)]
        let imported = outcomes.filter { if case .imported = $0.1 { true } else { false } }
        #expect(imported.count == 1)
        for (file, outcome) in outcomes {
            if case let .conflicts(conflicts, _) = outcome {
                #expect(conflicts.count == 100)
                #expect(Set(conflicts.map(\.existingFile)) == [imported.first!.0], "\(file)")
            }
        }
        // Only the imported file's children are stored (the refused file's transaction rolled back).
        #expect(try one.status(recentImports: 5).childCount == (imported.first?.0 == "a.csv" ? 300 : 200))
    }

    @Test func theSameFileTwiceAtOnceIsImportedOnce() throws {
        let name = PostgresTestServer.uniqueProject()
        _ = try connect(name, create: true)
        let one = try connect(name), two = try connect(name)
        let batch = ProjectStoreContract.batch("same.csv")
        let (a, b) = try Self.together({
            try one.importBatch(batch, records: Self.records(0..<200), options: ProjectStoreContract.options())
        }, {
            try two.importBatch(batch, records: Self.records(0..<200), options: ProjectStoreContract.options())
        })
        let already = [a, b].filter { if case .alreadyImported = $0 { true } else { false } }
        #expect(already.count == 1, "\(a) / \(b)")
        #expect(try one.status(recentImports: 5).recentImports.count == 1)
        #expect(try server.psql("SELECT count(*) FROM \"kortlaeg_\(name)\".response") == "200")
    }

    @Test func aReaderSeesOneSnapshotWhileAnImportCommits() throws {
        let name = PostgresTestServer.uniqueProject()
        let reader = try connect(name, create: true)
        _ = try reader.importBatch(ProjectStoreContract.batch("first.csv"), records: Self.records(0..<1200),
                                   options: ProjectStoreContract.options())
        let writer = try connect(name)
        var seen = 0
        var importedMeanwhile = false
        try reader.responses(ResponseQuery()) { _ in
            seen += 1
            if !importedMeanwhile {
                importedMeanwhile = true
                // Not blocked by the open read, and not visible to it.
                _ = try writer.importBatch(ProjectStoreContract.batch("second.csv"),
                                           records: Self.records(0..<800, prefix: "ny"), options: ProjectStoreContract.options())
            }
        }
        #expect(seen == 1200)
        var after = 0
        try reader.responses(ResponseQuery()) { _ in after += 1 }
        #expect(after == 2000)
    }

    /// Four importer processes of three different files and one file twice, plus a fifth with a
    /// large file that is killed with SIGKILL while it holds the project's import lock.
    @Test func parallelProcessesAndAKilledImporterLeaveExactCounts() throws {
        let name = PostgresTestServer.uniqueProject()
        let address = server.address(project: name).description
        _ = try connect(name, create: true)
        let folder = try makeTemporaryFolder("pg-parallel")
        var files: [URL] = []
        for index in 0..<3 {
            let file = folder.appendingPathComponent("klasse-\(index).csv")
            try writeParentCSV(file, rows: 150) { "k\(index)-barn-\($0)" }
            files.append(file)
        }
        let big = folder.appendingPathComponent("stor.csv")
        try writeParentCSV(big, rows: 40000) { "stor-\($0)" }

        func importer(_ file: URL) -> Process {
            let process = makeKortlaegProcess(["import", file.path, "--project", address, "--occasion", "T1"])
            process.environment = process.environment!.merging(server.environment) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            return process
        }
        let killed = importer(big)
        try killed.run()
        // Wait until the big import holds the lock and is well into its file.
        let deadline = Date().addingTimeInterval(120)
        while try server.psql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted") == "0" {
            guard Date() < deadline, killed.isRunning else { Issue.record("the big import never took the lock"); return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let others = (files + [files[0]]).map(importer)
        for process in others { try process.run() }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(killed.isRunning, "the big import ended before it could be killed")
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        #expect(killed.terminationReason == .uncaughtSignal && killed.terminationStatus == SIGKILL)
        for process in others { process.waitUntilExit() }
        #expect(others.map(\.terminationStatus) == [0, 0, 0, 0])

        let schema = "\"kortlaeg_\(name)\""
        #expect(try server.psql("SELECT count(*) FROM \(schema).response") == "450")
        #expect(try server.psql("SELECT count(*) FROM \(schema).child") == "450")
        #expect(try server.psql("SELECT count(*) FROM \(schema).import_batch") == "3")
        #expect(try server.psql("SELECT count(*) FROM \(schema).import_batch WHERE file_name = 'stor.csv'") == "0")
        #expect(try server.psql("SELECT count(*) FROM \(schema).audit_log WHERE action = 'import'") == "3")
        let scores = try server.psql("SELECT count(*) FROM \(schema).score")
        #expect(Int(scores)! % 450 == 0 && Int(scores)! > 0)
    }
}

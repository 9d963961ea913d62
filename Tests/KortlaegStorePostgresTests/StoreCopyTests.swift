import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStorePostgres
@testable import KortlaegStoreSQLite

/// `kortlaeg store copy`: a SQLite project to PostgreSQL and back keeps every row, the key and so
/// the pseudonyms; the counts are compared; the target must be new.
@Suite(.enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct StoreCopyTests {
    let server: PostgresTestServer

    init() throws { server = try PostgresTestServer.server() }

    /// A SQLite project with imports, rejects, a replaced response, a rescoring, an export audit
    /// entry and trivsel figures.
    func makeSource(_ folder: URL) throws -> SQLiteProjectStore {
        let store = try SQLiteProjectStore.create(at: folder.appendingPathComponent("kilde.kortlaeg").path,
                                                  project: ProjectInfo(municipality: "Aarhus", interventionModel: "TIIS"),
                                                  operator: "test")
        let records = (0..<40).map {
            ProjectStoreContract.record("barn-\($0)", [$0 % 3, 1, ($0 + 1) % 3], row: $0 + 1,
                                        attributes: ChildAttributes(className: "4A", school: "Skolen", birthYear: 2015))
        }
        _ = try store.importBatch(ProjectStoreContract.batch("t1.csv"), records: records,
                                  rejects: [ImportReject(row: 41, line: 42, column: "pa", value: "7", reason: "expected 0, 1 or 2")],
                                  options: ProjectStoreContract.options())
        _ = try store.importBatch(ProjectStoreContract.batch("rettet.csv"),
                                  records: [ProjectStoreContract.record("barn-1", [2, 2, 2], row: 1)],
                                  options: ProjectStoreContract.options(replace: true))
        _ = try store.importBatch(ProjectStoreContract.batch("t2.csv"),
                                  records: (0..<10).map { ProjectStoreContract.record("barn-\($0)", .final, [1, 0, 0], row: $0 + 1) },
                                  options: ProjectStoreContract.options())
        _ = try store.importTrivselResults(ProjectStoreContract.batch("trivsel.csv", profile: "trivsel-results"),
                                           results: ProjectStoreContract.results, rejects: [],
                                           options: ProjectStoreContract.trivselOptions())
        _ = try store.rescore(instruments: ProjectStoreContract.catalog, operator: "test", dryRun: false) { _ in }
        try store.recordAudit(action: .export, summary: "exported", detail: "{}", operator: "test")
        // The staff's own labels (issue 16): copied like every other row.
        try store.setChildLabel("Anna 4.b", pseudonym: try store.pseudonym(for: "barn-1"))
        try store.setChildLabel("Åse, \"lille\"", pseudonym: try store.pseudonym(for: "barn-2"))
        return store
    }

    /// What a front end reads, without the audit log's last `copy` entries.
    func readable(_ store: any ProjectStore, droppingAudit: Int) throws -> String {
        var parts = ["\(try store.status(recentImports: 100))"]
        try store.responses(ResponseQuery()) { parts.append(ProjectStoreContract.describe($0)) }
        parts.append("\(try store.auditLog().dropLast(droppingAudit))")
        parts += try store.trivselResults().map(ProjectStoreContract.describe)
        return parts.joined(separator: "\n")
    }

    @Test func copiesToPostgresAndBackWithEveryRow() throws {
        let folder = try makeTemporaryFolder("pg-copy")
        let source = try makeSource(folder)
        let to = server.address(project: PostgresTestServer.uniqueProject("copy")).description
        let sink = CollectingSink()
        let result = try CopyStore.run(.init(from: source.path!, to: to, operator: "kopist"), sink: sink)
        let sourceCounts = try source.rowCounts()
        for table in result.tables {
            #expect(table.source == table.copy, "\(table.table)")
            #expect(table.source == sourceCounts[table.table], "\(table.table)")
        }
        #expect(result.tables.first { $0.table == "response" }?.copy == 50)
        #expect(result.tables.first { $0.table == "score" }?.copy ?? 0 > 0)

        let copy = try PostgresProjectStore.open(try PostgresAddress(to), keyFile: server.keyFile, environment: server.environment)
        #expect(try readable(copy, droppingAudit: 1) == readable(source, droppingAudit: 0))
        #expect(try copy.auditLog().last?.action == .copy && copy.auditLog().last?.operator == "kopist")
        #expect(try copy.pseudonym(for: "010203-1234") == source.pseudonym(for: "010203-1234"))
        #expect(result.tables.first { $0.table == "childLabel" }?.copy == 2)
        #expect(try copy.childLabels() == source.childLabels())
        // The copy goes on as a project: new rows get new ids after the copied ones.
        _ = try copy.importBatch(ProjectStoreContract.batch("efter.csv"),
                                 records: [ProjectStoreContract.record("nyt-barn", [0, 0, 0], row: 1)],
                                 options: ProjectStoreContract.options())
        // A label set on PostgreSQL goes back too.
        try copy.setChildLabel("Ny", pseudonym: try copy.pseudonym(for: "nyt-barn"))

        // And back into a new file.
        let back = folder.appendingPathComponent("tilbage.kortlaeg").path
        let again = try CopyStore.run(.init(from: to, to: back, operator: "kopist"), sink: sink)
        #expect(again.tables.allSatisfy { $0.source == $0.copy })
        let returned = try SQLiteProjectStore.open(at: back)
        #expect(try returned.rowCounts()["response"] == 51)
        #expect(try returned.pseudonym(for: "010203-1234") == source.pseudonym(for: "010203-1234"))
        var labels = try source.childLabels()
        labels[try source.pseudonym(for: "nyt-barn")] = "Ny"
        #expect(try returned.childLabels() == labels)
        #expect(again.tables.first { $0.table == "childLabel" }?.copy == 3)

        // A target that exists is refused and left alone.
        #expect { try CopyStore.run(.init(from: source.path!, to: to, operator: "kopist"), sink: sink) } throws: { error in
            (error as? KortlaegError)?.severity == .cannotWrite && "\(error)".contains("already exists")
        }
    }

    @Test func theCommandLineNamesAPostgresProjectAndNeverShowsThePassword() throws {
        let folder = try makeTemporaryFolder("pg-cli")
        let address = server.address(project: PostgresTestServer.uniqueProject("cli")).description
        let environment = server.environment
        var result = try runKortlaeg(["init", address, "--municipality", "Odense"], environment: environment)
        #expect(result.status == 0 && result.stderr.contains("created project \(address)"), "\(result.stderr)")
        let file = folder.appendingPathComponent("klasse.csv")
        try writeParentCSV(file, rows: 12) { "barn-\($0)" }
        result = try runKortlaeg(["import", file.path, "--project", address, "--occasion", "T1"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        result = try runKortlaeg(["status", "--project", address], environment: environment)
        #expect(result.status == 0 && result.stdout.contains("kommune: Odense") && result.stdout.contains("klasse.csv"), "\(result.stderr)")
        let copy = folder.appendingPathComponent("kopi.kortlaeg").path
        result = try runKortlaeg(["store", "copy", "--from", address, "--to", copy], environment: environment)
        #expect(result.status == 0 && result.stdout.contains("response\t12\t12"), "\(result.stdout) \(result.stderr)")
        // A password in the address is refused (usage), and never echoed.
        result = try runKortlaeg(["status", "--project", address.replacingOccurrences(of: "kortlaeg@", with: "kortlaeg:hemmelig@")],
                                 environment: environment)
        #expect(result.status == 64 && result.stderr.contains("PGPASSWORD") && !result.stderr.contains("hemmelig"), "\(result.stderr)")
        // A wrong password is reported as a connection failure, naming the address.
        result = try runKortlaeg(["status", "--project", address], environment: ["PGPASSWORD": "forkert"])
        #expect(result.status != 0 && result.stderr.contains(address) && !result.stderr.contains("forkert"), "\(result.stderr)")
        for output in [result.stdout, result.stderr] { #expect(!output.contains(server.password)) }
    }
}

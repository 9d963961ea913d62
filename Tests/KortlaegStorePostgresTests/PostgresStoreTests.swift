import Foundation
import KortlaegTestSupport
import PostgresNIO
import Testing
@testable import KortlaegStore
@testable import KortlaegStorePostgres

/// What the contract does not cover: addresses, passwords, migrations, keys, several projects.
struct PostgresAddressTests {
    @Test func parsesAnAddressWithDefaults() throws {
        let address = try PostgresAddress("postgres://ppr@db.kommune.local/kortlaeg")
        #expect(address.user == "ppr" && address.host == "db.kommune.local" && address.port == 5432)
        #expect(address.database == "kortlaeg" && address.project == "default" && address.sslMode == .prefer)
        #expect(address.description == "postgres://ppr@db.kommune.local:5432/kortlaeg?project=default")
        let other = try PostgresAddress("postgresql://ppr@127.0.0.1:6543/k?project=inklusion-2026&sslmode=verify-full")
        #expect(other.port == 6543 && other.project == "inklusion-2026" && other.sslMode == .verifyFull)
    }

    @Test func refusesAPasswordInTheAddress() {
        #expect { try PostgresAddress("postgres://ppr:hemmelig@db/kortlaeg") } throws: { error in
            let text = "\(error)"
            return text.contains("PGPASSWORD") && !text.contains("hemmelig")
        }
    }

    @Test(arguments: ["postgres://ppr@db/kortlaeg?project=Has_Upper", "postgres://ppr@db/kortlaeg?sslmode=sometimes",
                      "postgres://ppr@db/kortlaeg?host=x", "postgres://ppr@db/", "postgres://ppr@/kortlaeg"])
    func refusesBadAddresses(_ text: String) {
        #expect(throws: PostgresAddressError.self) { try PostgresAddress(text) }
    }

    @Test func readsThePasswordFileAsLibpqDoes() throws {
        let address = try PostgresAddress("postgres://ppr@db.kommune.local:5433/kortlaeg")
        let text = """
            # comment
            other:5433:kortlaeg:ppr:wrong
            db.kommune.local:5433:kortlaeg:someone:wrong
            db.kommune.local:*:kortlaeg:ppr:pa\\:ss\\\\word
            *:*:*:*:fallback
            """
        #expect(PasswordFile.password(in: text, for: address) == "pa:ss\\word")
        #expect(PasswordFile.password(in: "*:*:*:*:fallback", for: address) == "fallback")
        #expect(PasswordFile.password(for: address, environment: ["PGPASSWORD": "from-env", "PGPASSFILE": "/nonexistent"]) == "from-env")
    }
}

@Suite(.enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct PostgresStoreTests {
    let server: PostgresTestServer

    init() throws { server = try PostgresTestServer.server() }

    func create(_ name: String = PostgresTestServer.uniqueProject()) throws -> PostgresProjectStore {
        try PostgresProjectStore.create(server.address(project: name), project: ProjectInfo(municipality: "Aarhus"),
                                        operator: "test", keyFile: server.keyFile, environment: server.environment).store
    }

    func open(_ name: String, keyFile: String? = nil,
              migrations: [PostgresMigrations.Migration] = PostgresMigrations.all) throws -> PostgresProjectStore {
        try PostgresProjectStore.open(server.address(project: name), keyFile: keyFile ?? server.keyFile,
                                      environment: server.environment, migrations: migrations)
    }

    @Test func recordsTheMigrationsAndRefusesANewerSchema() throws {
        let name = PostgresTestServer.uniqueProject()
        _ = try create(name)
        let recorded = try server.psql("SELECT string_agg(identifier, ',' ORDER BY identifier) FROM \"kortlaeg_\(name)\".kortlaeg_migrations")
        #expect(recorded == "v1,v2,v3,v4,v5,v6,v7")
        // An older Kortlæg (it knows v1 and v2) refuses the project, with the SQLite store's message.
        #expect { try open(name, migrations: PostgresMigrations.through("v2")) } throws: { error in
            (error as? StoreError) == .newerSchema(path: server.address(project: name).description, unknownMigrations: ["v3", "v4", "v5", "v6", "v7"])
                && "\(error)".contains("was made by a newer Kortlæg (schema steps v3, v4, v5, v6, v7). Please update Kortlæg.")
        }
        _ = try open(name)
    }

    @Test func upgradesAnOlderSchemaOnOpen() throws {
        let name = PostgresTestServer.uniqueProject()
        _ = try create(name)
        // Back to v2: the indicator CHECK of v2 returns and v3 is no longer recorded.
        _ = try server.psql("""
            SET search_path TO "kortlaeg_\(name)";
            ALTER TABLE trivsel_figure ADD CONSTRAINT trivsel_figure_indicator_known CHECK (indicator IN ('social', 'faglig', 'stoette', 'ro_orden', 'generel'));
            DELETE FROM kortlaeg_migrations WHERE identifier = 'v3';
            """)
        _ = try open(name)
        let constraints = try server.psql("""
            SELECT count(*) FROM pg_constraint WHERE conname = 'trivsel_figure_indicator_known'
              AND connamespace = '"kortlaeg_\(name)"'::regnamespace
            """)
        #expect(constraints == "0")
        #expect(try server.psql("SELECT count(*) FROM \"kortlaeg_\(name)\".kortlaeg_migrations") == "7")
    }

    /// v5 (undo) on a project made before it: its batch keeps its row, then can be removed and its
    /// file imported again.
    @Test func upgradesAVersion3ProjectToRemovableImports() throws {
        let name = PostgresTestServer.uniqueProject()
        let store = try create(name)
        _ = try store.importBatch(ProjectStoreContract.batch("a.csv"), records: [ProjectStoreContract.record("barn-1", [1, 2, 0], row: 1)],
                                  options: ProjectStoreContract.options())
        _ = try server.psql("""
            SET search_path TO "kortlaeg_\(name)";
            DROP TABLE response_redelivery;
            DROP INDEX import_batch_live_sha256;
            ALTER TABLE import_batch DROP COLUMN removed_at, DROP COLUMN removed_by, ADD CONSTRAINT import_batch_sha256_key UNIQUE (sha256);
            DELETE FROM kortlaeg_migrations WHERE identifier = 'v5';
            """)
        let upgraded = try open(name)
        #expect(try server.psql("SELECT count(*) FROM \"kortlaeg_\(name)\".kortlaeg_migrations") == "7")
        let listed = try upgraded.imports()
        #expect(listed.map(\.fileName) == ["a.csv"] && listed.map(\.responses) == [1])
        _ = try upgraded.removeImport(id: listed[0].id, operator: "KB", dryRun: false)
        let again = try upgraded.importBatch(ProjectStoreContract.batch("a.csv"), records: [ProjectStoreContract.record("barn-1", [1, 2, 0], row: 1)],
                                             options: ProjectStoreContract.options())
        guard case let .imported(counts) = again else { Issue.record("\(again)"); return }
        #expect(counts.accepted == 1)
    }

    /// v6 (issue 14) adds the child's site to a project made before it, keeping its children.
    @Test func upgradesAProjectWithoutSitesOnOpen() throws {
        let name = PostgresTestServer.uniqueProject()
        _ = try create(name)
        _ = try server.psql("""
            SET search_path TO "kortlaeg_\(name)";
            ALTER TABLE child DROP COLUMN site;
            INSERT INTO child (pseudonym) VALUES ('0123abcd');
            DELETE FROM kortlaeg_migrations WHERE identifier = 'v6';
            """)
        _ = try open(name)
        #expect(try server.psql("SELECT count(*) FROM \"kortlaeg_\(name)\".child WHERE site IS NULL") == "1")
        #expect(try server.psql("SELECT string_agg(identifier, ',' ORDER BY identifier) FROM \"kortlaeg_\(name)\".kortlaeg_migrations")
                == "v1,v2,v3,v4,v5,v6,v7")
    }

    @Test func aMissingProjectIsNotFoundAndAnExistingOneIsNeverOverwritten() throws {
        let name = PostgresTestServer.uniqueProject()
        #expect { try open(name) } throws: { ($0 as? StoreError) == .notFound(path: server.address(project: name).description) }
        _ = try create(name)
        #expect { try create(name) } throws: { ($0 as? StoreError) == .alreadyExists(path: server.address(project: name).description) }
    }

    @Test func theKeyIsNotInADumpAndNeedsTheKeyFile() throws {
        let name = PostgresTestServer.uniqueProject()
        let store = try create(name)
        let dump = try server.dump()
        let key = Array(store.projectKey)
        #expect(!ProjectStoreContract.contains(dump, Pseudonymizer.hex(key)))
        #expect(!dump.indices.dropLast(31).contains { Array(dump[$0..<($0 + 32)]) == key })

        // Another server key cannot open the project; a missing key file is named.
        let folder = try makeTemporaryFolder("pg-key")
        let otherKey = folder.appendingPathComponent("other.key").path
        _ = try ServerKey.create(path: otherKey)
        #expect { try open(name, keyFile: otherKey) } throws: { "\($0)".contains("is not the one this project's key was stored with") }
        let missing = folder.appendingPathComponent("missing.key").path
        #expect { try open(name, keyFile: missing) } throws: { "\($0)".contains("\(missing) is missing") }
        try "0011".write(toFile: otherKey, atomically: true, encoding: .utf8)
        #expect(chmod(otherKey, 0o644) == 0)
        #expect { try open(name, keyFile: otherKey) } throws: { "\($0)".contains("chmod 600") }
    }

    @Test func projectsInOneDatabaseAreApartWithTheirOwnKeys() throws {
        let first = try create(), second = try create()
        #expect(try first.pseudonym(for: "010203-1234") != second.pseudonym(for: "010203-1234"))
        let batch = ProjectStoreContract.batch("one.csv")
        _ = try first.importBatch(batch, records: [ProjectStoreContract.record("a", [1, 1, 1], row: 1)],
                                  options: ProjectStoreContract.options())
        #expect(try first.status(recentImports: 5).childCount == 1)
        #expect(try second.status(recentImports: 5).childCount == 0)
        #expect(try !second.hasImported(sha256: batch.sha256))
    }
}

/// `sslmode` against the test server, which offers TLS with a self-signed certificate.
@Suite(.enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct PostgresTLSTests {
    let server: PostgresTestServer

    init() throws { server = try PostgresTestServer.server() }

    /// Whether a connection made with `sslmode` (and `extra` parameters) uses TLS.
    func usesTLS(_ mode: String, _ extra: String = "") throws -> Bool {
        let address = try PostgresAddress("postgres://\(server.user)@127.0.0.1:\(server.port)/\(server.database)?sslmode=\(mode)\(extra)")
        let connection = try BlockingConnection.connect(try address.connectionConfiguration(environment: server.environment),
                                                        address: address.description)
        defer { connection.close() }
        return try connection.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first!.decode(Bool.self)
    }

    @Test func sslModesAsInLibpq() throws {
        #expect(try !usesTLS("disable"))
        guard let certificate = server.tlsCertificate else {
            Issue.record("the test server offers no TLS (no openssl)")
            return
        }
        #expect(try usesTLS("prefer"))
        #expect(try usesTLS("require"))
        #expect(try usesTLS("verify-full", "&sslrootcert=\(certificate)"))
        // The self-signed certificate is in no system trust store: verifying without it fails.
        #expect { try usesTLS("verify-ca") } throws: { "\($0)".contains("cannot connect to") }
    }
}

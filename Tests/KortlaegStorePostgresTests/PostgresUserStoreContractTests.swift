import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStorePostgres

/// The shared ``UserStoreContract`` on the PostgreSQL store, each check on a fresh project; and
/// what only a shared store shows: two processes' connections see one set of users, sessions and
/// failure counts.
@Suite(.enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct PostgresUserStoreContractTests {
    static func makeStore(_ name: String) throws -> PostgresProjectStore {
        let server = try PostgresTestServer.server()
        return try PostgresProjectStore.create(server.address(project: name), project: ProjectInfo(municipality: "Odense"),
                                               operator: "contract", keyFile: server.keyFile, environment: server.environment).store
    }

    static func open(_ name: String) throws -> PostgresProjectStore {
        let server = try PostgresTestServer.server()
        return try PostgresProjectStore.open(server.address(project: name), keyFile: server.keyFile, environment: server.environment)
    }

    @Test(arguments: UserStoreContract.checks)
    func contract(_ check: UserStoreContract.Check) throws {
        try check.run(on: UserStoreContract.Backend(name: "PostgreSQL") {
            try Self.makeStore(PostgresTestServer.uniqueProject("users"))
        })
    }

    @Test func twoConnectionsShareUsersSessionsAndFailureCounts() throws {
        let name = PostgresTestServer.uniqueProject("users")
        let one = try Self.makeStore(name), two = try Self.open(name)
        try one.saveUser(StoredUser(name: "mette", role: "ppr", passwordHash: "h"))
        #expect(try two.user(named: "mette")?.role == "ppr")
        // Failures counted by two servers add up (the server increments; nothing is lost).
        try one.recordLogin(name: "mette", succeeded: false, lockUntil: nil)
        try two.recordLogin(name: "mette", succeeded: false, lockUntil: nil)
        #expect(try one.user(named: "mette")?.failedLogins == 2)
        let session = StoredSession(idHash: String(repeating: "a", count: 64), user: "mette", csrfToken: "t",
                                    expiresAt: Date(timeIntervalSince1970: (Date().timeIntervalSince1970 + 3600).rounded()))
        try one.saveSession(session)
        #expect(try two.session(idHash: session.idHash, now: Date()) == session)
        try two.deleteSession(idHash: session.idHash)
        #expect(try one.session(idHash: session.idHash, now: Date()) == nil)
    }

    @Test func usersAreKeptPerProject() throws {
        let a = try Self.makeStore(PostgresTestServer.uniqueProject("users")), b = try Self.makeStore(PostgresTestServer.uniqueProject("users"))
        try a.saveUser(StoredUser(name: "mette", role: "admin", passwordHash: "h"))
        #expect(try b.user(named: "mette") == nil)
    }

    @Test func aProjectMadeBeforeUsersGetsThemWhenOpened() throws {
        let server = try PostgresTestServer.server()
        let name = PostgresTestServer.uniqueProject("users")
        let old = try Self.makeStore(name)
        // As an older Kortlæg left it: the v4 tables gone and v4 not recorded.
        try server.psql("DROP TABLE \(ProjectName.schema(name)).web_session; DROP TABLE \(ProjectName.schema(name)).web_user; "
                        + "DELETE FROM \(ProjectName.schema(name)).kortlaeg_migrations WHERE identifier = 'v4'")
        withExtendedLifetime(old) {}
        let reopened = try Self.open(name)
        try reopened.saveUser(StoredUser(name: "mette", role: "ppr", passwordHash: "h"))
        #expect(try reopened.user(named: "mette") != nil)
        #expect(try server.psql("SELECT identifier FROM \(ProjectName.schema(name)).kortlaeg_migrations ORDER BY identifier") == "v1\nv2\nv3\nv4\nv5\nv6\nv7")
    }
}

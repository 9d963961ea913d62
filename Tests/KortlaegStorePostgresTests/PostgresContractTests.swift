import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStorePostgres

/// The shared ``ProjectStoreContract`` on the PostgreSQL store: every check on a fresh project of
/// a real server (``PostgresTestServer``); the CPR scan reads a `pg_dump` of the whole database.
@Suite(.enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct PostgresContractTests {
    static let backend = ProjectStoreContract.Backend(
        name: "PostgreSQL",
        storedBytes: { _ in try PostgresTestServer.server().dump() },
        makeStore: {
            let server = try PostgresTestServer.server()
            return try PostgresProjectStore.create(server.address(project: PostgresTestServer.uniqueProject("contract")),
                                                   project: ProjectInfo(municipality: "Odense"), operator: "contract",
                                                   keyFile: server.keyFile, environment: server.environment).store
        })

    @Test(arguments: ProjectStoreContract.checks)
    func contract(_ check: ProjectStoreContract.Check) throws {
        try check.run(on: Self.backend)
    }
}

extension ProjectStoreContract.Check: CustomTestStringConvertible {
    public var testDescription: String { name }
}

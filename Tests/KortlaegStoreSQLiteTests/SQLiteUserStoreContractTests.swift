import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// The shared ``UserStoreContract`` on the SQLite store (in memory and as a file).
struct SQLiteUserStoreContractTests {
    @Test(arguments: UserStoreContract.checks)
    func inMemory(_ check: UserStoreContract.Check) throws {
        try check.run(on: UserStoreContract.Backend(name: "SQLite in memory") { try SQLiteProjectStore.inMemory() })
    }

    @Test(arguments: UserStoreContract.checks)
    func onDisk(_ check: UserStoreContract.Check) throws {
        try check.run(on: UserStoreContract.Backend(name: "SQLite file") {
            let path = try makeTemporaryFolder("kortlaeg-users").appendingPathComponent("p.kortlaeg").path
            return try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Odense"), operator: "contract")
        })
    }
}

extension UserStoreContract.Check: CustomTestStringConvertible {
    public var testDescription: String { name }
}

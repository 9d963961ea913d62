import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// The shared ``ChildLabelStoreContract`` on the SQLite store (in memory and as a file).
struct SQLiteChildLabelStoreContractTests {
    @Test(arguments: ChildLabelStoreContract.checks)
    func inMemory(_ check: ChildLabelStoreContract.Check) throws {
        try check.run(on: ChildLabelStoreContract.Backend(name: "SQLite in memory") { try SQLiteProjectStore.inMemory() })
    }

    @Test(arguments: ChildLabelStoreContract.checks)
    func onDisk(_ check: ChildLabelStoreContract.Check) throws {
        try check.run(on: ChildLabelStoreContract.Backend(name: "SQLite file") {
            let path = try makeTemporaryFolder("kortlaeg-labels").appendingPathComponent("p.kortlaeg").path
            return try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Odense"), operator: "contract")
        })
    }
}

extension ChildLabelStoreContract.Check: CustomTestStringConvertible {
    public var testDescription: String { name }
}

import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// The shared ``ProjectStoreContract`` on the SQLite store: in memory, and as a file whose bytes
/// (with any journal left beside it) the CPR scan reads.
struct SQLiteContractTests {
    static let inMemory = ProjectStoreContract.Backend(name: "SQLite in memory") { try SQLiteProjectStore.inMemory() }

    static let file = ProjectStoreContract.Backend(
        name: "SQLite file",
        storedBytes: { store in
            guard let path = (store as? SQLiteProjectStore)?.path else {
                throw ProjectStoreContract.ContractFailure(description: "not a file-backed SQLite store")
            }
            var bytes: [UInt8] = []
            for suffix in ["", "-journal", "-wal"] {
                if let data = FileManager.default.contents(atPath: path + suffix) { bytes += data }
            }
            return bytes
        },
        makeStore: {
            let path = try makeTemporaryFolder("kortlaeg-contract").appendingPathComponent("p.kortlaeg").path
            return try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Odense"), operator: "contract")
        })

    @Test(arguments: ProjectStoreContract.checks)
    func inMemory(_ check: ProjectStoreContract.Check) throws {
        try check.run(on: Self.inMemory)
    }

    @Test(arguments: ProjectStoreContract.checks)
    func onDisk(_ check: ProjectStoreContract.Check) throws {
        try check.run(on: Self.file)
    }
}

extension ProjectStoreContract.Check: CustomTestStringConvertible {
    public var testDescription: String { name }
}

import ArgumentParser
import Foundation
import KortlaegStore
import KortlaegStoreSQLite

/// Opens the project named by `--project`, turning store errors into messages and exit codes.
enum ProjectStoreOpening {
    static func open(_ path: String) throws -> SQLiteProjectStore {
        do {
            return try SQLiteProjectStore.open(at: path)
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            if case .notFound = error { throw KortlaegExit.noInput }
            throw KortlaegExit.dataError
        }
    }
}

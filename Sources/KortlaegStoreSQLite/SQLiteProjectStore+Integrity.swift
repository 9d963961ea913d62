import Foundation
import KortlaegDomain
import GRDB
import KortlaegStore

/// Integrity checks and backups of the embedded store.
extension SQLiteProjectStore {
    public func checkIntegrity(full: Bool) throws -> [String] {
        try wrap {
            try dbQueue.read { db in
                let rows = try String.fetchAll(db, sql: full ? "PRAGMA integrity_check" : "PRAGMA quick_check")
                return rows == ["ok"] ? [] : rows
            }
        }
    }

    /// Refuses to write a damaged store: the quick check runs before each write transaction.
    /// - Throws: ``StoreError/damaged(path:problems:)``.
    func ensureIntact() throws {
        let problems = try checkIntegrity(full: false)
        if !problems.isEmpty { throw StoreError.damaged(path: path ?? ":memory:", problems: problems) }
    }

    public func backup(to destination: String) throws {
        for suffix in ["", "-journal", "-wal", "-shm"] where FileManager.default.fileExists(atPath: destination + suffix) {
            throw StoreError.alreadyExists(path: destination + suffix)
        }
        let temporary = Self.folder(of: destination) + "/.\((destination as NSString).lastPathComponent).\(CPRGuard.uniqueName().prefix(8)).kortlaeg-tmp"
        func removeTemporary() {
            for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        }
        do {
            var configuration = Configuration()
            configuration.journalMode = .default
            let copy = try DatabaseQueue(path: temporary, configuration: configuration)
            // SQLite's online backup API: a consistent snapshot of the last commit, page by page.
            try dbQueue.backup(to: copy)
            try copy.close()
        } catch let error as DatabaseError {
            removeTemporary()
            throw Self.storeError(error, path: destination)
        } catch {
            removeTemporary()
            throw error
        }
        for suffix in ["-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
        guard rename(temporary, destination) == 0 else {
            let code = errno
            removeTemporary()
            throw StoreError.cannotWrite(path: destination, reason: code == ENOSPC ? "the disk is full" : String(cString: strerror(code)))
        }
    }
}

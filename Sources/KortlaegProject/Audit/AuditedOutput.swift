import Foundation
import KortlaegStore

/// Data leave a project only on record: what a report or an export wrote is entered in the
/// project's audit log, and files that cannot be recorded are removed again.
enum AuditedOutput {
    /// Records the entry for `files`, already written; removes them when it cannot be recorded.
    /// - Parameter what: names the output in the error ("The export", "The report").
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite`` after removing the files.
    static func record(_ files: [String], what: String, in store: any ProjectStore, action: AuditAction, summary: String,
                       detail: String? = nil, operator: String) throws(KortlaegError) {
        do {
            try store.recordAudit(action: action, summary: summary, detail: detail, operator: `operator`)
        } catch {
            for file in files { try? FileManager.default.removeItem(atPath: file) }
            let removed = files.count == 1 ? "it was removed" : "its files were removed"
            throw KortlaegError(.cannotWrite, "\(what) could not be recorded in the project's audit log (\(error)); \(removed).")
        }
    }

    /// Records the entry before anything is written (standard output cannot be taken back).
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite``; then nothing may be written.
    static func recordFirst(what: String, in store: any ProjectStore, action: AuditAction, summary: String,
                            operator: String) throws(KortlaegError) {
        do {
            try store.recordAudit(action: action, summary: summary, detail: nil, operator: `operator`)
        } catch {
            throw KortlaegError(.cannotWrite, "\(what) could not be recorded in the project's audit log (\(error)); nothing was written.")
        }
    }
}

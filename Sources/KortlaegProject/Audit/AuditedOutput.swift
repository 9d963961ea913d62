import Foundation
import KortlaegStore

/// Data leave a project only on record: what a report or an export wrote is entered in the
/// project's audit log, and files that cannot be recorded are removed again.
enum AuditedOutput {
    /// What was written, as the error names it.
    enum Output {
        case report, export
        var english: String { self == .report ? "The report" : "The export" }
        var danish: String { self == .report ? "Rapporten" : "Udtrækket" }
    }

    /// Records the entry for `files`, already written; removes them when it cannot be recorded.
    /// - Parameter what: the output the error names.
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite`` after removing the files.
    static func record(_ files: [String], what: Output, in store: any ProjectStore, action: AuditAction, summary: String,
                       detail: String? = nil, operator: String) throws(KortlaegError) {
        do {
            try store.recordAudit(action: action, summary: summary, detail: detail, operator: `operator`)
        } catch {
            for file in files { try? FileManager.default.removeItem(atPath: file) }
            let removed = files.count == 1 ? "it was removed" : "its files were removed"
            throw KortlaegError(.cannotWrite, "\(what.english) could not be recorded in the project's audit log (\(error)); \(removed).",
                                danish: "\(what.danish) kunne ikke skrives i projektets revisionslog; "
                                    + (files.count == 1 ? "filen" : "filerne") + " er derfor slettet igen.")
        }
    }

    /// Records the entry before anything is written (standard output cannot be taken back).
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite``; then nothing may be written.
    static func recordFirst(what: Output, in store: any ProjectStore, action: AuditAction, summary: String,
                            operator: String) throws(KortlaegError) {
        do {
            try store.recordAudit(action: action, summary: summary, detail: nil, operator: `operator`)
        } catch {
            throw KortlaegError(.cannotWrite, "\(what.english) could not be recorded in the project's audit log (\(error)); nothing was written.",
                                danish: "\(what.danish) kunne ikke skrives i projektets revisionslog; derfor blev intet vist eller skrevet.")
        }
    }
}

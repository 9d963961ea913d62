/// A file's batch row, as the rules insert it before storing the file's records.
package struct NewImportBatch: Hashable, Sendable {
    /// The file's last path component.
    package var fileName: String
    /// SHA-256 of the file, lowercase hex.
    package var sha256: String
    /// The profile or reader (replaced by the one the importer names, when it names one).
    package var profile: String
    /// When (ISO 8601, UTC).
    package var importedAt: String
    /// Who imports.
    package var `operator`: String

    package init(fileName: String, sha256: String, profile: String, importedAt: String, operator: String) {
        self.fileName = fileName
        self.sha256 = sha256
        self.profile = profile
        self.importedAt = importedAt
        self.operator = `operator`
    }
}

/// An earlier import of the same file.
package struct PreviousImport: Hashable, Sendable {
    /// Its file name.
    package var fileName: String
    /// When it was imported (ISO 8601, UTC).
    package var importedAt: String

    package init(fileName: String, importedAt: String) {
        self.fileName = fileName
        self.importedAt = importedAt
    }
}

/// An audit log entry as the rules write it.
package struct NewAuditEntry: Hashable, Sendable {
    /// When (ISO 8601, UTC).
    package var at: String
    /// Who.
    package var `operator`: String
    /// What kind of action.
    package var action: AuditAction
    /// The batch it belongs to, if any.
    package var batchID: Int64?
    /// The readable summary.
    package var summary: String
    /// Details as JSON, if any.
    package var detail: String?

    package init(at: String, operator: String, action: AuditAction, batchID: Int64?, summary: String, detail: String?) {
        self.at = at
        self.operator = `operator`
        self.action = action
        self.batchID = batchID
        self.summary = summary
        self.detail = detail
    }
}

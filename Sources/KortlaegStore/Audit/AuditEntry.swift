/// One line of the audit log: who did what, when.
public struct AuditEntry: Hashable, Sendable {
    /// When (ISO 8601, UTC).
    public var at: String
    /// Who (`--operator` or `$USER`).
    public var `operator`: String
    /// What kind of action.
    public var action: AuditAction
    /// A readable summary (never a raw id or CPR).
    public var summary: String
    /// Details as JSON (e.g. a replaced response with its answers and scores), if any.
    public var detail: String?

    /// Creates the value from its parts.
    package init(at: String, operator: String, action: AuditAction, summary: String, detail: String?) {
        self.at = at
        self.operator = `operator`
        self.action = action
        self.summary = summary
        self.detail = detail
    }
}

/// The kinds of audited action.
public enum AuditAction: String, Hashable, Sendable, CaseIterable {
    /// The store was created.
    case create
    /// A file was imported.
    case `import`
    /// A stored response was replaced by a corrected file (detail: the replaced response).
    case replace
    /// Scores were recomputed.
    case rescore
    /// Data left the project (`kortlaeg export`; detail: the export's manifest).
    case export
    /// A report about a child or a class was written (`kortlaeg report`).
    case report
    /// A child's page was viewed in the browser (`kortlaeg serve`).
    case view
    /// A user of the web application was added or changed (`kortlaeg user add`).
    case user
    /// The project was copied whole from another store (`kortlaeg store copy`; summary: from where).
    case copy
    /// An import was removed (`kortlaeg imports remove`; detail: the batch and what was deleted).
    case removeImport
}

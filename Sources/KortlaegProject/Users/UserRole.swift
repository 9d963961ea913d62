/// What a user of the web application may do.
public enum UserRole: String, CaseIterable, Sendable {
    /// PPR staff: every page, children's pages included.
    case ppr
    /// A researcher: pseudonymised exports and group results, never a single child's page.
    case researcher
    /// PPR staff who also see the audit log.
    case admin

    /// Whether the role may open one child's page (and search for a child).
    public var seesChildren: Bool { self != .researcher }
    /// Whether the role may import and enter data.
    public var entersData: Bool { self != .researcher }
    /// Whether the role may read the audit log.
    public var readsAuditLog: Bool { self == .admin }
}

/// How a file of aggregated trivselsmåling results is stored in a project.
public struct TrivselImportOptions: Sendable {
    /// Replace figures another file already delivered for the same school, klassetrin, school
    /// year and indicator (the replaced ones stay in the audit log).
    public var replace: Bool
    /// Check and count everything, but store nothing.
    public var dryRun: Bool
    /// Who imports (for the audit log).
    public var `operator`: String

    /// Creates options.
    public init(replace: Bool = false, dryRun: Bool = false, operator: String) {
        self.replace = replace
        self.dryRun = dryRun
        self.operator = `operator`
    }
}

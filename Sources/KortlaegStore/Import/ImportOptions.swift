import KortlaegDomain

/// How an import is done.
public struct ImportOptions: Sendable {
    /// The instrument definitions responses are scored with (by exact id@version).
    public var instruments: InstrumentCatalog
    /// Rule choices and opt-ins; recorded with every score.
    public var scoring: ScoringOptions
    /// Replace responses that another file already delivered for the same child, occasion,
    /// informant and instrument (the replaced ones stay in the audit log).
    public var replace: Bool
    /// Check and count everything, but store nothing.
    public var dryRun: Bool
    /// Who imports (for the audit log).
    public var `operator`: String

    /// Creates options.
    public init(instruments: InstrumentCatalog, scoring: ScoringOptions = ScoringOptions(), replace: Bool = false,
                dryRun: Bool = false, operator: String) {
        self.instruments = instruments
        self.scoring = scoring
        self.replace = replace
        self.dryRun = dryRun
        self.operator = `operator`
    }
}

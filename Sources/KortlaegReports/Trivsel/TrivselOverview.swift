import KortlaegDomain

/// A school's (or all schools') trivselsmåling indicators as the renderers show them: the report,
/// optionally the municipality beside it, the national figures and where the results come from.
///
/// The report is the same whether its rows come from results files or from a project store; only
/// the comparison with the municipality (all the project's schools) and the source note differ.
public struct TrivselOverview: Sendable {
    /// Where the results come from.
    public enum Source: Sendable, Hashable {
        /// Results files read directly.
        case files([String])
        /// A project store: where it is, the files its results came from and its number of schools.
        case project(location: String, files: [String], schools: Int)
    }

    /// The school (or all schools) shown.
    public var report: TrivselReport
    /// All schools of the project combined (same trin filter), shown beside one school's figures.
    public var municipality: TrivselReport?
    /// The published national means, when they could be read.
    public var national: NationalTrivselReference?
    /// Where the results come from.
    public var source: Source

    /// An overview.
    public init(report: TrivselReport, municipality: TrivselReport? = nil, national: NationalTrivselReference?, source: Source) {
        self.report = report
        self.municipality = municipality
        self.national = national
        self.source = source
    }
}

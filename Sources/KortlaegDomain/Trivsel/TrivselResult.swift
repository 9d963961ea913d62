/// The aggregated results of one group: a school (or municipality) × klassetrin × school year.
///
/// Schools and municipalities only ever see such aggregates, never a pupil's answers
/// (folkeskoleloven § 56 b). Source: shared/specs/trivsel.md.
public struct TrivselResult: Hashable, Sendable {
    /// The school year, or nil when the source does not say (e.g. the public school-level sample).
    public var schoolYear: SchoolYear?
    /// The school (institution) name as written in the source.
    public var school: String?
    /// The klassetrin or group of trin (`4. klasse`, `Mellemtrin`, `Udskoling`), as written.
    public var grade: String?
    /// The figures per indicator; indicators the source does not give are absent.
    public var figures: [TrivselIndicator: TrivselFigure]
    /// Where the row came from (`file:line`), for messages.
    public var location: String
    /// The data row in the source (1 = first data row), when known.
    public var row: Int?
    /// The physical line in the source, when known.
    public var line: Int?

    /// Creates a result.
    public init(schoolYear: SchoolYear?, school: String?, grade: String?, figures: [TrivselIndicator: TrivselFigure],
                location: String, row: Int? = nil, line: Int? = nil) {
        self.schoolYear = schoolYear
        self.school = school
        self.grade = grade
        self.figures = figures
        self.location = location
        self.row = row
        self.line = line
    }
}

import KortlaegDomain

/// A figure that another file already delivered: same school, klassetrin, school year and indicator.
public struct TrivselConflict: Hashable, Sendable {
    /// The row in the new file (1 = first data row).
    public var row: Int
    /// The physical line in the new file.
    public var line: Int
    /// The school as named in the project.
    public var school: String
    /// The klassetrin as written in the new file, if any.
    public var grade: String?
    /// The school year, if known.
    public var schoolYear: SchoolYear?
    /// The indicator.
    public var indicator: TrivselIndicator
    /// The file that delivered the stored figure.
    public var existingFile: String

    /// Creates the value from its parts.
    package init(row: Int, line: Int, school: String, grade: String?, schoolYear: SchoolYear?, indicator: TrivselIndicator, existingFile: String) {
        self.row = row
        self.line = line
        self.school = school
        self.grade = grade
        self.schoolYear = schoolYear
        self.indicator = indicator
        self.existingFile = existingFile
    }
}

import KortlaegDomain

/// What makes a trivselsmåling figure the same figure: school, trin, school year and indicator.
package struct TrivselFigureKey: Hashable, Sendable {
    package var schoolID: Int64
    /// The trin as compared (``TrivselReport/normaliseGrade(_:)``; "" when none).
    package var gradeKey: String
    /// The calendar year the school year ends in; nil when not known (an unknown year is one year).
    package var schoolYear: Int?
    /// The indicator id.
    package var indicator: String

    package init(schoolID: Int64, gradeKey: String, schoolYear: Int?, indicator: String) {
        self.schoolID = schoolID
        self.gradeKey = gradeKey
        self.schoolYear = schoolYear
        self.indicator = indicator
    }
}

/// A stored figure found by its key, with what the audit log keeps when it is replaced.
package struct StoredTrivselFigure: Hashable, Sendable {
    package var id: Int64
    /// The klassetrin as written by the file that delivered it.
    package var grade: String?
    package var schoolYear: Int?
    package var indicator: String
    package var mean: Double?
    package var pupils: Int?
    package var shareGt3: Double?
    package var shareGt4: Double?
    /// Its line in the file that delivered it.
    package var line: Int
    /// That file's name.
    package var fileName: String

    package init(id: Int64, grade: String?, schoolYear: Int?, indicator: String, mean: Double?, pupils: Int?,
                 shareGt3: Double?, shareGt4: Double?, line: Int, fileName: String) {
        self.id = id
        self.grade = grade
        self.schoolYear = schoolYear
        self.indicator = indicator
        self.mean = mean
        self.pupils = pupils
        self.shareGt3 = shareGt3
        self.shareGt4 = shareGt4
        self.line = line
        self.fileName = fileName
    }
}

/// A figure as the rules insert it.
package struct NewTrivselFigure: Hashable, Sendable {
    package var batchID: Int64
    package var key: TrivselFigureKey
    /// The klassetrin as written.
    package var grade: String?
    package var mean: Double?
    package var pupils: Int?
    package var shareGt3: Double?
    package var shareGt4: Double?
    package var row: Int
    package var line: Int

    package init(batchID: Int64, key: TrivselFigureKey, grade: String?, mean: Double?, pupils: Int?,
                 shareGt3: Double?, shareGt4: Double?, row: Int, line: Int) {
        self.batchID = batchID
        self.key = key
        self.grade = grade
        self.mean = mean
        self.pupils = pupils
        self.shareGt3 = shareGt3
        self.shareGt4 = shareGt4
        self.row = row
        self.line = line
    }
}

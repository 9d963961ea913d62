/// A school's (or all schools') trivselsmåling indicators across school years, combined by
/// ``TrivselAggregation`` (pupil-weighted, n ≥ 5), ready to show beside national figures.
public struct TrivselReport: Sendable {
    /// One indicator in one school year.
    public struct Cell: Sendable, Hashable {
        /// The indicator.
        public var indicator: TrivselIndicator
        /// The school year, or nil when the source does not give it.
        public var schoolYear: SchoolYear?
        /// The combined figure.
        public var aggregate: TrivselAggregate
    }

    /// The school shown, or nil for all schools in the file combined.
    public var school: String?
    /// The klassetrin filter, or nil for all rows.
    public var grade: String?
    /// The school years present, oldest first (nil, if present, last).
    public var schoolYears: [SchoolYear?]
    /// Indicators present in the data, in official order.
    public var indicators: [TrivselIndicator]
    /// One cell per indicator and year.
    public var cells: [Cell]

    /// The cell of `indicator` in `year`.
    public func cell(_ indicator: TrivselIndicator, _ year: SchoolYear?) -> Cell? {
        cells.first { $0.indicator == indicator && $0.schoolYear == year }
    }

    /// Builds the report.
    /// - Parameters:
    ///   - results: The rows of a results file.
    ///   - school: A school name or a unique part of one (case-insensitive); nil = the file's only
    ///     school, or all schools combined.
    ///   - grade: A klassetrin (`4`, `4. klasse`, `Udskoling`); nil = all rows.
    ///   - indicators: The indicators the instrument files define: they give the rows their names
    ///     and official order (an indicator they do not define is shown by its id, after them).
    /// - Throws: ``TrivselSelectionError`` when the school or trin picks out nothing or is ambiguous.
    public static func build(results: [TrivselResult], school: String?, grade: String?, indicators: TrivselIndicators)
        throws(TrivselSelectionError) -> TrivselReport
    {
        var rows = results
        var chosenSchool: String?
        var seen: Set<String> = []
        let schools = results.compactMap(\.school).filter { seen.insert($0).inserted }
        if let school {
            let wanted = school.lowercased()
            if let exact = schools.first(where: { $0.lowercased() == wanted }) {
                chosenSchool = exact
            } else {
                let matches = schools.filter { $0.lowercased().contains(wanted) }
                if matches.count > 1 { throw .ambiguousSchool(name: school, matches: matches) }
                guard let match = matches.first else {
                    throw .unknownSchool(name: school, suggestion: closestMatch(to: school, in: schools))
                }
                chosenSchool = match
            }
            rows = rows.filter { $0.school == chosenSchool }
        } else if schools.count == 1 {
            chosenSchool = schools[0]
        }
        if let grade {
            let wanted = normaliseGrade(grade)
            let filtered = rows.filter { $0.grade.map(normaliseGrade) == wanted }
            guard !filtered.isEmpty else {
                var seenGrades: Set<String> = []
                throw .unknownGrade(grade: grade, known: rows.compactMap(\.grade).filter { seenGrades.insert($0).inserted })
            }
            rows = filtered
        }

        let years = Array(Set(rows.map(\.schoolYear))).sorted { a, b in
            switch (a, b) {
            case let (a?, b?): a < b
            case (_?, nil): true
            default: false
            }
        }
        let present = Set(rows.flatMap(\.figures.keys))
        let shown = present.map(indicators.resolved).sorted()
        var cells: [Cell] = []
        for indicator in shown {
            for year in years {
                let figures = rows.filter { $0.schoolYear == year }.compactMap { $0.figures[indicator] }
                cells.append(Cell(indicator: indicator, schoolYear: year, aggregate: TrivselAggregation.combine(figures)))
            }
        }
        return TrivselReport(school: chosenSchool, grade: grade, schoolYears: years, indicators: shown, cells: cells)
    }

    /// The key under which klassetrin are compared: `4. klasse`, `4.klasse` and `4` are the same
    /// trin (`4`); other names (`Udskoling`) compare case-insensitively and without spaces.
    public static func normaliseGrade(_ text: String) -> String {
        let trimmed = text.lowercased().filter { $0 != " " }
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        return digits.isEmpty ? trimmed : String(digits)
    }
}

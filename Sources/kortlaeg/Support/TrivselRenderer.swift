import KortlaegDomain

/// Writes a ``TrivselReport`` as a text table or CSV rows, with its notes.
///
/// The report is the same whether its rows come from results files or from a project store; only
/// the comparison with the municipality (all the project's schools) and the source note differ.
struct TrivselRenderer {
    /// Where the results come from.
    enum Source {
        /// Results files read directly.
        case files([String])
        /// A project store: its path, the files its results came from and its number of schools.
        case project(path: String, files: [String], schools: Int)
    }

    let report: TrivselReport
    /// All schools of the project combined (same trin filter), shown beside one school's figures.
    var municipality: TrivselReport? = nil
    let national: NationalTrivselReference?
    let language: Language
    let source: Source

    private var da: Bool { language == .danish }

    private var allSchoolsLabel: String {
        switch source {
        case .files: da ? "alle skoler i filen (samlet)" : "all schools in the file (combined)"
        case .project: da ? "alle projektets skoler (samlet)" : "all schools of the project (combined)"
        }
    }

    // MARK: - Table

    func table() -> String {
        let subject = report.school ?? allSchoolsLabel
        let grade = report.grade.map { (da ? "trin " : "grade ") + $0 } ?? (da ? "alle trin" : "all grades")
        var lines = ["\(da ? "Trivselsmåling" : "Well-being survey"): \(subject), \(grade)", ""]
        var header = [da ? "Indikator" : "Indicator"] + report.schoolYears.map(yearLabel)
        let municipalityYears = municipality == nil ? [] : report.schoolYears
        header += municipalityYears.map { (da ? "Kommune " : "Municipality ") + yearLabel($0) }
        let nationalYears = national?.years ?? []
        header += nationalYears.map { (da ? "Landsplan " : "National ") + ($0.year?.description ?? $0.schoolYear) }
        var rows: [[String]] = [header]
        for indicator in report.indicators {
            var row = [indicator.label(language)]
            for year in report.schoolYears {
                row.append(report.cell(indicator, year).map { meanText($0.aggregate) } ?? "–")
            }
            for year in municipalityYears {
                row.append(municipality?.cell(indicator, year).map { meanText($0.aggregate) } ?? "–")
            }
            row += nationalYears.map { $0.mean(indicator).map { number($0, decimals: 1) } ?? "–" }
            rows.append(row)
        }
        for definition in HighestWellBeingDefinition.allCases {
            for indicator in report.indicators {
                let values = report.schoolYears.map { report.cell(indicator, $0)?.aggregate.highestWellBeing[definition] }
                    + municipalityYears.map { municipality?.cell(indicator, $0)?.aggregate.highestWellBeing[definition] }
                guard values.contains(where: { $0 != nil }) else { continue }
                let label = "\(indicator.label(language)), \(da ? "andel" : "share") > \(Int(definition.threshold)) (%)"
                rows.append([label] + values.map { $0.map { number($0, decimals: 0) + " %" } ?? "–" }
                    + nationalYears.map { _ in "–" })
            }
        }
        let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            let padded = row.enumerated().map { index, text in
                index == row.count - 1 ? text : text + String(repeating: " ", count: widths[index] - text.count)
            }
            lines.append(padded.joined(separator: "  "))
        }
        return lines.joined(separator: "\n") + "\n\n"
    }

    private func meanText(_ aggregate: TrivselAggregate) -> String {
        guard let mean = aggregate.mean else {
            return aggregate.suppressedGroups > 0 ? (da ? "n<5" : "n<5") : "–"
        }
        var text = number(mean, decimals: 1)
        if let pupils = aggregate.pupils { text += " (n=\(pupils))" }
        if aggregate.weighting == .unweighted { text += "*" }
        return text
    }

    // MARK: - CSV

    /// One row per indicator and school year. The `municipality_*` columns hold all the project's
    /// schools combined and are empty when there is no such comparison (files, or no school chosen).
    func csvRows() -> [[String]] {
        var rows = [["school", "grade", "school_year", "indicator", "indicator_label", "mean", "pupils", "groups",
                     "weighting", "suppressed_groups", "share_gt3", "share_gt4", "national_mean", "national_school_year",
                     "municipality_mean", "municipality_pupils", "municipality_weighting",
                     "municipality_suppressed_groups"]]
        let reference = national?.years.last
        for cell in report.cells {
            let aggregate = cell.aggregate
            let other = municipality?.cell(cell.indicator, cell.schoolYear)?.aggregate
            rows.append([
                report.school ?? "", report.grade ?? "", cell.schoolYear?.description ?? "", cell.indicator.rawValue,
                cell.indicator.label(language), aggregate.mean.map { "\($0)" } ?? "", aggregate.pupils.map(String.init) ?? "",
                String(aggregate.groups), aggregate.weighting.rawValue, String(aggregate.suppressedGroups),
                aggregate.highestWellBeing[.above3].map { "\($0)" } ?? "", aggregate.highestWellBeing[.above4].map { "\($0)" } ?? "",
                reference?.mean(cell.indicator).map { "\($0)" } ?? "", reference?.year?.description ?? "",
                other?.mean.map { "\($0)" } ?? "", other?.pupils.map(String.init) ?? "",
                other.map { $0.mean == nil ? "" : $0.weighting.rawValue } ?? "",
                other.map { String($0.suppressedGroups) } ?? "",
            ])
        }
        return rows
    }

    // MARK: - Notes

    func notes() -> [String] {
        var notes: [String] = []
        notes.append(da
            ? "Ændringer fra år til år for en enkelt skole ligger som regel inden for den tilfældige variation (få elever, nye elever hvert år); læs ikke én ændring som en effekt."
            : "Year-to-year changes for a single school are usually within noise (few pupils, a new cohort each year); do not read one change as an effect.")
        notes.append(da
            ? "Grupper med under 5 elever vises ikke og indgår ikke i samlede tal (n ≥ 5); tomme celler i filen er ikke offentliggjort og vises som –."
            : "Groups under 5 pupils are not shown and not combined (n ≥ 5); empty cells in the file were not published and show as –.")
        let cells = (report.cells + (municipality?.cells ?? [])).map(\.aggregate)
        if municipality != nil, case let .project(_, _, schools) = source {
            notes.append(da
                ? "Kommune: alle projektets \(schools) skoler samlet\(report.grade == nil ? "" : " (samme trin)") efter de samme regler."
                : "Municipality: all \(schools) schools of the project combined\(report.grade == nil ? "" : " (same trin)") by the same rules.")
        }
        if cells.contains(where: { $0.weighting == .pupils }) {
            notes.append(da ? "Flere grupper er vægtet med antal elever." : "Several groups are weighted by their pupil counts.")
        }
        if cells.contains(where: { $0.weighting == .unweighted }) {
            notes.append(da
                ? "* Uvægtet gennemsnit af gruppernes gennemsnit: filen mangler antal elever for mindst én gruppe."
                : "* Unweighted mean of group means: the file lacks pupil counts for at least one group.")
        }
        for definition in HighestWellBeingDefinition.allCases where cells.contains(where: { $0.highestWellBeing[definition] != nil }) {
            notes.append((da ? "Andel med højest trivsel: " : "Share with the highest well-being: ") + definition.name(language) + ".")
        }
        if report.schoolYears.contains(nil) {
            notes.append(da ? "Filen angiver ikke skoleår ('år ukendt')." : "The file gives no school year ('year unknown').")
        }
        if let national {
            notes.append((da ? "Landstal: " : "National figures: ") + national.source
                + (national.verified ? "" : (da ? " (sekundær kilde, ikke verificeret)" : " (secondary source, unverified)")))
        }
        let origin: String
        switch source {
        case let .files(files):
            origin = files.joined(separator: ", ")
        case let .project(path, files, _):
            origin = da ? "projektet \(path) (filer: \(files.joined(separator: ", ")))"
                        : "the project \(path) (files: \(files.joined(separator: ", ")))"
        }
        notes.append(da ? "Kilde: \(origin). Tal er afrundet til én decimal som i de offentliggjorte tal."
                        : "Source: \(origin). Means are rounded to one decimal, as published.")
        return notes
    }

    // MARK: - Formatting

    private func yearLabel(_ year: SchoolYear?) -> String {
        year?.description ?? (da ? "år ukendt" : "year unknown")
    }

    /// Half-up rounding for display (values are positive: means and shares), with a decimal comma in Danish.
    func number(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * scale + 0.5 + 1e-9).rounded(.down))
        let integer = scaled / Int(scale)
        let fraction = scaled % Int(scale)
        guard decimals > 0 else { return String(integer) }
        let fractionText = String(fraction)
        let padded = String(repeating: "0", count: decimals - fractionText.count) + fractionText
        return "\(integer)\(da ? "," : ".")\(padded)"
    }
}

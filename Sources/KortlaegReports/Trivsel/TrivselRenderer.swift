import KortlaegDomain

/// Writes a ``TrivselOverview`` as a text table or CSV, with its notes.
public struct TrivselRenderer: Sendable {
    /// The overview to show.
    public var overview: TrivselOverview
    /// The language of labels and notes.
    public var language: Language

    /// A renderer.
    public init(overview: TrivselOverview, language: Language = .danish) {
        self.overview = overview
        self.language = language
    }

    private typealias Text = Phrasebook.Trivsel
    private var report: TrivselReport { overview.report }
    private var municipality: TrivselReport? { overview.municipality }

    /// An indicator's id and its name in the output language: the one place the renderer names an indicator.
    func name(_ indicator: TrivselIndicator) -> (id: String, label: String) {
        (indicator.rawValue, indicator.label(language))
    }

    // MARK: - Table

    /// The heading and the table, ending with an empty line.
    public var table: String {
        let subject = report.school ?? {
            switch overview.source {
            case .files: Text.allSchoolsInFile(language)
            case .project: Text.allSchoolsInProject(language)
            }
        }()
        let grade = report.grade.map { Text.grade($0)(language) } ?? Text.allGrades(language)
        var header = [Text.indicator(language)] + report.schoolYears.map(yearLabel)
        let municipalityYears = municipality == nil ? [] : report.schoolYears
        header += municipalityYears.map { Text.municipality(yearLabel($0))(language) }
        let nationalYears = overview.national?.years ?? []
        header += nationalYears.map { Text.national($0.year?.description ?? $0.schoolYear)(language) }
        var rows: [[String]] = []
        for indicator in report.indicators {
            var row = [name(indicator).label]
            row += report.schoolYears.map { year in report.cell(indicator, year).map { mean($0.aggregate) } ?? "–" }
            row += municipalityYears.map { year in municipality?.cell(indicator, year).map { mean($0.aggregate) } ?? "–" }
            row += nationalYears.map { year in year.mean(indicator).map(NumberFormat.fixed(1, language).string) ?? "–" }
            rows.append(row)
        }
        for definition in HighestWellBeingDefinition.allCases {
            for indicator in report.indicators {
                let values = report.schoolYears.map { report.cell(indicator, $0)?.aggregate.highestWellBeing[definition] }
                    + municipalityYears.map { municipality?.cell(indicator, $0)?.aggregate.highestWellBeing[definition] }
                guard values.contains(where: { $0 != nil }) else { continue }
                let label = Text.share(name(indicator).label, above: Int(definition.threshold))(language)
                rows.append([label] + values.map { $0.map { NumberFormat.fixed(0, language).string($0) + " %" } ?? "–" }
                            + nationalYears.map { _ in "–" })
            }
        }
        let title = Text.title(subject: subject, grade: grade)(language)
        return ([title, ""] + TextTable(header: header, rows: rows).lines).joined(separator: "\n") + "\n\n"
    }

    /// A mean as the table shows it: `3,8 (n=50)`, `*` when unweighted, `n<5` when every group was too small.
    func mean(_ aggregate: TrivselAggregate) -> String {
        guard let mean = aggregate.mean else { return aggregate.suppressedGroups > 0 ? Text.tooFewPupils(language) : "–" }
        var text = NumberFormat.fixed(1, language).string(mean)
        if let pupils = aggregate.pupils { text += " (n=\(pupils))" }
        if aggregate.weighting == .unweighted { text += "*" }
        return text
    }

    func yearLabel(_ year: SchoolYear?) -> String {
        year?.description ?? Text.yearUnknown(language)
    }

    // MARK: - CSV

    /// One row per indicator and school year, unrounded. The `municipality_*` columns hold all the
    /// project's schools combined and are empty when there is no such comparison (files, or no school chosen).
    public var csv: CSVTable {
        var rows = [["school", "grade", "school_year", "indicator", "indicator_label", "mean", "pupils", "groups",
                     "weighting", "suppressed_groups", "share_gt3", "share_gt4", "national_mean", "national_school_year",
                     "municipality_mean", "municipality_pupils", "municipality_weighting",
                     "municipality_suppressed_groups"]]
        let reference = overview.national?.years.last
        func text(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }
        for cell in report.cells {
            let aggregate = cell.aggregate
            let other = municipality?.cell(cell.indicator, cell.schoolYear)?.aggregate
            let indicator = name(cell.indicator)
            rows.append([
                report.school ?? "", report.grade ?? "", cell.schoolYear?.description ?? "", indicator.id, indicator.label,
                text(aggregate.mean), aggregate.pupils.map(String.init) ?? "", String(aggregate.groups),
                aggregate.weighting.rawValue, String(aggregate.suppressedGroups),
                text(aggregate.highestWellBeing[.above3]), text(aggregate.highestWellBeing[.above4]),
                text(reference?.mean(cell.indicator)), reference?.year?.description ?? "",
                text(other?.mean), other?.pupils.map(String.init) ?? "",
                other.map { $0.mean == nil ? "" : $0.weighting.rawValue } ?? "",
                other.map { String($0.suppressedGroups) } ?? "",
            ])
        }
        return CSVTable(rows: rows)
    }

    // MARK: - Notes

    /// What a reader must know: noise, small groups, the municipality, weighting, definitions, sources.
    public var notes: [String] {
        var notes = [Text.noise(language), Text.smallGroups(language)]
        let cells = (report.cells + (municipality?.cells ?? [])).map(\.aggregate)
        if municipality != nil, case let .project(_, _, schools) = overview.source {
            notes.append(Text.municipalityNote(schools: schools, sameGrade: report.grade != nil)(language))
        }
        if cells.contains(where: { $0.weighting == .pupils }) { notes.append(Text.pupilWeighted(language)) }
        if cells.contains(where: { $0.weighting == .unweighted }) { notes.append(Text.unweighted(language)) }
        for definition in HighestWellBeingDefinition.allCases where cells.contains(where: { $0.highestWellBeing[definition] != nil }) {
            notes.append(Text.highestWellBeing(language) + definition.name(language) + ".")
        }
        if report.schoolYears.contains(nil) { notes.append(Text.noSchoolYear(language)) }
        if let national = overview.national {
            notes.append(Text.nationalFigures(language) + national.source + (national.verified ? "" : Text.unverified(language)))
        }
        let origin = switch overview.source {
        case let .files(files): files.joined(separator: ", ")
        case let .project(location, files, _): Text.project(location, files: files.joined(separator: ", "))(language)
        }
        notes.append(Text.source(origin)(language))
        return notes
    }
}

import KortlaegDomain
import Testing
@testable import KortlaegStore

/// The trivsel results import rules against a fake backend.
struct TrivselImportTests {
    let store = FakeImportStore()
    let first = ProjectStoreContract.wellBeing, second = ProjectStoreContract.calm

    func run(_ name: String, _ results: [TrivselResult], rejects: [ImportReject] = [], replace: Bool = false,
             dryRun: Bool = false) throws -> TrivselImportOutcome {
        try TrivselImport.importFile(ProjectStoreContract.batch(name, profile: "trivsel-results"), results: results,
                                     rejects: rejects, options: ProjectStoreContract.trivselOptions(replace: replace, dryRun: dryRun),
                                     store: store)
    }

    func result(_ school: String?, _ grade: String?, year: Int? = 2018, row: Int,
                _ figures: [TrivselIndicator: TrivselFigure]) -> TrivselResult {
        ProjectStoreContract.result(school, grade, year.map(SchoolYear.init(endYear:)), row: row, figures)
    }

    @Test func conflictsAreListedInTheIndicatorsOfficialOrder() throws {
        let row = [second: TrivselFigure(mean: 3.0, pupils: 9), first: TrivselFigure(mean: 4.0, pupils: 9)]
        _ = try run("a.csv", [result("Byskolen", "4", row: 1, row)])
        let outcome = try run("b.csv", [result("Byskolen", "4. klasse", row: 1, row)])
        guard case let .conflicts(conflicts, _) = outcome else { Issue.record("\(outcome)"); return }
        // `first` has position 0, `second` 1, whatever order the dictionary holds them in.
        #expect(conflicts.map(\.indicator.rawValue) == ["demo_wellbeing", "demo_calm"])
        #expect(store.transactions == [true, false])
    }

    @Test func aNewSchoolIsNeverAConflictAndIsCounted() throws {
        let outcome = try run("a.csv", [result("Byskolen", "4", row: 1, [first: TrivselFigure(mean: 4.0)]),
                                        result("Åskolen", nil, year: nil, row: 2, [first: TrivselFigure(mean: 3.5)])])
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.newSchools == 2 && counts.results == 2 && counts.figures == 2)
        let keys = store.rows.figures.values.map(\.key).sorted { $0.schoolID < $1.schoolID }
        #expect(keys.map(\.gradeKey) == ["4", ""] && keys.map(\.schoolYear) == [2018, nil])
        #expect(keys.allSatisfy { $0.indicator == "demo_wellbeing" })
        #expect(store.rows.batches.values.first.map { [$0.accepted, $0.rejected, $0.replaced] } == [2, 0, 0])
    }

    @Test func replaceAuditsTheOldFigure() throws {
        _ = try run("a.csv", [result("Byskolen", "4. klasse", row: 1,
                                     [first: TrivselFigure(mean: 4.1, pupils: 20, highestWellBeing: [.above4: 45.5])])])
        let outcome = try run("b.csv", [result("Byskolen", "4", row: 3, [first: TrivselFigure(mean: 4.2, pupils: 21)])],
                              replace: true)
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.replaced == 1 && counts.figures == 1)
        let audit = store.rows.audit
        #expect(audit.map(\.action) == [.import, .replace, .import])
        #expect(audit[1].summary == "replaced trivsel figure demo_wellbeing of Byskolen 4. klasse 2017/18 from a.csv by row 3 of the new file")
        #expect(audit[1].detail == """
            {"school":"Byskolen","grade":"4. klasse","schoolYear":"2017/18","indicator":"demo_wellbeing",\
            "mean":4.1,"pupils":20,"shareGt3":null,"shareGt4":45.5,"file":"a.csv","line":2}
            """)
        #expect(store.rows.figures.values.map(\.mean) == [4.2])
        #expect(audit[2].summary.hasSuffix("1 results (1 figures) stored, 0 new schools, 0 rejected, 1 figures replaced"))
    }

    @Test func readerRejectsAreScrubbedAndStoreRejectsListed() throws {
        let outcome = try run("a.csv", [result(nil, "4", row: 1, [first: TrivselFigure(mean: 4.0)]),
                                        result("Byskolen", "4", row: 2, [first: TrivselFigure(mean: 4.0)]),
                                        result("Byskolen", "4. klasse", row: 3, [first: TrivselFigure(mean: 3.0)])],
                              rejects: [ImportReject(row: 5, line: 6, column: "Ro", value: "010203-1234", reason: "x")])
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.rejected == 3 && counts.storeRejects.count == 2 && counts.figures == 1)
        #expect(store.rows.rejects.map(\.reject.value) == [nil, nil, "3.0"])
        #expect(store.rows.rejects.map(\.reject.column) == ["Ro", "(row)", "Trivsel"])
    }

    @Test func aDryRunKeepsNothing() throws {
        let outcome = try run("a.csv", [result("Byskolen", "4", row: 1, [first: TrivselFigure(mean: 4.0)])], dryRun: true)
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.dryRun && counts.figures == 1 && store.rows.figures.isEmpty && store.transactions == [false])
    }
}

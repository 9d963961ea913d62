import Foundation
import Testing
@testable import KortlaegDomain
@testable import KortlaegReaders

/// Importing aggregated trivselsmåling results (shared/specs/trivsel.md).
struct TrivselResultsReaderTests {
    /// Counts computed independently with Python:
    /// ```
    /// rows = list(csv.DictReader(open('skoler_2024-08-14.csv', encoding='utf-8')))
    /// len(rows)                                   # 1346
    /// len(set(r['Institution'] for r in rows))    # 1346
    /// sum(1 for r in rows for i in INDICATORS if r[i].strip() == '')   # 0
    /// [r for r in rows if r['Institution'].startswith('Aabybro')][0]['Social trivsel']  # '3.99333055263157'
    /// ```
    @Test func publicSchoolSampleImports() throws {
        let file = try TrivselResultsReader(indicators: trivselIndicators).read(path: Fixture.path("trivsel/skoler_2024-08-14.csv"))
        #expect(file.results.count == 1346)
        #expect(file.schools.count == 1346)
        #expect(file.absentCells == 0)
        #expect(file.problems.isEmpty)
        #expect(file.ignoredColumns == ["Karaktergennemsnit", "Antal karakterer"], "grades are not pupil counts")
        #expect(file.decimalStyles["Social trivsel"] == .point)
        let aabybro = try #require(file.results.first { $0.school == "Aabybro Skole (Jammerbugt)" })
        #expect(aabybro.figures[.social]?.mean == 3.99333055263157)
        #expect(aabybro.figures[.social]?.pupils == nil)
        #expect(aabybro.schoolYear == nil)
        #expect(Set(aabybro.figures.keys) == Set(trivselIndicators.all))
    }

    @Test func danishWideFile() throws {
        let file = try TrivselResultsReader(indicators: trivselIndicators).read(path: Fixture.path("trivsel/kommune-wide-danish.csv"))
        #expect(file.results.count == 4)
        #expect(file.decimalStyles["Social trivsel"] == .comma)
        let first = file.results[0]
        #expect(first.schoolYear == SchoolYear(endYear: 2018))
        #expect(first.grade == "4. klasse")
        #expect(first.figures[.social]?.mean == 4.1, "'4,1' is 4.1")
        #expect(first.figures[.social]?.pupils == 2351, "'2.351' in a ';' file is 2351 pupils")
        #expect(first.figures[.social]?.highestWellBeing[.above4] == 45.5)
        // Row 2: Faglig trivsel empty -> absent, never 0.
        #expect(file.results[1].figures[.faglig] == nil)
        #expect(file.absentCells == 1)
        // Row 4: '3,x' is a located problem; the cell is absent.
        #expect(file.problems.count == 1)
        #expect(file.problems[0].description.hasSuffix("kommune-wide-danish.csv:5: column 'Støtte og inspiration': "
            + "'3,x' is not valid; expected a mean from 1 to 5 written like 3,7, or blank when suppressed."))
        #expect(file.results[3].figures[.stoette] == nil)
    }

    @Test func smallGroupIsNotShownInTheReport() throws {
        let file = try TrivselResultsReader(indicators: trivselIndicators).read(path: Fixture.path("trivsel/kommune-wide-danish.csv"))
        let report = try TrivselReport.build(results: file.results, school: "byskolen", grade: nil, indicators: trivselIndicators)
        // 2017/18 social: 4. klasse (2351 × 4.1) + 5. klasse (30 × 3.6); the 6. klasse (4 pupils) is left out.
        // (9639.1 + 108) / 2381 = 4.09370012...
        let cell = try #require(report.cell(.social, SchoolYear(endYear: 2018)))
        #expect(abs(cell.aggregate.mean! - (2351 * 4.1 + 30 * 3.6) / 2381) < 1e-12)
        #expect(cell.aggregate.suppressedGroups == 1)
        let sixth = try TrivselReport.build(results: file.results, school: nil, grade: "6", indicators: trivselIndicators)
        #expect(sixth.cell(.social, SchoolYear(endYear: 2018))?.aggregate.mean == nil)
    }

    @Test(arguments: [
        ("Social trivsel", TrivselColumn.mean(.social)), ("social_trivsel", .mean(.social)),
        ("Generel skoletrivsel", .mean(.generel)), ("Støtte og inspiration", .mean(.stoette)),
        ("Ro og orden (antal)", .indicatorPupils(.roOrden)), ("Social trivsel andel > 3", .share(.social, .above3)),
        ("Social trivsel andel over 4 (%)", .share(.social, .above4)), ("År", .schoolYear), ("Institution", .school),
        ("Klassetrin", .grade), ("Antal elever", .pupils), ("Stoette og inspiration", .mean(.stoette)),
    ])
    func headers(header: String, column: TrivselColumn) {
        #expect(TrivselColumn.recognise(header, indicators: trivselIndicators) == column)
    }

    @Test func gradesAreNotPupils() {
        #expect(TrivselColumn.recognise("Antal karakterer", indicators: trivselIndicators) == nil)
        #expect(TrivselColumn.recognise("Karaktergennemsnit", indicators: trivselIndicators) == nil)
    }

    @Test func fileWithoutIndicatorsSaysWhatIsExpected() throws {
        #expect(throws: TrivselImportError.noIndicatorColumns(file: "x.csv", suggestion: "Social trivsel")) {
            try TrivselResultsReader(indicators: trivselIndicators).read(header: ["Skolenavn", "Socail trivsel"], records: [], file: "x.csv",
                                            fallbackStyle: .comma)
        }
    }

    @Test func ambiguousAndUnknownSchools() throws {
        let file = try TrivselResultsReader(indicators: trivselIndicators).read(path: Fixture.path("trivsel/skoler_2024-08-14.csv"))
        #expect(throws: TrivselSelectionError.unknownSchool(name: "Aabybro Skolen (Jammerbugt)",
                                                            suggestion: "Aabybro Skole (Jammerbugt)")) {
            try TrivselReport.build(results: file.results, school: "Aabybro Skolen (Jammerbugt)", grade: nil, indicators: trivselIndicators)
        }
        #expect(performing: { try TrivselReport.build(results: file.results, school: "skole", grade: nil, indicators: trivselIndicators) },
                throws: { ($0 as? TrivselSelectionError)?.description.contains("please give the full name") == true })
    }

    /// An indicator is data: a scale with `resultColumns` in an instrument file makes its column
    /// readable, with no change to the code.
    @Test func anIndicatorAddedToTheInstrumentDataIsRead() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Instruments").path
        var instrument = try InstrumentCatalog.load(directory: directory).resolve("trivsel-4-9@1.0.0")
        var scale = instrument.scales[0]
        scale.id = "mobning"
        scale.label = LocalizedText(["da": "Mobning", "en": "Bullying"])
        scale.resultColumns = ["Mobning", "Mobbetrivsel"]
        instrument.scales.append(scale)
        let indicators = TrivselIndicators(instruments: [instrument])
        #expect(indicators.all.map(\.rawValue) == ["social", "faglig", "stoette", "ro_orden", "generel", "mobning"])
        let records = [CSVRecord(fields: ["Byskolen", "3,5", "4,0"], number: 1, line: 2)]
        let file = try TrivselResultsReader(indicators: indicators).read(
            header: ["Skolenavn", "Social trivsel", "Mobbetrivsel (gns)"], records: records, file: "x.csv", fallbackStyle: .comma)
        let mobning = try #require(indicators["mobning"])
        #expect(file.results[0].figures[mobning]?.mean == 4.0)
        #expect(file.results[0].figures[.social]?.mean == 3.5)
        #expect(mobning.label(.english) == "Bullying" && mobning > .generel)
    }
}

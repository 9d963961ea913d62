import Foundation
import KortlaegDomain
import Testing
@testable import KortlaegReports

/// The trivselsmåling table, CSV and notes. Figures by hand (shared/specs/trivsel.md): pupil-weighted
/// means, groups under 5 pupils left out. Byskolen Social 2017/18: (20 × 4.1 + 30 × 3.6) / 50 = 3.8;
/// 2018/19: 4.0 (25 pupils). National 2017/18 (made-up reference for the test): Social 4.1.
struct TrivselRendererTests {
    static let results = [
        TrivselResult(schoolYear: SchoolYear(endYear: 2018), school: "Byskolen", grade: "4. klasse",
                      figures: [.social: TrivselFigure(mean: 4.1, pupils: 20, highestWellBeing: [.above4: 45.5])], location: "a.csv:2"),
        TrivselResult(schoolYear: SchoolYear(endYear: 2018), school: "Byskolen", grade: "5. klasse",
                      figures: [.social: TrivselFigure(mean: 3.6, pupils: 30)], location: "a.csv:3"),
        TrivselResult(schoolYear: SchoolYear(endYear: 2018), school: "Byskolen", grade: "6. klasse",
                      figures: [.social: TrivselFigure(mean: 2.0, pupils: 4)], location: "a.csv:4"),
        TrivselResult(schoolYear: SchoolYear(endYear: 2019), school: "Byskolen", grade: "4. klasse",
                      figures: [.social: TrivselFigure(mean: 4.0, pupils: 25)], location: "a.csv:5"),
    ]

    static let national = try! JSONDecoder().decode(NationalTrivselReference.self, from: Data("""
        {"source": "Testkilde", "verified": false, "years": [{"schoolYear": "2017/2018", "means": {"social": 4.1}}]}
        """.utf8))

    static func overview(grade: String? = nil) throws -> TrivselOverview {
        TrivselOverview(report: try TrivselReport.build(results: results, school: nil, grade: grade, indicators: trivselIndicators), national: national,
                        source: .files(["a.csv"]))
    }

    @Test func danishTable() throws {
        let lines = TrivselRenderer(overview: try Self.overview()).table.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "Trivselsmåling: Byskolen, alle trin")
        #expect(lines[1] == "")
        #expect(lines[2] == "Indikator                      2017/18     2018/19     Landsplan 2017/18")
        #expect(lines[3] == "Social trivsel                 3,8 (n=50)  4,0 (n=25)  4,1")
        // Only the 4. klasse gives a share > 4: 45.5 % → "46 %" (half up).
        #expect(lines[4] == "Social trivsel, andel > 4 (%)  46 %        –           –")
    }

    /// The 6. klasse has 4 pupils: not shown ("n<5").
    @Test func englishTableShowsTooSmallGroups() throws {
        let table = TrivselRenderer(overview: try Self.overview(grade: "6"), language: .english).table
        #expect(table.hasPrefix("Well-being survey: Byskolen, grade 6\n\nIndicator          2017/18  National 2017/18\n"
                                + "Social well-being  n<5      4.1\n"))
    }

    @Test func csvIsUnroundedWithIndicatorIDs() throws {
        let rows = TrivselRenderer(overview: try Self.overview()).csv.rows
        #expect(rows[1] == ["Byskolen", "", "2017/18", "social", "Social trivsel", "\(190.0 / 50)", "50", "2", "pupils", "1",
                            "", "45.5", "4.1", "2017/18", "", "", "", ""])
    }

    @Test func notesNameTheRulesAndTheSources() throws {
        let notes = TrivselRenderer(overview: try Self.overview()).notes
        #expect(notes.contains("Flere grupper er vægtet med antal elever."))
        #expect(notes.contains("Landstal: Testkilde (sekundær kilde, ikke verificeret)"))
        #expect(notes.last == "Kilde: a.csv. Tal er afrundet til én decimal som i de offentliggjorte tal.")
        #expect(notes.contains { $0.hasPrefix("Andel med højest trivsel: andel med score > 4") })
    }
}

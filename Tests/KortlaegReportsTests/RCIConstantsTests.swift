import KortlaegDomain
import KortlaegProgress
import Testing
@testable import KortlaegReports

/// Every table that shows an RCI names its reliability and SD and where they come from (issue 14).
struct RCIConstantsTests {
    /// Total difficulties of five children (boys and girls), T1 20 → T2 10, with --reliability
    /// pebdtot=0.8 and the UK parent norm set's SDs by sex (boys 6.0, girls 5.5; youthinmind via
    /// the instrument data, `verified: false`): RCI −10/(6·√0.4) = −2.64 and −10/(5.5·√0.4) = −2.87,
    /// both reliable, so the table shows the shares and the constants.
    @Test func theTableNamesTheConstantsAndTheirSources() throws {
        let instrument = try sdqParent()
        let settings = ProgressSettings(normSetID: "uk-1999-parent", reliabilities: [.init(score: "pebdtot", value: 0.8)])
        let (scores, _) = try settings.scores(for: instrument, language: .danish)
        let sexes = ["male", "female", "male", "female", "male"]
        let before = sexes.enumerated().map { ChildObservation(id: "c\($0)", attributes: ["sex": $1], values: ["ebdtot": 20]) }
        let after = sexes.enumerated().map { ChildObservation(id: "c\($0)", attributes: ["sex": $1], values: ["ebdtot": 10]) }
        let analysis = ProgressAnalysis(before: before, after: after, scores: scores, addedValue: nil, groupBy: nil)
        let report = ProgressReport(analysis: analysis, from: "T1", to: "T2")
        let danish = ProgressTextRenderer(report: report).text
        #expect(danish.contains("    Pålidelig bedring: 100 %; pålidelig forværring: 0 % (af 5 med RCI).\n"
                                + "    RCI for pebdtot: reliabilitet 0,800 (angivet af brugeren); SD drenge 6,00, piger 5,50 "
                                + "(normsæt uk-1999-parent, ikke verificeret).\n"), "\(danish)")
        let english = ProgressTextRenderer(report: report, language: .english).text
        #expect(english.contains("    RCI for pebdtot: reliability 0.800 (given by the user); SD boys 6.00, girls 5.50 "
                                 + "(norm set uk-1999-parent, not verified).\n"))
        // The course table names them too (T1, then the T2 values at F1 and T2).
        let course = CourseAnalysis(occasions: [.init(code: "T1", observations: before), .init(code: "F1", observations: after),
                                                .init(code: "T2", observations: after)], scores: scores, addedValue: nil, groupBy: nil)
        let courseText = CourseTextRenderer(report: CourseReport(analysis: course)).text
        #expect(courseText.contains("    RCI for pebdtot: reliabilitet 0,800 (angivet af brugeren); SD drenge 6,00, piger 5,50 "
                                    + "(normsæt uk-1999-parent, ikke verificeret).\n"), "\(courseText)")
    }

    /// --sd-from-baseline: the SD of the T1 scores 2, 4, 6, 8, 10 is √10 = 3.16 (statistics.stdev,
    /// python3), named as the baseline's.
    @Test func theBaselineSDIsNamedAsSuch() throws {
        let instrument = try sdqParent()
        let settings = ProgressSettings(reliabilities: [.init(score: "pemotion", value: 0.5)], sdFromBaseline: true)
        let (scores, _) = try settings.scores(for: instrument, language: .danish)
        let values: [Double] = [2, 4, 6, 8, 10]
        let before = values.enumerated().map { ChildObservation(id: "c\($0)", values: ["emotion": $1]) }
        let after = values.enumerated().map { ChildObservation(id: "c\($0)", values: ["emotion": $1 - 2]) }
        let analysis = ProgressAnalysis(before: before, after: after, scores: scores, addedValue: nil, groupBy: nil)
        let text = ProgressTextRenderer(report: ProgressReport(analysis: analysis, from: "T1", to: "T2")).text
        #expect(text.contains("RCI for pemotion: reliabilitet 0,500 (angivet af brugeren); SD 3,16 (SD af scorerne ved første måling i stikprøven)."),
                "\(text)")
    }
}

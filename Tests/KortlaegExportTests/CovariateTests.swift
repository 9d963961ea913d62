import Foundation
import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegExport

/// Two children: A (class 4.b, Byskolen, pige, 2016) complete at T1 on 2026-02-03 and at T2 with
/// emotion not computed; B (class 5.a, no sex or birth year) only at T1.
private func covariateSource() throws -> ExportSource {
    let instrument = try sdqParent()
    let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
    let all = Dictionary(uniqueKeysWithValues: scorer.scores.filter(\.verified).map { ($0.id, Double?.some(1)) })
    var missingEmotion = all
    missingEmotion["emotion"] = .some(nil)
    let a = ChildAttributes(className: "4.b", school: "Byskolen", birthYear: 2016, birthMonth: 5, sex: "pige")
    let b = ChildAttributes(className: "5.a", school: "Byskolen")
    return ExportSource(instrument: instrument, occasions: ["T1", "T2"], responses: [
        ExportResponse(childID: "A", occasion: "T1", scores: all, attributes: a, date: "2026-02-03"),
        ExportResponse(childID: "A", occasion: "T2", scores: missingEmotion, attributes: a, date: "2026-06-10"),
        ExportResponse(childID: "B", occasion: "T1", scores: all, attributes: b),
    ])
}

@Test(arguments: StatisticalFormat.allCases)
func wideExportCarriesTheCovariatesOfEachChild(format: StatisticalFormat) throws {
    let pseudonymizer = try fixedPseudonymizer()
    let dataset = try DatasetBuilder(sources: [try covariateSource()], options: ExportOptions(), pseudonymizer: pseudonymizer).build()
    let path = try temporaryFolder().appendingPathComponent("cov.\(format.rawValue)").path
    try StatisticalFileWriter.write(dataset, to: path, format: format)
    guard let back = try readBack(path, kind: format) else { return }
    let a = try #require(back.row(of: pseudonymizer.pseudonym(for: "A")))
    let b = try #require(back.row(of: pseudonymizer.pseudonym(for: "B")))
    let columns = back.json["columns"] as? [String] ?? []
    #expect(Array(columns.prefix(5)) == ["id", "class", "school", "sex", "birth_year"])
    #expect(back.text("class", a) == "4.b" && back.text("class", b) == "5.a")
    #expect(back.text("school", a) == "Byskolen" && back.text("sex", a) == "pige")
    #expect(back.number("birth_year", a) == 2016)
    #expect(!columns.contains("birth_month"))
    #expect(back.text("sdq_p4_17_date_t1", a) == "2026-02-03" && back.text("sdq_p4_17_date_t2", a) == "2026-06-10")
    // Status: 1 complete, 2 incomplete (emotion not computed at T2); B has no T2 response.
    #expect(back.number("sdq_p4_17_status_t1", a) == 1)
    #expect(back.number("sdq_p4_17_status_t2", a) == 2)
    #expect(back.valueLabels["sdq_p4_17_status_t1"]?["2"] == "ufuldstændig")
    switch format {
    case .sav:
        #expect(back.number("sdq_p4_17_status_t2", b) == -8)
        #expect(back.number("birth_year", b) == -9)
    case .dta:
        #expect(back.text("sdq_p4_17_status_t2", b) == "b")
        #expect(back.text("birth_year", b) == "a")
    }
}

@Test func longExportCarriesTheCovariatesOnEveryRow() throws {
    let pseudonymizer = try fixedPseudonymizer()
    let dataset = try DatasetBuilder(sources: [try covariateSource()], options: ExportOptions(shape: .long), pseudonymizer: pseudonymizer).build()
    let names = dataset.variables.map(\.name)
    #expect(Array(names[4..<10]) == ["class", "school", "sex", "birth_year", "date", "status"])
    var rows: [[ExportValue]] = []
    try dataset.forEachRow { rows.append($0) }
    let a = pseudonymizer.pseudonym(for: "A")
    let aRows = rows.filter { $0[0] == .text(a) }
    #expect(aRows.count == 2)
    #expect(aRows.map { $0[4] } == [.text("4.b"), .text("4.b")])
    #expect(aRows.map { $0[8] } == [.text("2026-02-03"), .text("2026-06-10")])
    #expect(aRows.map { $0[9] } == [.number(1), .number(2)])
}

import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegDomain

/// Trivsel indicators are instrument data (a scale with `resultColumns`), not an enum.
struct TrivselIndicatorsTests {
    /// shared/specs/trivsel.md, "Indicators (4.–9. klasse)": the five published indicators, in order.
    @Test func theShippedInstrumentsDefineTheFiveIndicators() throws {
        let indicators = TrivselIndicators(catalog: try InstrumentCatalog.load(directory: instrumentsDirectory))
        #expect(indicators.all.map(\.rawValue) == ["social", "faglig", "stoette", "ro_orden", "generel"])
        #expect(indicators.all.map { $0.label(.danish) }
                    == ["Social trivsel", "Faglig trivsel", "Støtte og inspiration", "Ro og orden", "Generel trivsel"])
        #expect(indicators.all.map { $0.label(.english) }
                    == ["Social well-being", "Academic well-being", "Support and inspiration", "Calm and order", "General well-being"])
        #expect(indicators.definitions.last?.resultColumns == ["Generel trivsel", "Generel skoletrivsel"])
        #expect(Set(indicators.definitions.map(\.instrument.id)).count == 1)
    }

    @Test func anIndicatorIsItsID() throws {
        let indicators = TrivselIndicators(catalog: try InstrumentCatalog.load(directory: instrumentsDirectory))
        let social = try #require(indicators["social"])
        let byID = TrivselIndicator(rawValue: "social")
        #expect(byID == social && byID.hashValue == social.hashValue)
        #expect(byID.label(.danish) == "social", "known by id only, it shows its id")
        #expect(indicators.resolved(byID).label(.danish) == "Social trivsel")
        #expect(indicators.resolved(TrivselIndicator(rawValue: "mobning")).label(.danish) == "mobning")
        // Official order first, unknown ids after, by id.
        let sorted = [TrivselIndicator(rawValue: "zz"), indicators["generel"]!, TrivselIndicator(rawValue: "aa"), social].sorted()
        #expect(sorted.map(\.rawValue) == ["social", "generel", "aa", "zz"])
    }

    @Test func theNewestVersionOfAnInstrumentCounts() throws {
        let catalog = try InstrumentCatalog.load(directory: instrumentsDirectory)
        let old = try catalog.resolve("trivsel-4-9@1.0.0")
        var new = old
        new.version = "1.1.0"
        new.scales[0].label = LocalizedText(["da": "Social trivsel (ny)"])
        new.scales.removeLast()
        let indicators = TrivselIndicators(instruments: [new, old])
        #expect(indicators.all.map(\.rawValue) == ["social", "faglig", "stoette", "ro_orden"])
        #expect(indicators["social"]?.label(.danish) == "Social trivsel (ny)")
    }

    @Test func theReportUsesTheIndicatorsNamesAndOrder() throws {
        let indicators = TrivselIndicators(catalog: try InstrumentCatalog.load(directory: instrumentsDirectory))
        let figures: [TrivselIndicator: TrivselFigure] = [TrivselIndicator(rawValue: "generel"): TrivselFigure(mean: 3.5, pupils: 10),
                                                          TrivselIndicator(rawValue: "social"): TrivselFigure(mean: 4.0, pupils: 10)]
        let results = [TrivselResult(schoolYear: nil, school: "Byskolen", grade: nil, figures: figures, location: "x:2")]
        let report = try TrivselReport.build(results: results, school: nil, grade: nil, indicators: indicators)
        #expect(report.indicators.map { $0.label(.danish) } == ["Social trivsel", "Generel trivsel"])
        #expect(report.cell(TrivselIndicator(rawValue: "generel"), nil)?.aggregate.mean == 3.5)
    }

    @Test func theNationalReferenceMayNameDefinedIndicatorsOnly() throws {
        let indicators = TrivselIndicators(catalog: try InstrumentCatalog.load(directory: instrumentsDirectory))
        let reference = try NationalTrivselReference.load(path: instrumentsDirectory + "/trivsel/national-reference.json",
                                                          indicators: indicators)
        #expect(reference.years.first?.mean(indicators["ro_orden"]!) == 3.8)
        let folder = try makeTemporaryFolder("kortlaeg-national")
        let path = folder.appendingPathComponent("n.json").path
        try #"{"source": "test", "verified": false, "years": [{"schoolYear": "2017/2018", "means": {"social": 4.1, "mobning": 3}}]}"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: InstrumentError.unreadableFile(
            path: path, reason: "$.years[0].means.mobning: unknown indicator; expected one of social, faglig, stoette, ro_orden, generel")) {
            _ = try NationalTrivselReference.load(path: path, indicators: indicators)
        }
    }
}

import Testing
@testable import KortlaegDomain

/// Band cut-offs transcribed from shared/specs/sdq.md (UK norms, youthinmind); each case lists
/// the upper bound of every band but the last, so both sides of every boundary are checked.
struct BandTests {
    struct Case: Sendable, CustomStringConvertible {
        var instrument: String
        var table: String
        var score: String
        /// Upper bounds of the bands in ascending score order, and the labels in that order.
        var upperBounds: [Int]
        var labels: [String]
        var description: String { "\(instrument) \(table) \(score)" }
    }

    static let three = ["normal", "borderline", "abnormal"]
    static let threeProsocial = ["abnormal", "borderline", "normal"]
    static let four = ["close to average", "slightly raised", "high", "very high"]
    static let fourProsocial = ["very low", "low", "slightly lowered", "close to average"]

    static let cases: [Case] = [
        // Parent 3-band: total 0-13/14-16/17-40, emotional 0-3/4/5-10, conduct 0-2/3/4-10,
        // hyper 0-5/6/7-10, peer 0-2/3/4-10, prosocial 6-10/5/0-4, impact 0/1/2-10
        Case(instrument: "sdq-p4-17", table: "uk-3band", score: "ebdtot", upperBounds: [13, 16], labels: three),
        Case(instrument: "sdq-p4-17", table: "uk-3band", score: "emotion", upperBounds: [3, 4], labels: three),
        Case(instrument: "sdq-p4-17", table: "uk-3band", score: "conduct", upperBounds: [2, 3], labels: three),
        Case(instrument: "sdq-p4-17", table: "uk-3band", score: "hyper", upperBounds: [5, 6], labels: three),
        Case(instrument: "sdq-p4-17", table: "uk-3band", score: "peer", upperBounds: [2, 3], labels: three),
        Case(instrument: "sdq-p4-17", table: "uk-3band", score: "prosoc", upperBounds: [4, 5], labels: threeProsocial),
        Case(instrument: "sdq-p4-17", table: "uk-3band", score: "impact", upperBounds: [0, 1], labels: three),
        // Teacher 3-band: total 0-11/12-15/16-40, emotional 0-4/5/6-10, conduct 0-2/3/4-10,
        // hyper 0-5/6/7-10, peer 0-3/4/5-10, prosocial 6-10/5/0-4, impact 0/1/2-6
        Case(instrument: "sdq-t4-17", table: "uk-3band", score: "ebdtot", upperBounds: [11, 15], labels: three),
        Case(instrument: "sdq-t4-17", table: "uk-3band", score: "emotion", upperBounds: [4, 5], labels: three),
        Case(instrument: "sdq-t4-17", table: "uk-3band", score: "conduct", upperBounds: [2, 3], labels: three),
        Case(instrument: "sdq-t4-17", table: "uk-3band", score: "hyper", upperBounds: [5, 6], labels: three),
        Case(instrument: "sdq-t4-17", table: "uk-3band", score: "peer", upperBounds: [3, 4], labels: three),
        Case(instrument: "sdq-t4-17", table: "uk-3band", score: "prosoc", upperBounds: [4, 5], labels: threeProsocial),
        Case(instrument: "sdq-t4-17", table: "uk-3band", score: "impact", upperBounds: [0, 1], labels: three),
        // Self 3-band: total 0-15/16-19/20-40, emotional 0-5/6/7-10, conduct 0-3/4/5-10,
        // hyper 0-5/6/7-10, peer 0-3/4-5/6-10, prosocial 6-10/5/0-4, impact 0/1/2-10
        Case(instrument: "sdq-s11-17", table: "uk-3band", score: "ebdtot", upperBounds: [15, 19], labels: three),
        Case(instrument: "sdq-s11-17", table: "uk-3band", score: "emotion", upperBounds: [5, 6], labels: three),
        Case(instrument: "sdq-s11-17", table: "uk-3band", score: "conduct", upperBounds: [3, 4], labels: three),
        Case(instrument: "sdq-s11-17", table: "uk-3band", score: "hyper", upperBounds: [5, 6], labels: three),
        Case(instrument: "sdq-s11-17", table: "uk-3band", score: "peer", upperBounds: [3, 5], labels: three),
        Case(instrument: "sdq-s11-17", table: "uk-3band", score: "prosoc", upperBounds: [4, 5], labels: threeProsocial),
        Case(instrument: "sdq-s11-17", table: "uk-3band", score: "impact", upperBounds: [0, 1], labels: three),
        // Parent 4-band: total 0-13/14-16/17-19/20-40; emotional 0-3/4/5-6/7-10; conduct 0-2/3/4-5/6-10;
        // hyper 0-5/6-7/8/9-10; peer 0-2/3/4/5-10; prosocial 8-10/7/6/0-5; impact 0/1/2/3-10
        Case(instrument: "sdq-p4-17", table: "uk-4band", score: "ebdtot", upperBounds: [13, 16, 19], labels: four),
        Case(instrument: "sdq-p4-17", table: "uk-4band", score: "emotion", upperBounds: [3, 4, 6], labels: four),
        Case(instrument: "sdq-p4-17", table: "uk-4band", score: "conduct", upperBounds: [2, 3, 5], labels: four),
        Case(instrument: "sdq-p4-17", table: "uk-4band", score: "hyper", upperBounds: [5, 7, 8], labels: four),
        Case(instrument: "sdq-p4-17", table: "uk-4band", score: "peer", upperBounds: [2, 3, 4], labels: four),
        Case(instrument: "sdq-p4-17", table: "uk-4band", score: "prosoc", upperBounds: [5, 6, 7], labels: fourProsocial),
        Case(instrument: "sdq-p4-17", table: "uk-4band", score: "impact", upperBounds: [0, 1, 2], labels: four),
        // Teacher 4-band (PMC4830858): total 0-11/12-15/16-18/19-40; emotional 0-3/4/5/6-10;
        // conduct 0-2/3/4/5-10; hyper 0-5/6-7/8/9-10; peer 0-2/3-4/5/6-10; prosocial 6-10/5/4/0-3; impact 0/1/2/3-6
        Case(instrument: "sdq-t4-17", table: "uk-4band", score: "ebdtot", upperBounds: [11, 15, 18], labels: four),
        Case(instrument: "sdq-t4-17", table: "uk-4band", score: "emotion", upperBounds: [3, 4, 5], labels: four),
        Case(instrument: "sdq-t4-17", table: "uk-4band", score: "conduct", upperBounds: [2, 3, 4], labels: four),
        Case(instrument: "sdq-t4-17", table: "uk-4band", score: "hyper", upperBounds: [5, 7, 8], labels: four),
        Case(instrument: "sdq-t4-17", table: "uk-4band", score: "peer", upperBounds: [2, 4, 5], labels: four),
        Case(instrument: "sdq-t4-17", table: "uk-4band", score: "prosoc", upperBounds: [3, 4, 5], labels: fourProsocial),
        Case(instrument: "sdq-t4-17", table: "uk-4band", score: "impact", upperBounds: [0, 1, 2], labels: four),
        // Self 4-band: total 0-14/15-17/18-19/20-40; emotional 0-4/5/6/7-10; conduct 0-3/4/5/6-10;
        // hyper 0-5/6/7/8-10; peer 0-2/3/4/5-10; prosocial 7-10/6/5/0-4; impact 0/1/2/3-10
        Case(instrument: "sdq-s11-17", table: "uk-4band", score: "ebdtot", upperBounds: [14, 17, 19], labels: four),
        Case(instrument: "sdq-s11-17", table: "uk-4band", score: "emotion", upperBounds: [4, 5, 6], labels: four),
        Case(instrument: "sdq-s11-17", table: "uk-4band", score: "conduct", upperBounds: [3, 4, 5], labels: four),
        Case(instrument: "sdq-s11-17", table: "uk-4band", score: "hyper", upperBounds: [5, 6, 7], labels: four),
        Case(instrument: "sdq-s11-17", table: "uk-4band", score: "peer", upperBounds: [2, 3, 4], labels: four),
        Case(instrument: "sdq-s11-17", table: "uk-4band", score: "prosoc", upperBounds: [4, 5, 6], labels: fourProsocial),
        Case(instrument: "sdq-s11-17", table: "uk-4band", score: "impact", upperBounds: [0, 1, 2], labels: four),
        // Parent 2-4 (BMC Pediatrics 2023 Table 2): total 0-12/13-15/16-40; emotional 0-2/3/4-10;
        // conduct 0-3/4/5-10; hyper 0-5/6/7-10; peer 0-2/3/4-10; prosocial 7-10/6/0-5
        Case(instrument: "sdq-p2-4", table: "uk-3band", score: "ebdtot", upperBounds: [12, 15], labels: three),
        Case(instrument: "sdq-p2-4", table: "uk-3band", score: "emotion", upperBounds: [2, 3], labels: three),
        Case(instrument: "sdq-p2-4", table: "uk-3band", score: "conduct", upperBounds: [3, 4], labels: three),
        Case(instrument: "sdq-p2-4", table: "uk-3band", score: "hyper", upperBounds: [5, 6], labels: three),
        Case(instrument: "sdq-p2-4", table: "uk-3band", score: "peer", upperBounds: [2, 3], labels: three),
        Case(instrument: "sdq-p2-4", table: "uk-3band", score: "prosoc", upperBounds: [5, 6], labels: threeProsocial),
    ]

    @Test(arguments: cases)
    func everyValueFallsInTheBandOfTheSpec(_ testCase: Case) throws {
        let instrument = try loadInstrument(testCase.instrument)
        let lookup = BandLookup(instrument: instrument)
        let table = try #require(lookup.tables.first { $0.id == testCase.table })
        let range = try #require(instrument.scales.first { $0.id == testCase.score }?.range
            ?? instrument.derivedScores?.first { $0.id == testCase.score }?.range)
        for value in Int(range.minimum)...Int(range.maximum) {
            let expectedIndex = testCase.upperBounds.firstIndex { value <= $0 } ?? testCase.upperBounds.count
            let band = try #require(lookup.band(table: table, scoreID: testCase.score, value: Double(value)))
            #expect(lookup.label(of: band, language: .english) == testCase.labels[expectedIndex],
                    "\(testCase) value \(value)")
        }
    }

    @Test func danishLabels() throws {
        let instrument = try loadInstrument("sdq-p4-17")
        let lookup = BandLookup(instrument: instrument)
        let table = lookup.tables.first { $0.id == "uk-3band" }!
        let band = lookup.band(table: table, scoreID: "ebdtot", value: 17)!
        #expect(lookup.label(of: band, language: .danish) == "afvigende")
        #expect(lookup.band(table: table, scoreID: "ebdtot", value: nil) == nil)
    }
}

import KortlaegDomain
import KortlaegTestSupport
import Testing
@testable import KortlaegStore

/// The short form of stored scores (``ScoreLayout``): what it holds reads back as the same scores
/// as the full form (``ScoreCoding``) does; what it does not describe is refused; a damaged text
/// is an error.
struct ScoreLayoutTests {
    private let layout = ScoreLayout(scores: [
        .init(id: "total", variable: "ptotal", bands: [nil, "uk=normal", "uk=high", "uk=normal,dk=low"]),
        .init(id: "emotion", variable: "pemotion", bands: [nil, "x=y"]),
        .init(id: "impact", variable: "pimpact", bands: [nil]),
    ])!

    /// Random values (integers, halves, tiny and huge numbers, nil) and bands: short form and full
    /// form decode to the same scores, in stored (id) order.
    @Test func readsBackWhatTheFullFormReadsBack() throws {
        var numbers = SplitMix(state: 33)
        let values: [Double?] = [nil, 0, 12, -3, 2.5, 1e-5, 123_456_789_012, 0.1 + 0.2, 1e300]
        #expect(layout.scores.map(\.id) == ["emotion", "impact", "total"])
        for round in 0..<2_000 {
            var scores: [ComputedScore] = []
            var indexes: [Int?] = []
            for entry in layout.scores {
                let index = numbers.next(entry.bands.count)
                scores.append(ComputedScore(id: entry.id, variable: entry.variable, value: values[numbers.next(values.count)],
                                            bands: entry.bands[index]))
                indexes.append(index)
            }
            let short = try #require(layout.encode(scores, bandIndexes: indexes), "round \(round)")
            var decoder = ScoreDecoder()
            #expect(try decoder.decode(short, layout: layout) == scores)
            #expect(try decoder.decode(ScoreCoding.encode(scores)) == scores)
            // One separator fewer than scores, as in the full form (the store counts scores so).
            #expect(short.utf8.filter { $0 == 0x1E }.count == scores.count - 1)
        }
    }

    @Test func writesValuesAndBandsIndexes() throws {
        let scores = [ComputedScore(id: "emotion", variable: "pemotion", value: 2.5, bands: nil),
                      ComputedScore(id: "impact", variable: "pimpact", value: nil, bands: nil),
                      ComputedScore(id: "total", variable: "ptotal", value: 12, bands: "uk=high")]
        #expect(layout.encode(scores, bandIndexes: [0, 0, 2]) == "~2.5\u{1F}\u{1E}\u{1F}\u{1E}12\u{1F}2")
        #expect(ScoreLayout(stored: layout.stored) == layout)
        #expect(ScoreLayout(stored: "") == nil)
        #expect(ScoreLayout(scores: []) == nil)
    }

    /// Scores that are not the layout's, or a bands index that does not give their text: nil.
    @Test func refusesWhatItDoesNotDescribe() {
        let scores = [ComputedScore(id: "emotion", variable: "pemotion", value: 1, bands: "x=y"),
                      ComputedScore(id: "impact", variable: "pimpact", value: 1, bands: nil),
                      ComputedScore(id: "total", variable: "ptotal", value: 1, bands: nil)]
        #expect(layout.encode(scores, bandIndexes: [1, 0, 0]) != nil)
        #expect(layout.encode(scores, bandIndexes: [0, 0, 0]) == nil, "index 0 is no bands, not x=y")
        #expect(layout.encode(scores, bandIndexes: [1, 0, 9]) == nil)
        #expect(layout.encode(Array(scores.prefix(2)), bandIndexes: [1, 0]) == nil)
        var renamed = scores
        renamed[2].variable = "tvariable"
        #expect(layout.encode(renamed, bandIndexes: [1, 0, 0]) == nil)
        #expect(layout.encode(scores.reversed(), bandIndexes: [0, 0, 1]) == nil)
    }

    @Test func aDamagedShortTextIsAnError() throws {
        var decoder = ScoreDecoder()
        for text in ["~1\u{1F}1\u{1E}\u{1F}", "~1\u{1F}1\u{1E}\u{1F}\u{1E}1\u{1F}9", "~x\u{1F}\u{1E}\u{1F}\u{1E}1\u{1F}",
                     "~1\u{1F}\u{1F}\u{1E}\u{1F}\u{1E}1\u{1F}", "~1\u{1E}\u{1F}\u{1E}1\u{1F}", "~1\u{1F}a\u{1E}\u{1F}\u{1E}1\u{1F}",
                     "~1\u{1F}\u{1E}\u{1F}\u{1E}1\u{1F}\u{1E}1\u{1F}"] {
            #expect(throws: StoreError.self, "\(text.debugDescription)") { try decoder.decode(text, layout: layout) }
        }
        #expect(throws: StoreError.self) { try decoder.decode("~1\u{1F}\u{1E}\u{1F}\u{1E}1\u{1F}") }
        #expect(try decoder.decode("~1\u{1F}\u{1E}\u{1F}\u{1E}1\u{1F}3", layout: layout).last?.bands == "uk=normal,dk=low")
    }

    /// The context's own layout: an SDQ parent form's scores in the short form read back as the
    /// context computed them (the oracle is ``ScoringContext/score(_:)`` with the full form).
    @Test func theSDQContextsScoresReadBack() throws {
        let catalog = try InstrumentCatalog(files: jsonFiles(below: instrumentsDirectory).map {
            DefinitionFile(path: $0.path, relativePath: $0.relativePath, data: $0.data)
        })
        let instrument = try catalog.resolve("sdq-p4-17@1.0.0")
        let context = try ScoringContext(instrument: instrument, options: ScoringOptions())
        let layout = try #require(context.scoreLayout)
        var numbers = SplitMix(state: 5)
        for _ in 0..<500 {
            var answers: [String: AnswerValue] = [:]
            for item in instrument.items where numbers.next(8) != 0 { answers[item.id] = .code(numbers.next(3)) }
            let scores = context.score(Response(instrument: instrument.reference, answers: answers))
            let short = try #require(context.encodeShort(scores))
            var decoder = ScoreDecoder()
            #expect(try decoder.decode(short, layout: layout) == decoder.decode(context.encode(scores)))
        }
    }
}

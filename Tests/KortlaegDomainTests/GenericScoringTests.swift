import Testing
@testable import KortlaegDomain

/// The engine is driven by data alone: a trivselsmåling-style indicator (mean of 1–5 items,
/// computed when at least half are answered, 0 = no answer, negatively worded items reversed;
/// shared/specs/trivsel.md) and a checklist count, defined inline.
struct GenericScoringTests {
    static let instrument = Instrument(
        format: 1, id: "test-trivsel", version: "1.0.0", family: "test", title: LocalizedText(["en": "Test"]),
        informant: .child, ageRange: nil, kind: .survey,
        answerScales: [
            AnswerScale(id: "five", kind: .ordinal,
                        codes: (1...5).map { AnswerScale.Code(code: $0, label: LocalizedText(["en": "\($0)"]), aliases: nil) },
                        missingCodes: [AnswerScale.Code(code: 0, label: LocalizedText(["da": "Jeg ønsker ikke at svare"]), aliases: nil)],
                        minimum: nil, maximum: nil),
            AnswerScale(id: "tick", kind: .checkbox,
                        codes: [0, 1].map { AnswerScale.Code(code: $0, label: LocalizedText(["en": "\($0)"]), aliases: nil) },
                        missingCodes: nil, minimum: nil, maximum: nil),
        ],
        items: ["q1", "q2", "q3", "q4", "c1", "c2", "c3"].map {
            Item(id: $0, variable: $0, aliases: nil, position: nil, label: LocalizedText(["en": $0]), wording: nil,
                 answerScale: $0.hasPrefix("q") ? "five" : "tick", personalData: nil, required: nil)
        },
        scales: [
            Scale(id: "social", variable: "social", label: LocalizedText(["en": "Social"]), items: ["q1", "q2", "q3", "q4"],
                  reversed: ["q4"], recode: nil, method: .mean, countCodes: nil,
                  missing: MissingDataRule(minimumAnswered: nil, minimumAnsweredFraction: 0.5, prorate: nil, unansweredCountsAs: nil),
                  rounding: Rounding.none, conditions: nil, range: ScoreRange(minimum: 1, maximum: 5, integer: false),
                  direction: .higherIsBetter, equivalenceKey: nil, verified: true, source: nil),
            Scale(id: "ticks", variable: "ticks", label: LocalizedText(["en": "Ticks"]), items: ["c1", "c2", "c3"],
                  reversed: nil, recode: nil, method: .count, countCodes: [1],
                  missing: MissingDataRule(minimumAnswered: 1, minimumAnsweredFraction: nil, prorate: nil, unansweredCountsAs: nil),
                  rounding: nil, conditions: nil, range: ScoreRange(minimum: 0, maximum: 3, integer: true),
                  direction: .neutral, equivalenceKey: nil, verified: false, source: nil),
        ],
        derivedScores: nil, scoreOrder: nil, ruleOptions: nil, bandLabels: nil, bandTables: nil, normSets: nil,
        provenance: Provenance(publisher: "test", sources: ["test"], licence: "test", entered: nil, notes: nil))

    func social(_ raw: [String]) throws -> Double? {
        let scorer = try Scorer(instrument: Self.instrument)
        let parser = AnswerParser(instrument: Self.instrument)
        let answers = try (0..<7).map { index in index < raw.count ? try parser.parse(raw[index][...], item: index) : nil }
        return scorer.score(answers).values[0]
    }

    /// A scale naming an item the instrument lacks (the validator refuses such a file; the
    /// scorer must still not shift the reversal onto the wrong item).
    @Test func anUnknownItemDoesNotShiftTheReversal() throws {
        var instrument = Self.instrument
        instrument.scales[0].items = ["q1", "ghost", "q2", "q3", "q4"]
        let scorer = try Scorer(instrument: instrument)
        let parser = AnswerParser(instrument: instrument)
        let answers = try ["5", "4", "3", "2"].enumerated().map { try parser.parse($1[...], item: $0) } + [nil, nil, nil]
        // q4 2 reversed -> 4: (5 + 4 + 3 + 4) / 4 = 4.0, as without the unknown item.
        #expect(scorer.score(answers).values[0] == 4.0)
    }

    @Test func meanOfAnsweredWithReversal() throws {
        // q1 5, q2 4, q3 3, q4 2 reversed -> 6-2 = 4: mean (5+4+3+4)/4 = 4.0
        #expect(try social(["5", "4", "3", "2"]) == 4.0)
    }

    @Test func exactlyHalfAnsweredIsScored() throws {
        // 2 of 4 answered = ceil(4/2): (5 + 2)/2 = 3.5
        #expect(try social(["5", "", "2", ""]) == 3.5)
    }

    @Test func fewerThanHalfIsMissingAndZeroMeansNoAnswer() throws {
        // q2 = 0 is "no answer": only q1 answered, 1 < 2 -> missing
        #expect(try social(["5", "0", "", ""]) == nil)
    }

    @Test func unverifiedScoreNeedsOptIn() throws {
        let answers: [AnswerValue?] = [nil, nil, nil, nil, .code(1), .code(0), .code(1)]
        #expect(try Scorer(instrument: Self.instrument).score(answers).values[1] == nil)
        let optedIn = try Scorer(instrument: Self.instrument, options: ScoringOptions(includeUnverifiedScores: true))
        #expect(optedIn.score(answers).values[1] == 2)
        #expect(optedIn.scores[1].verified == false)
    }

    @Test func requiredAnswersRoundsFractionUp() {
        let rule = MissingDataRule(minimumAnswered: nil, minimumAnsweredFraction: 0.5, prorate: nil, unansweredCountsAs: nil)
        // ceil(n/2): 10 -> 5, 7 -> 4, 4 -> 2, 29 -> 15
        #expect([10, 7, 4, 29].map { rule.requiredAnswers(itemCount: $0) } == [5, 4, 2, 15])
    }
}

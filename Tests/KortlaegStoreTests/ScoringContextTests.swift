import KortlaegDomain
import Testing
@testable import KortlaegStore

struct ScoringContextTests {
    /// The contract instrument: total = a + b + c, at least two answered; bands 0–3 normal, above 3 raised.
    @Test(arguments: [([1, 2, 0], 3.0, "demo-cut=normal"), ([2, 2, 0], 4.0, "demo-cut=raised"),
                      ([2, 2, 2], 6.0, "demo-cut=raised")] as [([Int], Double, String)])
    func scoresAndBands(answers: [Int], total: Double, bands: String) throws {
        let context = try ScoringContext(instrument: ProjectStoreContract.instrument, options: ScoringOptions())
        let response = ProjectStoreContract.record("x", answers, row: 1).response
        #expect(context.score(response) == [ComputedScore(id: "total", variable: "ptotal", value: total, bands: bands)])
    }

    @Test func tooFewAnswersGiveNoScoreAndNoBand() throws {
        let context = try ScoringContext(instrument: ProjectStoreContract.instrument, options: ScoringOptions())
        let response = Response(instrument: ProjectStoreContract.reference, answers: ["a": .code(2)])
        #expect(context.score(response) == [ComputedScore(id: "total", variable: "ptotal", value: nil, bands: nil)])
    }

    @Test func theKeyNamesWhatTheScoresWereComputedWith() throws {
        let context = try ScoringContext(instrument: ProjectStoreContract.instrument,
                                         options: ScoringOptions(includeUnverifiedScores: true))
        #expect(context.key == ScoringKey(instrument: ProjectStoreContract.reference, ruleChoices: "{}",
                                          includeUnverified: true, bandTables: "demo-cut (contract)"))
        #expect(try ScoringContext.options(ruleChoices: #"{"x":"y"}"#, includeUnverified: false).ruleChoices == ["x": "y"])
    }
}

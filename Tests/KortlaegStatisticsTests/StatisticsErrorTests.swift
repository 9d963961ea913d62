import Testing
@testable import KortlaegStatistics

@Suite struct StatisticsErrorTests {
    static let messages: [(error: StatisticsError, message: String)] = [
        (.tooFewObservations(statistic: "paired t-test", required: 2, actual: 1),
         "The paired t-test needs at least 2 observations, but got 1. Report n only for this group, "
            + "or include more children with scores at both mappings."),
        (.unequalLengths(before: 12, after: 11),
         "The scores before (12 values) and after (11 values) must be paired one to one. Check that "
            + "every child has a score at both mappings and that unpaired children were removed before "
            + "computing statistics."),
        (.nonFiniteValue(position: 3),
         "Value number 3 is missing or not a finite number. Remove children without a score before "
            + "computing statistics."),
        (.noVariation(statistic: "paired t-test"),
         "The paired t-test is not computable: all values are identical (standard deviation 0), so "
            + "the ratio is undefined. Report the mean change without it."),
        (.allDifferencesZero(zeros: 1),
         "The Wilcoxon signed-rank test is not computable: the only child has the same score at both "
            + "mappings, so there are no changes to rank."),
        (.allDifferencesZero(zeros: 4),
         "The Wilcoxon signed-rank test is not computable: all 4 children have the same score at both "
            + "mappings, so there are no changes to rank."),
        (.noDiscordantPairs,
         "McNemar's test is not computable: no child moved across the cut-off between the mappings "
            + "(no discordant pairs)."),
        (.invalidConfidenceLevel(95),
         "Confidence level 95 must be between 0 and 1, e.g. 0.95 for a 95 % interval."),
        (.invalidReliability(1.2),
         "Reliability 1.2 must be at least 0 and less than 1. Use the scale's Cronbach's alpha or "
            + "retest correlation from the norm data (e.g. 0.73)."),
        (.invalidStandardDeviation(0),
         "Standard deviation 0 must be a number greater than 0. Use the scale's norm SD or the "
            + "baseline sample's SD."),
        (.invalidProbability(.nan), "Probability nan must be between 0 and 1."),
        (.invalidDegreesOfFreedom(-2.5), "Degrees of freedom -2.5 must be a number greater than 0."),
        (.invalidCounts(successes: 5, trials: 4),
         "Count 5 out of 4 is impossible: the count must be between 0 and the number of trials."),
    ]

    @Test(arguments: messages)
    func messageTellsTheUserWhatToDo(error: StatisticsError, message: String) {
        #expect(error.description == message)
    }

    @Test func everyCaseHasAMessageWithoutPlaceholders() {
        let all: [StatisticsError] = [
            .tooFewObservations(statistic: "x", required: 1, actual: 0), .unequalLengths(before: 1, after: 2),
            .nonFiniteValue(position: 1), .noVariation(statistic: "x"), .allDifferencesZero(zeros: 2),
            .noDiscordantPairs, .invalidConfidenceLevel(2), .invalidProbability(2),
            .invalidDegreesOfFreedom(0), .invalidReliability(2), .invalidStandardDeviation(-1),
            .invalidMean(.nan), .invalidCriterion(0), .invalidCounts(successes: 2, trials: 1),
        ]
        for error in all {
            #expect(!error.description.isEmpty)
            #expect(error.description.hasSuffix("."))
        }
    }
}

import Testing
@testable import KortlaegStatistics

@Suite struct DescriptivesTests {
    @Test func meanStandardDeviationAndInterval() throws {
        // v = PairedData.afterA; v.mean() = 17.5, v.std(ddof=1) = 3.6285901761795403,
        // scipy.stats.sem(v) = 1.1474609652039003
        let description = try Descriptives(PairedData.afterA)
        #expect(description.n == 10)
        expectClose(description.mean, 17.5)
        expectClose(description.standardDeviation, 3.6285901761795403)
        expectClose(description.standardError, 1.1474609652039003)
        // scipy.stats.t.interval(0.95, 9, loc=17.5, scale=scipy.stats.sem(v)) = (14.904262958532655, 20.095737041467345)
        let interval = try description.meanConfidenceInterval()
        expectClose(interval.lower, 14.904262958532655)
        expectClose(interval.upper, 20.095737041467345)
        #expect(interval.level == 0.95)
        // scipy.stats.t.interval(0.99, 9, loc=17.5, scale=scipy.stats.sem(v)) = (13.770940572690758, 21.22905942730924)
        let wide = try description.meanConfidenceInterval(level: 0.99)
        expectClose(wide.lower, 13.770940572690758)
        expectClose(wide.upper, 21.22905942730924)
    }

    @Test func singleValueHasNoStandardDeviation() throws {
        let description = try Descriptives([12])
        #expect(description.mean == 12)
        #expect(description.standardDeviation == nil)
        #expect(description.standardError == nil)
        #expect(throws: StatisticsError.tooFewObservations(
            statistic: "confidence interval of the mean", required: 2, actual: 1)) {
            try description.meanConfidenceInterval()
        }
    }

    @Test func identicalValuesGiveAPointInterval() throws {
        let description = try Descriptives([0.1, 0.1, 0.1])
        #expect(description.standardDeviation == 0)
        let interval = try description.meanConfidenceInterval()
        #expect(interval.lower == description.mean)
        #expect(interval.upper == description.mean)
    }

    @Test func invalidInput() throws {
        #expect(throws: StatisticsError.tooFewObservations(statistic: "mean", required: 1, actual: 0)) {
            try Descriptives([])
        }
        #expect(throws: StatisticsError.nonFiniteValue(position: 3)) { try Descriptives([1, 2, .nan]) }
        #expect(throws: StatisticsError.invalidConfidenceLevel(0)) {
            try Descriptives([1, 2, 3]).meanConfidenceInterval(level: 0)
        }
    }
}

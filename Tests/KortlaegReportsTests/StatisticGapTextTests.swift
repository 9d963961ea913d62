import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics
@testable import KortlaegReports
import Testing

/// Why a statistic is not computed, in the report's language: an invalid input upstream (the
/// `other` reason, whose text is the statistics error's English) is said in Danish too.
struct StatisticGapTextTests {
    @Test("An invalid reliability behind an RCI: Danish says so in Danish, English keeps the statistics error's detail")
    func otherReasonIsDanish() {
        let error = StatisticsError.invalidReliability(1.7)
        let gap = StatisticGap(error)
        #expect(gap.code == "other")
        let text = Phrasebook.StatisticGaps.text(gap)
        #expect(text(.danish) == "kan ikke beregnes ud fra de givne tal (ugyldige inddata)")
        #expect(text(.english) == error.description)
        #expect(!text(.danish).contains(error.description))
    }
}

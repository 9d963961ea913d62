import Testing
@testable import KortlaegDomain

/// Pupil-weighted combination and the n ≥ 5 rule (shared/specs/trivsel.md), computed by hand.
struct TrivselAggregationTests {
    @Test func pupilWeightedMean() {
        // (20 × 4.1 + 30 × 3.6) / 50 = (82 + 108) / 50 = 3.8
        let result = TrivselAggregation.combine([TrivselFigure(mean: 4.1, pupils: 20), TrivselFigure(mean: 3.6, pupils: 30)])
        #expect(abs(result.mean! - 3.8) < 1e-12)
        #expect(result.pupils == 50)
        #expect(result.weighting == .pupils)
    }

    @Test func groupsUnderFiveAreLeftOut() {
        // The 4-pupil group (mean 2.0) is neither shown nor combined: result is the 20-pupil group alone.
        let result = TrivselAggregation.combine([TrivselFigure(mean: 4.1, pupils: 20), TrivselFigure(mean: 2.0, pupils: 4)])
        #expect(result.mean == 4.1)
        #expect(result.suppressedGroups == 1)
        let alone = TrivselAggregation.combine([TrivselFigure(mean: 2.0, pupils: 4)])
        #expect(alone.mean == nil)
        #expect(TrivselAggregation.isShown(TrivselFigure(mean: 3, pupils: 5)))
    }

    @Test func withoutCountsTheMeanIsUnweightedAndSaysSo() {
        // (4.0 + 3.0) / 2 = 3.5, flagged unweighted.
        let result = TrivselAggregation.combine([TrivselFigure(mean: 4.0, pupils: 100), TrivselFigure(mean: 3.0)])
        #expect(result.mean == 3.5)
        #expect(result.weighting == .unweighted)
        #expect(result.pupils == nil)
    }

    @Test func absentCellsAreNotZero() {
        let result = TrivselAggregation.combine([TrivselFigure(mean: nil, pupils: 30), TrivselFigure(mean: 3.0, pupils: 10)])
        #expect(result.mean == 3.0)
        #expect(result.groups == 1)
    }

    @Test func sharesCarryTheirDefinition() {
        // > 4 share: (20 × 45.5 + 30 × 30) / 50 = 36.2
        let result = TrivselAggregation.combine([
            TrivselFigure(mean: 4.1, pupils: 20, highestWellBeing: [.above4: 45.5]),
            TrivselFigure(mean: 3.6, pupils: 30, highestWellBeing: [.above4: 30]),
        ])
        #expect(abs(result.highestWellBeing[.above4]! - 36.2) < 1e-9)
        #expect(result.highestWellBeing[.above3] == nil)
        #expect(HighestWellBeingDefinition.above4.name(.danish).contains("> 4"))
    }

    @Test(arguments: [("2017/2018", 2018), ("2017/18", 2018), ("2018", 2018), ("1999/00", 2000), ("2017-2018", 2018)])
    func schoolYears(text: String, endYear: Int) {
        #expect(SchoolYear(text)?.endYear == endYear)
    }

    @Test func badSchoolYears() {
        #expect(SchoolYear("2017/2019") == nil)
        #expect(SchoolYear("18") == nil)
        #expect(SchoolYear("abc") == nil)
        #expect(SchoolYear("2018")?.description == "2017/18")
    }
}

import Testing
@testable import KortlaegStatistics

@Suite struct EffectSizeTests {
    // By hand: before = [10, 12, 14, 16], after = [9, 10, 13, 12]; diff = [−1, −2, −1, −4],
    // mean −2, SD(diff) = √(6/3) = √2, SD1 = √(20/3), SD2 = √(10/3), J(n = 4) = 1 − 3/11 = 8/11.
    static let before: [Double] = [10, 12, 14, 16]
    static let after: [Double] = [9, 10, 13, 12]

    @Test func handComputedValues() throws {
        let dz = try EffectSize.dz(before: Self.before, after: Self.after)
        #expect(dz.kind == .dz)
        #expect(dz.n == 4)
        expectClose(dz.value, -2 / 2.0.squareRoot())  // −√2 = -1.4142135623730951
        let dav = try EffectSize.dav(before: Self.before, after: Self.after)
        #expect(dav.kind == .dav)
        // −2 / ((√(20/3) + √(10/3)) / 2) = -0.9074964469452691
        expectClose(dav.value, -0.9074964469452691)
        expectClose(dav.value, -2 / (((20.0 / 3).squareRoot() + (10.0 / 3).squareRoot()) / 2))
        expectClose(try EffectSize.hedgesCorrection(n: 4), 8.0 / 11)
        let gz = try EffectSize.gz(before: Self.before, after: Self.after)
        #expect(gz.kind == .gz)
        expectClose(gz.value, 8.0 / 11 * -(2.0.squareRoot()))  // -1.0285189544531599
        let gav = try EffectSize.gav(before: Self.before, after: Self.after)
        #expect(gav.kind == .gav)
        expectClose(gav.value, -0.6599974159601957)  // (8/11) · d_av
    }

    @Test func dataSetA() throws {
        // numpy: d = after − before; d.mean()/d.std(ddof=1) = -1.181757895737503;
        // d.mean()/((before.std(ddof=1) + after.std(ddof=1))/2) = -0.6472007519220146;
        // J = 1 − 3/35 = 0.9142857142857143
        expectClose(try EffectSize.dz(before: PairedData.beforeA, after: PairedData.afterA).value, -1.181757895737503)
        expectClose(try EffectSize.dav(before: PairedData.beforeA, after: PairedData.afterA).value, -0.6472007519220146)
        expectClose(try EffectSize.gz(before: PairedData.beforeA, after: PairedData.afterA).value, -1.0804643618171457)
        expectClose(try EffectSize.gav(before: PairedData.beforeA, after: PairedData.afterA).value, -0.5917264017572705)
    }

    static let hedgesCases: [(n: Int, expected: Double)] = [
        (2, 0.0),  // 1 − 3/(4·1 − 1) = 0
        (10, 0.9142857142857143),  // 1 − 3/35
        (30, 0.9739130434782609),  // 1 − 3/115
    ]

    @Test(arguments: hedgesCases)
    func hedgesCorrection(n: Int, expected: Double) throws {
        expectClose(try EffectSize.hedgesCorrection(n: n), expected, absolute: 1e-15)
    }

    @Test func labelsNameTheFormula() {
        #expect(EffectSize.Kind.dz.description == "Cohen's d_z (mean change / SD of changes)")
        #expect(EffectSize.Kind.allCases.count == 4)
        #expect(Set(EffectSize.Kind.allCases.map(\.description)).count == 4)
    }

    @Test func notComputable() {
        // Constant change: SD of differences is 0, so d_z is undefined ...
        #expect(throws: StatisticsError.noVariation(statistic: "effect size d_z")) {
            try EffectSize.dz(before: [10, 12, 15], after: [8, 10, 13])
        }
        // ... but d_av is defined, because the scores themselves vary: −2/((SD1 + SD2)/2) = −2/SD1.
        #expect(throws: Never.self) { try EffectSize.dav(before: [10, 12, 15], after: [8, 10, 13]) }
        #expect(throws: StatisticsError.noVariation(statistic: "effect size d_av")) {
            try EffectSize.dav(before: [5, 5, 5], after: [7, 7, 7])
        }
        #expect(throws: StatisticsError.tooFewObservations(statistic: "effect size d_z", required: 2, actual: 1)) {
            try EffectSize.gz(before: [1], after: [2])
        }
        #expect(throws: StatisticsError.tooFewObservations(statistic: "Hedges' correction", required: 2, actual: 1)) {
            try EffectSize.hedgesCorrection(n: 1)
        }
        #expect(throws: StatisticsError.unequalLengths(before: 2, after: 3)) {
            try EffectSize.dav(before: [1, 2], after: [1, 2, 3])
        }
    }
}

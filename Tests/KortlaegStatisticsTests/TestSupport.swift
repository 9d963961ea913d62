import Testing

/// True when `actual` agrees with `expected` to the relative tolerance, or to the absolute
/// tolerance (for expected values at or near zero).
func isClose(
    _ actual: Double, _ expected: Double, relative: Double = 1e-9, absolute: Double = 0
) -> Bool {
    if actual == expected { return true }
    guard actual.isFinite, expected.isFinite else { return false }
    let difference = abs(actual - expected)
    return difference <= absolute || difference <= relative * max(abs(actual), abs(expected))
}

/// Records a failure naming both numbers when they disagree.
func expectClose(
    _ actual: Double?, _ expected: Double, relative: Double = 1e-9, absolute: Double = 0,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let actual else {
        Issue.record("expected \(expected), got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(
        isClose(actual, expected, relative: relative, absolute: absolute),
        "got \(actual), expected \(expected), difference \(abs(actual - expected))",
        sourceLocation: sourceLocation)
}

@Suite struct TestSupportTests {
    // The comparison itself must be able to fail.
    @Test func isCloseRejectsDifferencesAboveTolerance() {
        #expect(isClose(1.0, 1.0 + 1e-10))
        #expect(!isClose(1.0, 1.0 + 1e-8))
        #expect(!isClose(1e-300, 2e-300))
        #expect(!isClose(.nan, .nan))
        #expect(isClose(0, 1e-17, absolute: 1e-15))
    }
}

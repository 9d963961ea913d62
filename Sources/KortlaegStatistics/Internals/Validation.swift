/// Input checks shared by the statistics. For internal use only.
enum Validation {
    /// Throws when any value is NaN or infinite, naming its 1-based position.
    static func requireFinite(_ values: [Double]) throws(StatisticsError) {
        if let index = values.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteValue(position: index + 1)
        }
    }

    /// The paired differences `after − before` (T2 − T1), after checking the lists pair up.
    static func differences(before: [Double], after: [Double]) throws(StatisticsError) -> [Double] {
        guard before.count == after.count else {
            throw .unequalLengths(before: before.count, after: after.count)
        }
        try requireFinite(before)
        try requireFinite(after)
        return zip(after, before).map { $0 - $1 }
    }

    /// Throws unless `level` lies strictly between 0 and 1.
    static func requireConfidenceLevel(_ level: Double) throws(StatisticsError) {
        guard level > 0, level < 1 else { throw .invalidConfidenceLevel(level) }
    }
}

/// Summary moments of a sample. For internal use only.
struct SampleMoments {
    var count: Int
    var mean: Double
    /// Sample standard deviation (n − 1 denominator); exactly 0 when all values are equal,
    /// NaN when `count < 2`.
    var standardDeviation: Double
    /// True when every value is identical (so the SD is exactly 0, not rounding noise).
    var isConstant: Bool

    /// Two-pass mean and variance with the compensating correction term.
    ///
    /// Source: Chan, Golub & LeVeque (1983), "Algorithms for computing the sample variance",
    /// corrected two-pass algorithm.
    init(_ values: [Double]) {
        count = values.count
        let n = Double(values.count)
        let first = values.first ?? .nan
        isConstant = values.allSatisfy { $0 == first }
        guard !values.isEmpty else {
            mean = .nan
            standardDeviation = .nan
            return
        }
        if isConstant {
            mean = first
            standardDeviation = values.count < 2 ? .nan : 0
            return
        }
        let provisional = values.reduce(0, +) / n
        var sumOfSquares = 0.0
        var sumOfDeviations = 0.0
        for value in values {
            let deviation = value - provisional
            sumOfSquares += deviation * deviation
            sumOfDeviations += deviation
        }
        mean = provisional + sumOfDeviations / n
        standardDeviation = ((sumOfSquares - sumOfDeviations * sumOfDeviations / n) / (n - 1)).squareRoot()
    }
}

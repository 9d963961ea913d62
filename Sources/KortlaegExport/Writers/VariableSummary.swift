/// Summary statistics of one variable, for codebooks: valid and missing counts, mean, minimum,
/// maximum, and frequencies of labelled codes.
public struct VariableSummary: Sendable, Equatable {
    /// Rows with a value.
    public var valid = 0
    /// Rows with a missing value (system or declared).
    public var missing = 0
    /// Mean of the valid values (numeric variables).
    public var mean: Double?
    /// Smallest valid value.
    public var minimum: Double?
    /// Largest valid value.
    public var maximum: Double?
    /// Count per value (numeric variables with value labels) and per declared missing code.
    public var frequencies: [Int: Int] = [:]

    /// Computes the summaries of every variable in one pass over the rows.
    /// - Throws: what reading the rows throws.
    public static func compute(_ dataset: ExportDataset) throws -> [VariableSummary] {
        let accumulator = Accumulator(dataset.variables)
        try dataset.forEachRow { accumulator.add($0) }
        return accumulator.summaries
    }

    /// Summaries gathered row by row, as a writer passes the rows (``ExportDataset/observing(_:)``).
    ///
    /// The counts, sums and extremes are flat arrays of numbers, each reached through one
    /// buffer pointer per row: a class's array properties would otherwise be checked for
    /// exclusive access on every cell (a fifth of the export's main thread at 100k children).
    final class Accumulator {
        private var valid: [Int]
        private var missing: [Int]
        private var sums: [Double]
        private var minima: [Double]
        private var maxima: [Double]
        /// Codes outside `denseCodes`, by variable.
        private var sparse: [[Int: Int]]
        private let labelled: [Bool]
        private let numeric: [Bool]
        /// The rows seen.
        private(set) var rows = 0

        /// Counts of the codes in `denseCodes` (value labels and missing codes almost always are),
        /// variable by variable, merged into the frequencies at the end: no hashing per cell.
        private var dense: [Int]
        private static let denseCodes = -1024..<1024

        init(_ variables: [ExportVariable]) {
            dense = [Int](repeating: 0, count: variables.count * Self.denseCodes.count)
            valid = [Int](repeating: 0, count: variables.count)
            missing = valid
            sums = [Double](repeating: 0, count: variables.count)
            minima = [Double](repeating: .infinity, count: variables.count)
            maxima = [Double](repeating: -.infinity, count: variables.count)
            sparse = Array(repeating: [:], count: variables.count)
            labelled = variables.map { !$0.valueLabels.isEmpty }
            numeric = variables.map(\.isNumeric)
        }

        func add(_ row: [ExportValue]) {
            rows += 1
            let width = Self.denseCodes.count, lowest = Self.denseCodes.lowerBound
            var outside: [(index: Int, code: Int)] = []
            let columns = min(row.count, valid.count)
            row.withUnsafeBufferPointer { row in
            valid.withUnsafeMutableBufferPointer { valid in
            missing.withUnsafeMutableBufferPointer { missing in
            sums.withUnsafeMutableBufferPointer { sums in
            minima.withUnsafeMutableBufferPointer { minima in
            maxima.withUnsafeMutableBufferPointer { maxima in
            dense.withUnsafeMutableBufferPointer { dense in
            labelled.withUnsafeBufferPointer { labelled in
                func count(_ code: Int, of index: Int) {
                    if Self.denseCodes.contains(code) {
                        dense[index * width + code - lowest] += 1
                    } else {
                        outside.append((index, code))
                    }
                }
                for index in 0..<columns {
                    switch row[index] {
                    case let .number(number):
                        valid[index] += 1
                        sums[index] += number
                        minima[index] = min(minima[index], number)
                        maxima[index] = max(maxima[index], number)
                        if labelled[index], number == number.rounded(), abs(number) < 1e9 {
                            count(Int(number), of: index)
                        }
                    case .text:
                        valid[index] += 1
                    case .missing:
                        missing[index] += 1
                    case let .declaredMissing(code):
                        missing[index] += 1
                        count(code, of: index)
                    }
                }
            }}}}}}}}
            for (index, code) in outside { sparse[index][code, default: 0] += 1 }
        }

        /// The summaries of the rows seen, means included.
        var summaries: [VariableSummary] {
            var result = valid.indices.map { index in
                VariableSummary(valid: valid[index], missing: missing[index],
                                minimum: minima[index] <= maxima[index] ? minima[index] : nil,
                                maximum: minima[index] <= maxima[index] ? maxima[index] : nil, frequencies: sparse[index])
            }
            let width = Self.denseCodes.count
            for index in result.indices {
                for offset in 0..<width where dense[index * width + offset] > 0 {
                    result[index].frequencies[offset + Self.denseCodes.lowerBound, default: 0] += dense[index * width + offset]
                }
            }
            for index in result.indices where numeric[index] && result[index].valid > 0 {
                result[index].mean = sums[index] / Double(result[index].valid)
            }
            return result
        }
    }
}

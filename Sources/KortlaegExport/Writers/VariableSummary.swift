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
    final class Accumulator {
        private var summaries_: [VariableSummary]
        private var sums: [Double]
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
            summaries_ = [VariableSummary](repeating: VariableSummary(), count: variables.count)
            sums = [Double](repeating: 0, count: variables.count)
            labelled = variables.map { !$0.valueLabels.isEmpty }
            numeric = variables.map(\.isNumeric)
        }

        func add(_ row: [ExportValue]) {
            rows += 1
            for (index, value) in row.enumerated() where index < summaries_.count {
                switch value {
                case let .number(number):
                    summaries_[index].valid += 1
                    sums[index] += number
                    summaries_[index].minimum = min(summaries_[index].minimum ?? number, number)
                    summaries_[index].maximum = max(summaries_[index].maximum ?? number, number)
                    if labelled[index], number == number.rounded(), abs(number) < 1e9 {
                        count(Int(number), of: index)
                    }
                case .text:
                    summaries_[index].valid += 1
                case .missing:
                    summaries_[index].missing += 1
                case let .declaredMissing(code):
                    summaries_[index].missing += 1
                    count(code, of: index)
                }
            }
        }

        private func count(_ code: Int, of index: Int) {
            if Self.denseCodes.contains(code) {
                dense[index * Self.denseCodes.count + code - Self.denseCodes.lowerBound] += 1
            } else {
                summaries_[index].frequencies[code, default: 0] += 1
            }
        }

        /// The summaries of the rows seen, means included.
        var summaries: [VariableSummary] {
            var result = summaries_
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

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
        var summaries = [VariableSummary](repeating: VariableSummary(), count: dataset.variables.count)
        var sums = [Double](repeating: 0, count: dataset.variables.count)
        let labelled = dataset.variables.map { !$0.valueLabels.isEmpty }
        try dataset.forEachRow { row in
            for (index, value) in row.enumerated() {
                switch value {
                case let .number(number):
                    summaries[index].valid += 1
                    sums[index] += number
                    summaries[index].minimum = min(summaries[index].minimum ?? number, number)
                    summaries[index].maximum = max(summaries[index].maximum ?? number, number)
                    if labelled[index], number == number.rounded(), abs(number) < 1e9 {
                        summaries[index].frequencies[Int(number), default: 0] += 1
                    }
                case .text:
                    summaries[index].valid += 1
                case .missing:
                    summaries[index].missing += 1
                case let .declaredMissing(code):
                    summaries[index].missing += 1
                    summaries[index].frequencies[code, default: 0] += 1
                }
            }
        }
        for index in summaries.indices where dataset.variables[index].isNumeric && summaries[index].valid > 0 {
            summaries[index].mean = sums[index] / Double(summaries[index].valid)
        }
        return summaries
    }
}

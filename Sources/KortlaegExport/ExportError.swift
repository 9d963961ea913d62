/// Why an export or report could not be written. Messages name files and variables, never a
/// personal value (ids, free text, anything CPR-shaped).
public enum ExportError: Error, Equatable, CustomStringConvertible {
    case invalidVariableName(String, problem: String)
    case duplicateVariable(String)
    case tooManyMissingCodes(variable: String, count: Int)
    case valueLabelOutOfRange(variable: String, code: Int)
    case invalidMissingTag(variable: String, tag: Character)
    case rowCountMismatch(expected: Int, actual: Int)
    case rowWidthMismatch(row: Int, expected: Int, actual: Int)
    case typeMismatch(variable: String, row: Int, expected: String)
    case cprShapedValue(variable: String, row: Int)
    case cprShapedReportText(section: String)
    case undeclaredMissingCode(variable: String, code: Int)
    case missingCodeInsideRange(variable: String, code: Int, minimum: Double, maximum: Double)
    case valueIsMissingCode(variable: String, row: Int, code: Int)
    case readStat(file: String, operation: String, message: String)
    case cannotWrite(file: String, reason: String)
    case missingKey(reason: String)
    case input(file: String, reason: String)

    public var description: String {
        switch self {
        case let .invalidVariableName(name, problem):
            return "Variable name '\(name)' \(problem). Use at most 32 characters: a letter, then letters, digits or _."
        case let .duplicateVariable(name):
            return "Variable '\(name)' occurs twice (names are compared without case). Give each occasion or informant its own name."
        case let .tooManyMissingCodes(variable, count):
            return "Variable '\(variable)' declares \(count) missing values; SPSS allows at most 3."
        case let .valueLabelOutOfRange(variable, code):
            return "Variable '\(variable)': value label code \(code) does not fit in 32 bits (Stata's value labels are int32)."
        case let .invalidMissingTag(variable, tag):
            return "Variable '\(variable)': missing tag '\(tag)' must be a letter a-z (Stata's .a-.z)."
        case let .rowCountMismatch(expected, actual):
            return "The dataset announced \(expected) rows but produced \(actual); nothing was kept."
        case let .rowWidthMismatch(row, expected, actual):
            return "Row \(row) has \(actual) values; the dataset has \(expected) variables."
        case let .typeMismatch(variable, row, expected):
            return "Row \(row), variable '\(variable)': expected \(expected)."
        case let .cprShapedValue(variable, row):
            return "Row \(row), variable '\(variable)' holds a value shaped like a CPR number; the export was stopped and nothing was kept. Remove CPR numbers from this field before exporting."
        case let .cprShapedReportText(section):
            return "The report's \(section) holds text shaped like a CPR number; no report was written. Remove the CPR number (or give another label)."
        case let .undeclaredMissingCode(variable, code):
            return "Variable '\(variable)': missing code \(code) is not declared on the variable."
        case let .missingCodeInsideRange(variable, code, minimum, maximum):
            return "Variable '\(variable)': missing code \(code) lies inside the values it can take (\(XMLText.number(minimum)) to \(XMLText.number(maximum))); a real value would read as missing. Choose a code outside that range."
        case let .valueIsMissingCode(variable, row, code):
            return "Row \(row), variable '\(variable)': the value \(code) equals a declared missing code and would read as missing in SPSS; nothing was kept."
        case let .readStat(file, operation, message):
            return "\(file): ReadStat failed in \(operation): \(message)."
        case let .cannotWrite(file, reason):
            return "\(file): cannot write (\(reason))."
        case let .missingKey(reason):
            return reason
        case let .input(file, reason):
            return "\(file): \(reason)"
        }
    }
}

/// A SurveyXact export that cannot be read as a whole.
public enum SurveyXactError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One of the three files is not next to the dataset.
    case missingCompanion(dataset: String, kind: String)
    /// The structure file's header lacks a column SurveyXact always writes.
    case missingColumn(file: String, column: String)
    /// A labels line does not have the three fields variable, value, label.
    case malformedLabels(file: String, line: Int, found: Int)
    /// A structure row has more fields than the header and the extra ones are not empty.
    case raggedStructure(file: String, line: Int, expected: Int, found: Int)

    /// A message naming the file and what is expected.
    public var description: String {
        switch self {
        case let .missingCompanion(dataset, kind):
            return "\(dataset): the SurveyXact \(kind) file is missing; expected dataset, structure and labels files of one export in the same folder."
        case let .missingColumn(file, column):
            return "\(file): the SurveyXact structure file has no '\(column)' column; expected the header questionName, variableName, questionType, …"
        case let .malformedLabels(file, line, found):
            return "\(file):\(line): a labels line has \(found) field(s); expected 3 (variable, value, label) without a header."
        case let .raggedStructure(file, line, expected, found):
            return "\(file):\(line): the row has \(found) fields; expected \(expected) like the header."
        }
    }
}

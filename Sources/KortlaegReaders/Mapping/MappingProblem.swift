import KortlaegDomain

/// What was wrong with a rejected value, as data: a front end words it in the reader's language
/// (the web application's validation report is Danish); ``MappingRejection/reason`` is the
/// English sentence of the command line.
public enum MappingProblem: Hashable, Sendable {
    /// One answer code of an item's scale and its label.
    public struct Choice: Hashable, Sendable {
        /// The code.
        public var code: Int
        /// Its label, per language.
        public var label: LocalizedText
    }

    /// The child id is missing.
    case missingChildId
    /// The informant is not one Kortlæg knows.
    case notAnInformant
    /// The date cannot be read.
    case notADate
    /// The value is not an answer to `item`: neither a code nor a label of its scale (`choices`
    /// empty: a number or a text item); `nearest` is the label closest to the text.
    case notAnAnswer(item: String, variable: String, choices: [Choice], expectsNumber: Bool, nearest: String?)
    /// The profile maps the values of this field (`what`: occasion, informant, class, …) and
    /// this value is not among `expected`.
    case notInMap(what: String, expected: [String])
    /// A birth year (four digits) or a birth month (1–12) was expected.
    case notABirthYear, notABirthMonth
    /// The birth date cannot be read.
    case notABirthDate
    /// An age in whole years was expected.
    case notAnAge
    /// The row has `found` fields where the header has `expected`.
    case raggedRow(found: Int, expected: Int)
    /// The occasion is not T1, F1, F2, … or T2.
    case notAnOccasion
}

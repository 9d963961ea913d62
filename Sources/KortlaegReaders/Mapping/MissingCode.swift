/// A value a source file writes for an answer it does not have (`NA`, `.`, `-99`, `9`,
/// "Ved ikke"), with what it means. Read as a missing answer with its reason: never as an
/// answer, never as a rejection.
///
/// In a profile: `"missingCodes": [{"value": "NA", "meaning": "notAsked"}, {"value": "9",
/// "meaning": "dontKnow", "fields": ["pworries"]}]`; without `fields` the code holds for every
/// item field of the file. On the command line: `--missing-codes NA,-99` (meaning `missing`).
public struct MissingCode: Codable, Hashable, Sendable {
    /// What a missing code says about the answer.
    public enum Meaning: String, Codable, Hashable, Sendable, CaseIterable {
        /// Missing, no reason given.
        case missing
        /// The question was not asked (skipped by design, not applicable).
        case notAsked
        /// The informant refused to answer.
        case refused
        /// The informant did not know.
        case dontKnow
    }

    /// The value as written in the file (compared trimmed and case-insensitively).
    public var value: String
    /// What it means.
    public var meaning: Meaning
    /// The fields (source column names) it applies to; nil: every item field.
    public var fields: [String]?

    /// Creates a missing code.
    public init(value: String, meaning: Meaning = .missing, fields: [String]? = nil) {
        self.value = value
        self.meaning = meaning
        self.fields = fields
    }

    /// The codes of `--missing-codes NA,-99,.`: each with meaning ``Meaning/missing``.
    public static func list(_ text: String) -> [MissingCode] {
        text.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }.map { MissingCode(value: $0) }
    }
}

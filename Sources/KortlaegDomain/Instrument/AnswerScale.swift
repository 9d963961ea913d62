/// The set of answers an item accepts.
///
/// Coded scales (`ordinal`, `nominal`, `checkbox`) list their codes; codes listed in
/// `missingCodes` (e.g. the trivselsmåling's 0 = "Jeg ønsker ikke at svare") mean "not answered".
/// `number` scales accept a decimal number within `minimum...maximum`; `text` scales accept free
/// text, which is personal data and is never scored or echoed in diagnostics.
public struct AnswerScale: Codable, Hashable, Sendable {
    /// The kind of answer.
    public enum Kind: String, Codable, Sendable {
        case ordinal, nominal, checkbox, number, text, date
    }

    /// One valid answer code with its labels.
    public struct Code: Codable, Hashable, Sendable {
        /// The stored code.
        public var code: Int
        /// The answer as shown on the form.
        public var label: LocalizedText
        /// Alternative spellings of the label that importers accept (e.g. FHIR display strings).
        public var aliases: [String]?
    }

    /// Stable id, referenced by items.
    public var id: String
    /// The kind of answer.
    public var kind: Kind
    /// Valid codes, for coded kinds.
    public var codes: [Code]?
    /// Codes that mean "not answered".
    public var missingCodes: [Code]?
    /// Lowest valid value, for `number`.
    public var minimum: Double?
    /// Highest valid value, for `number`.
    public var maximum: Double?
    /// False when some answer labels come only from secondary sources (e.g. the trivselsmåling's
    /// `Altid5`, of which only the first two labels are confirmed). Codes and scoring are unaffected;
    /// outputs that show the labels should say they are unconfirmed. Nil means confirmed.
    public var verified: Bool?
    /// What is known and unknown about this answer scale, where it differs from the instrument's provenance.
    public var note: String?

    /// The non-missing codes in ascending order.
    public var validCodes: [Int] { (codes ?? []).map(\.code).sorted() }
}

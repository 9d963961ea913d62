import KortlaegDomain

/// A draft mapping profile for one file (`kortlaeg profile suggest`), with everything a person
/// should check before using it: how the child id, the instrument and every item were found,
/// the columns left out and the answer texts that match no code.
///
/// The ``profile`` names every column it reads explicitly (`items`, `childId`, `attributes`), so
/// `kortlaeg import --profile` reads the file with it unchanged, and the same file gives the
/// same responses as the automatic import (plus the items matched by position, which the
/// automatic import does not match).
public struct ProfileSuggestion: Sendable {
    /// How a column was matched to an item.
    public enum Method: String, Sendable, Hashable, CaseIterable {
        /// The item's official variable name (`pconsid`).
        case variable
        /// One of the item's aliases (another official spelling).
        case alias
        /// The item's Danish label (`Hensynsfuld`).
        case label
        /// The number in the header is the item's position on the form (`1`, `spm 1`, `Q1`).
        case position
        /// A line of the mapping profile the file's kind is read with.
        case profile

        /// Words for the report: `variable name`, `Danish label`, ….
        public var phrase: String {
            switch self {
            case .variable: "variable name"
            case .alias: "alias of the variable name"
            case .label: "Danish label"
            case .position: "position on the form"
            case .profile: "the profile's item line"
            }
        }
    }

    /// One column matched to an item.
    public struct ItemMatch: Sendable, Hashable {
        /// The column (field) as written in the file.
        public var column: String
        /// The item id.
        public var item: String
        /// The item's variable name.
        public var variable: String
        /// How it was matched.
        public var method: Method

        /// Creates a match.
        public init(column: String, item: String, variable: String, method: Method) {
            self.column = column
            self.item = item
            self.variable = variable
            self.method = method
        }
    }

    /// An answer text found in an item column that is no code and no label of the item.
    public struct UnmatchedAnswer: Sendable, Hashable {
        /// The column.
        public var column: String
        /// The item.
        public var item: String
        /// The text; nil when it may not be shown (free text, personal data).
        public var text: String?
        /// The nearest label, when one is close.
        public var nearest: String?
        /// The number of records with this text in this column.
        public var records: Int

        /// Creates an entry.
        public init(column: String, item: String, text: String?, nearest: String?, records: Int) {
            self.column = column
            self.item = item
            self.text = text
            self.nearest = nearest
            self.records = records
        }
    }

    /// Which attribute (class, school, sex, birthYear, birthMonth, birthDate, date, occasion)
    /// was found in which column.
    public struct AttributeColumn: Sendable, Hashable {
        public var attribute: String
        public var column: String
    }

    /// The draft.
    public var profile: MappingProfile
    /// The kind of file.
    public var kind: SourceKind
    /// What the kind was recognised by.
    public var evidence: String
    /// The dialect (encoding, separator) or the sheet, when the reader reports one.
    public var dialect: String?
    /// The profile the draft starts from (the one the automatic import would use), if any.
    public var baseProfile: String?
    /// The instrument the draft is for.
    public var instrument: InstrumentReference
    /// Why that instrument.
    public var instrumentReason: String
    /// The child-id column and why (tables); nil when the id is a part of the record (FHIR subject).
    public var childId: ChildIdChoice?
    /// The columns matched to items, in the instrument's item order.
    public var items: [ItemMatch]
    /// The instrument's items no column was found for (variable names).
    public var missingItems: [String]
    /// The attributes found.
    public var attributes: [AttributeColumn]
    /// The columns the draft does not read.
    public var unmatchedColumns: [String]
    /// Answer texts that match no code (missing codes excluded).
    public var unmatchedAnswers: [UnmatchedAnswer]
    /// Values in item columns that look like missing codes (`NA`, `-99`, "Ved ikke"): put in the
    /// draft's `missingCodes`, with the number of records each was found in.
    public var detectedMissingCodes: [(code: MissingCode, records: Int)]
    /// Records read to find the answer texts.
    public var recordsRead: Int
}

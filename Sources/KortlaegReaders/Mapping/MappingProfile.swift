import KortlaegDomain

/// A data file (`Instruments/profiles/*.json`) that says how records of one source kind become
/// responses to one instrument: which field is the child id, the occasion, the informant and
/// the date, and which field holds which item.
///
/// Without ``items`` the fields are matched to items by the official variable name or an alias
/// (as `kortlaeg score` matches columns). Answers are taken as codes when they are codes of the
/// item's answer scale, else matched case-insensitively against the scale's labels (all
/// languages) and aliases, else looked up in ``ItemMapping/answers`` and ``answers``.
public struct MappingProfile: Codable, Hashable, Sendable {
    /// The format version of the file (currently 1).
    public var format: Int
    /// Stable id (the file name without `.json`), used with `--profile`.
    public var id: String
    /// What the profile is for, per language.
    public var title: LocalizedText
    /// The kind of file the profile reads.
    public var source: SourceKind
    /// Form names (FHIR Questionnaire URLs, ODM FormOIDs) this profile is meant for; used to
    /// choose a profile when none is named. Empty: any form.
    public var forms: [String]?
    /// The instrument as `id@version` (or `id` for the newest); absent: chosen by `--instrument`
    /// or from the fields' variable names.
    public var instrument: String?
    /// Where the (pseudonymous) child id is.
    public var childId: FieldReference
    /// Where the occasion (`T1`, `T2`, …) is; absent: no occasion.
    public var occasion: FieldReference?
    /// Where the informant is (values `child`, `parent`, `teacher`, `professional` after `map`);
    /// absent: the instrument's informant.
    public var informant: FieldReference?
    /// Where the date the form was filled in is; absent: no date.
    public var date: FieldReference?
    /// Where class, school, sex and birth year/month are; read only for a project store.
    public var attributes: ChildAttributeMapping?
    /// Field → item lines; absent: match fields by variable name and aliases.
    public var items: [ItemMapping]?
    /// Answer text → code for every item (e.g. a survey tool's own labels); item lines win.
    public var answers: [String: Int]?
    /// Values the source writes for a missing answer (`NA`, `-99`, "Ved ikke"), per field or for
    /// every item field; read as missing with their meaning, never as answers or rejections.
    public var missingCodes: [MissingCode]?
    /// Remarks for the reader of the file.
    public var notes: [String]?
    /// The columns of the file the profile was saved from (the web application's import
    /// wizard): a file with the same columns is given this profile again. Absent: chosen by kind.
    public var header: [String]?
}

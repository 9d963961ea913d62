/// A questionnaire at one exact version: items, answer scales, scoring rules, bands and norms.
///
/// Instruments are data files under `Instruments/`; every stored response names the exact
/// ``InstrumentReference`` it was collected with.
public struct Instrument: Codable, Hashable, Sendable {
    /// The format version of the file (currently 1).
    public var format: Int
    /// Stable id (e.g. `sdq-p4-17`).
    public var id: String
    /// Semantic version of this definition (`1.0.0`).
    public var version: String
    /// Instruments of one family measure the same construct (`sdq`, `trivsel`).
    public var family: String
    /// The title per language.
    public var title: LocalizedText
    /// Who answers.
    public var informant: Informant
    /// Ages (in years) the instrument is meant for.
    public var ageRange: AgeRange?
    /// The kind of form: a standardised questionnaire or one of the mapping tool's own forms.
    public var kind: Kind?
    /// Where child reports show the responses (nil: instruments with band tables are drawn as a
    /// profile headed by their title; others are not shown).
    public var reportSection: ReportSection?
    /// Answer scales referenced by items.
    public var answerScales: [AnswerScale]
    /// The questions, in form order.
    public var items: [Item]
    /// Scores computed from items.
    public var scales: [Scale]
    /// Scores computed from other scores.
    public var derivedScores: [DerivedScore]?
    /// Goals: a free-text item paired with the item rating progress towards it.
    public var goals: [Goal]?
    /// The order of scores in outputs, by score id (default: scales, then derived scores).
    public var scoreOrder: [String]?
    /// Scoring rules whose official versions differ and that the user may choose.
    public var ruleOptions: [RuleOption]?
    /// Band labels used by band tables.
    public var bandLabels: [BandLabel]?
    /// Band tables per norm set.
    public var bandTables: [BandTable]?
    /// Norm values (means, SDs, reliabilities) per norm set.
    public var normSets: [NormSet]?
    /// The Added Value Score between two occasions, where one is defined for the instrument.
    public var addedValueScore: AddedValueScore?
    /// Where the definition comes from.
    public var provenance: Provenance

    /// The kinds of instrument.
    public enum Kind: String, Codable, Sendable {
        case questionnaire, survey, form
    }

    /// An age range in whole years, inclusive.
    public struct AgeRange: Codable, Hashable, Sendable {
        public var minimum: Int
        public var maximum: Int
    }

    /// `id@version`.
    public var reference: InstrumentReference { InstrumentReference(id: id, version: version) }
}

/// Names one exact instrument version: `sdq-p4-17@1.0.0`.
public struct InstrumentReference: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The instrument id.
    public var id: String
    /// The exact version.
    public var version: String

    /// Creates a reference.
    public init(id: String, version: String) {
        self.id = id
        self.version = version
    }

    /// `id@version`.
    public var description: String { "\(id)@\(version)" }
}

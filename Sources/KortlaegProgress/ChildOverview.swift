import KortlaegDomain

/// One child across informants and occasions, arranged the way the mapping tool asks staff to
/// read it: strengths first (seed 002: start from the child's strengths and resources), then the
/// difficulties with parent, teacher and child side by side and disagreements flagged, then the
/// two-sided goals and their ratings (seed 003).
///
/// Pure: it is built from responses already read and scored; it reads and writes nothing.
public struct ChildOverview: Sendable {
    /// One stored response of the child, scored.
    public struct Entry: Sendable {
        /// The occasion code (`T1`, `F1`, `T2`).
        public var occasion: String
        /// The occasion's place in the course (T1 = 0, Fn = n, T2 = 1000).
        public var order: Int
        /// Who answered.
        public var informant: Informant
        /// The exact instrument version the answers were collected with.
        public var instrument: Instrument
        /// Answers by item id.
        public var answers: [String: AnswerValue]
        /// Score values by score id (absent or nil = not computable).
        public var values: [String: Double?]

        /// Creates an entry.
        public init(occasion: String, order: Int, informant: Informant, instrument: Instrument,
                    answers: [String: AnswerValue], values: [String: Double?]) {
            self.occasion = occasion
            self.order = order
            self.informant = informant
            self.instrument = instrument
            self.answers = answers
            self.values = values
        }
    }

    /// A column of the side-by-side tables: one informant at one occasion.
    public struct Column: Hashable, Sendable, Comparable {
        public var occasion: String
        public var order: Int
        public var informant: Informant

        public static func < (lhs: Column, rhs: Column) -> Bool {
            (lhs.order, Self.rank(lhs.informant)) < (rhs.order, Self.rank(rhs.informant))
        }

        /// Parent, teacher, child, professional: the order the seeds name the perspectives in.
        static func rank(_ informant: Informant) -> Int {
            switch informant {
            case .parent: 0
            case .teacher: 1
            case .child: 2
            case .professional: 3
            }
        }
    }

    /// One score's value and band in one column.
    public struct Cell: Hashable, Sendable {
        /// The value; nil when not computable under the missing-data rules.
        public var value: Double?
        /// The band label (in the requested language), when the instrument has bands for the score.
        public var band: String?
        /// The band level (0 = normal range, higher = more concern).
        public var level: Int?
    }

    /// One score across the columns.
    public struct Row: Sendable {
        /// The score id shared by the informants' versions (`emotion`).
        public var scoreID: String
        /// The label of the score (from the first instrument that has it).
        public var label: LocalizedText
        /// Which way is better.
        public var direction: ScoreDirection
        /// Values by column.
        public var cells: [Column: Cell]
        /// Occasions at which informants disagree: band levels at least
        /// ``disagreementLevels`` apart (e.g. one "normal", another "abnormal").
        public var disagreements: [String]
    }

    /// A ticked resource item (checkbox answered "yes") at one occasion.
    public struct Resource: Hashable, Sendable {
        public var occasion: String
        public var informant: Informant
        public var label: LocalizedText
    }

    /// One goal rating at one occasion.
    public struct GoalRating: Sendable {
        public var occasion: String
        /// The goal's progress scale label ("Fremgang, fagligt mål").
        public var goal: LocalizedText
        /// The rating code, when given.
        public var code: Int?
        /// The rating's answer label ("Nogen fremgang").
        public var rating: LocalizedText?
        /// The goal's free text: only filled when asked for (it is personal data).
        public var text: String?
    }

    /// Informants' band levels this far apart count as a disagreement: with the three SDQ bands
    /// (normal 0, borderline 1, abnormal 2) that is one informant in the normal range and another
    /// in the abnormal range.
    public static let disagreementLevels = 2

    /// The columns present, in course order and then parent, teacher, child, professional.
    public let columns: [Column]
    /// Scores where higher is better (SDQ prosocial, the resource counts).
    public let strengths: [Row]
    /// Resource items ticked "yes", by occasion.
    public let resources: [Resource]
    /// Scores where lower is better (SDQ difficulties, impact), side by side.
    public let difficulties: [Row]
    /// Other scores (neutral direction).
    public let other: [Row]
    /// Goal ratings in course order.
    public let goals: [GoalRating]

    /// Arranges `entries`.
    /// - Parameters:
    ///   - language: the language of band labels.
    ///   - includeFreeText: fill in goal texts (personal data; off by default).
    public init(entries: [Entry], language: Language, includeFreeText: Bool = false) {
        let sorted = entries.sorted { Column(occasion: $0.occasion, order: $0.order, informant: $0.informant)
            < Column(occasion: $1.occasion, order: $1.order, informant: $1.informant) }
        var columns: [Column] = []
        var rows: [String: Row] = [:]
        var rowOrder: [String] = []
        var resources: [Resource] = []
        var goals: [GoalRating] = []
        for entry in sorted {
            let column = Column(occasion: entry.occasion, order: entry.order, informant: entry.informant)
            let instrument = entry.instrument
            goals += Self.goalRatings(entry, includeFreeText: includeFreeText)
            // Scores of goal ratings are the goals' progress, shown with the goals; a form of goals
            // only has no column of its own.
            let ratings = Set((instrument.goals ?? []).map(\.rating))
            let scorer = try? Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
            let shown = (scorer?.scores ?? []).filter { !Self.scoresOnly(ratings, definition: $0, instrument: instrument) }
            if !ratings.isEmpty, shown.isEmpty { continue }
            if !columns.contains(column) { columns.append(column) }
            resources += Self.tickedResources(entry)
            let lookup = BandLookup(instrument: instrument)
            for definition in shown {
                guard let stored = entry.values[definition.id] else { continue }
                let key = definition.id
                if rows[key] == nil {
                    rows[key] = Row(scoreID: key, label: definition.label, direction: definition.direction, cells: [:], disagreements: [])
                    rowOrder.append(key)
                }
                let table = lookup.tables.first { $0.scores[definition.id] != nil }
                let band = table.flatMap { lookup.band(table: $0, scoreID: definition.id, value: stored) }
                rows[key]?.cells[column] = Cell(value: stored, band: band.map { lookup.label(of: $0, language: language) },
                                                level: band?.level)
            }
        }
        for key in rowOrder {
            guard var row = rows[key] else { continue }
            let byOccasion = Dictionary(grouping: row.cells.filter { $0.value.level != nil }, by: { $0.key.order })
            row.disagreements = byOccasion.keys.sorted().compactMap { order in
                let levels = byOccasion[order]!.compactMap(\.value.level)
                guard Set(byOccasion[order]!.map(\.key.informant)).count > 1,
                      let low = levels.min(), let high = levels.max(), high - low >= Self.disagreementLevels else { return nil }
                return byOccasion[order]!.first!.key.occasion
            }
            rows[key] = row
        }
        let ordered = rowOrder.compactMap { rows[$0] }
        self.columns = columns
        strengths = ordered.filter { $0.direction == .higherIsBetter }
        difficulties = ordered.filter { $0.direction == .lowerIsBetter }
        other = ordered.filter { $0.direction == .neutral }
        self.resources = resources
        self.goals = goals
    }

    /// Checkbox items answered "yes" (code 1) in a form.
    private static func tickedResources(_ entry: Entry) -> [Resource] {
        guard entry.instrument.kind == .form else { return [] }
        let checkboxScales = Set(entry.instrument.answerScales.filter { $0.kind == .checkbox }.map(\.id))
        return entry.instrument.items.compactMap { item in
            guard checkboxScales.contains(item.answerScale), entry.answers[item.id] == .code(1) else { return nil }
            return Resource(occasion: entry.occasion, informant: entry.informant, label: item.label)
        }
    }

    /// Whether `definition` is computed from goal rating items only (a goal's progress score).
    private static func scoresOnly(_ ratings: Set<String>, definition: ScoreDefinition, instrument: Instrument) -> Bool {
        guard !ratings.isEmpty, let scale = instrument.scales.first(where: { $0.id == definition.id }) else { return false }
        return !scale.items.isEmpty && scale.items.allSatisfy(ratings.contains)
    }

    /// The instrument's goals (``Instrument/goals``) with their ratings. A goal is named by the
    /// score of its rating item ("Fremgang, fagligt mål"), else by the rating item's label.
    private static func goalRatings(_ entry: Entry, includeFreeText: Bool) -> [GoalRating] {
        let instrument = entry.instrument
        return (instrument.goals ?? []).compactMap { goal in
            guard let item = instrument.items.first(where: { $0.id == goal.rating }) else { return nil }
            let answerScale = instrument.answerScales.first { $0.id == item.answerScale }
            var code: Int?
            if case .code(let given)? = entry.answers[goal.rating] { code = given }
            let rating = code.flatMap { given in answerScale?.codes?.first { $0.code == given }?.label }
            var text: String?
            if includeFreeText, case .text(let given)? = entry.answers[goal.text] { text = given }
            let name = instrument.scales.first { $0.items == [goal.rating] }?.label ?? item.label
            return GoalRating(occasion: entry.occasion, goal: name, code: code, rating: rating, text: text)
        }
    }
}

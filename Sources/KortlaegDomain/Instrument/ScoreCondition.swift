/// A condition that decides a score before the normal computation.
///
/// Example (SDQ impact, youthinmind scoring syntax): when `ebddiff` is 0 ("No difficulties")
/// the impact score is 0 whatever the impact items say.
public struct ScoreCondition: Codable, Hashable, Sendable {
    /// The test on one item.
    public struct Predicate: Codable, Hashable, Sendable {
        /// The item id tested.
        public var item: String
        /// Holds when the item's code is one of these.
        public var codeIn: [Int]?
        /// Holds when the item is unanswered (true) or answered (false).
        public var unanswered: Bool?
        /// Additionally requires at least one of these items to be answered.
        public var anyAnswered: [String]?
    }

    /// What a holding condition sets the score to.
    public struct Outcome: Codable, Hashable, Sendable {
        /// A fixed value.
        public var value: Double?
        /// `true`: the score is missing.
        public var missing: Bool?
    }

    /// A human-readable name for reports (e.g. "impact when ebddiff = 0").
    public var name: String
    /// The test.
    public var when: Predicate
    /// The result when the test holds.
    public var then: Outcome
    /// When set, the condition applies only while this rule option has this choice.
    public var onlyWith: RuleOptionChoice?
}

/// A selected choice of a rule option.
public struct RuleOptionChoice: Codable, Hashable, Sendable {
    /// The option id.
    public var option: String
    /// The choice id.
    public var choice: String
}

/// A named scoring rule whose official versions differ, so the user chooses and the choice is
/// recorded with every score (e.g. SDQ impact when `ebddiff` is missing: Stata/SPSS sum vs R
/// missing).
public struct RuleOption: Codable, Hashable, Sendable {
    /// One alternative.
    public struct Choice: Codable, Hashable, Sendable {
        /// Stable id (`sum`, `missing`).
        public var id: String
        /// What it does and where it comes from.
        public var description: String
    }

    /// Stable id (e.g. `impact-when-ebddiff-missing`).
    public var id: String
    /// What the option is about.
    public var description: String
    /// The alternatives.
    public var choices: [Choice]
    /// The choice used unless the user selects another.
    public var defaultChoice: String
}

/// Scores responses to one instrument from its data: no instrument-specific code.
///
/// Build one scorer per instrument and options, then call ``score(_:)-(_)`` per response; the
/// scorer precomputes item positions so scoring millions of rows stays fast.
public struct Scorer: Sendable {
    /// The instrument scored.
    public let instrument: Instrument
    /// The options in force.
    public let options: ScoringOptions
    /// The outputs: scales first (form order), then derived scores.
    public let scores: [ScoreDefinition]
    /// The rule choice in force for every rule option, by option id.
    public let ruleChoices: [String: String]

    /// Per definition, what computes it: an index into `itemPlans` or `derivedPlans`. Kept
    /// apart from the plans so the per-row loop copies nothing.
    private let plans: [PlanKind]
    private let itemPlans: [ItemPlan]
    private let derivedPlans: [DerivedPlan]
    /// The parts of every derived score, plan after plan (``DerivedPlan/parts`` indexes here): a
    /// plain value per plan, so the per-row loop retains no array shared between threads.
    private let derivedParts: [Int]
    /// Output position → plan position.
    private let outputOrder: [Int]
    /// The instrument's item ids, in item order (read once per response, not the items themselves).
    private let itemIDs: [String]

    private enum PlanKind: Sendable {
        case items(Int)
        case derived(Int)
        case skipped
    }

    private struct DerivedPlan: Sendable {
        var parts: Range<Int>
        var method: DerivedScore.Method
    }

    /// A code in the form the scoring loop reads: the code itself, or one of these two.
    package static let unanswered = Int.min
    /// An answer that is not a code (a number or text): answered, but never summed.
    package static let answeredWithoutCode = Int.min + 1

    private struct ItemPlan: Sendable {
        var items: [Int]
        /// Per item: reverse as lowest + highest − code.
        var reverse: [(lowest: Int, highest: Int)?]
        var recode: [Int: Int]
        /// `recode` for codes 0...63 (`noRecode`: kept), when every recoded code is in that range.
        var recodeTable: [Int]?
        var method: Scale.Method
        var countCodes: Set<Int>
        /// `countCodes` as a bit per code 0...63, when every counted code is in that range.
        var countMask: UInt64?
        var required: Int
        var prorate: Bool
        var unansweredCountsAs: Int?
        var rounding: Rounding
        var conditions: [CompiledCondition]
        /// Per item position and code 0..<``tableCodes``, what the code adds
        /// (``Scorer/contribution(of:at:in:)``), item after item: the loop's lookup.
        var table: [Contribution] = []
    }

    /// What one answered code adds to a scale: its value after reversing and recoding, and
    /// whether it is one of the counted codes.
    private struct Contribution: Sendable {
        var value: Int
        var counted: Bool
    }

    /// Codes below this are looked up in ``ItemPlan/table``; others are computed per answer.
    private static let tableCodes = 16

    private struct CompiledCondition: Sendable {
        var item: Int
        var codeIn: Set<Int>?
        var unanswered: Bool?
        var anyAnswered: [Int]?
        var outcome: Double?
    }

    /// Creates a scorer.
    /// - Throws: ``ScoringOptionError`` when an option or choice is unknown.
    public init(instrument: Instrument, options: ScoringOptions = ScoringOptions()) throws {
        self.instrument = instrument
        self.options = options
        let ruleOptions = instrument.ruleOptions ?? []
        var choices: [String: String] = [:]
        for option in ruleOptions { choices[option.id] = option.defaultChoice }
        for (option, choice) in options.ruleChoices {
            guard let definition = ruleOptions.first(where: { $0.id == option }) else {
                throw ScoringOptionError.unknownOption(option: option, instrument: instrument.reference.description,
                                                       known: ruleOptions.map(\.id))
            }
            guard definition.choices.contains(where: { $0.id == choice }) else {
                throw ScoringOptionError.unknownChoice(option: option, choice: choice, known: definition.choices.map(\.id))
            }
            choices[option] = choice
        }
        ruleChoices = choices

        let itemIndex = Dictionary(instrument.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let answerScales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var definitions: [ScoreDefinition] = []
        var plans: [PlanKind] = []
        var itemPlans: [ItemPlan] = []
        var derivedPlans: [DerivedPlan] = []
        var derivedParts: [Int] = []
        var scoreIndex: [String: Int] = [:]

        for scale in instrument.scales {
            let verified = scale.verified ?? true
            scoreIndex[scale.id] = definitions.count
            definitions.append(ScoreDefinition(id: scale.id, variable: scale.variable, label: scale.label, range: scale.range,
                                               direction: scale.direction, equivalenceKey: scale.equivalenceKey, verified: verified))
            guard verified || options.includeUnverifiedScores else {
                plans.append(.skipped)
                continue
            }
            let reversed = Set(scale.reversed ?? [])
            // Items and their reversal by the same positions: a scale naming an item the
            // instrument does not have (validation refuses that) drops it from both.
            let known = scale.items.compactMap { id in itemIndex[id].map { (id: id, index: $0) } }
            let items = known.map(\.index)
            let reverse: [(lowest: Int, highest: Int)?] = known.map { id, index in
                guard reversed.contains(id),
                      let codes = answerScales[instrument.items[index].answerScale]?.validCodes, let lowest = codes.first,
                      let highest = codes.last
                else { return nil }
                return (lowest, highest)
            }
            var recode: [Int: Int] = [:]
            for (key, value) in scale.recode ?? [:] { if let code = Int(key) { recode[code] = value } }
            let conditions: [CompiledCondition] = (scale.conditions ?? []).compactMap { condition in
                if let only = condition.onlyWith, choices[only.option] != only.choice { return nil }
                guard let item = itemIndex[condition.when.item] else { return nil }
                let outcome: Double? = (condition.then.missing ?? false) ? nil : condition.then.value
                return CompiledCondition(item: item, codeIn: condition.when.codeIn.map(Set.init),
                                         unanswered: condition.when.unanswered,
                                         anyAnswered: condition.when.anyAnswered?.compactMap { itemIndex[$0] },
                                         outcome: outcome)
            }
            let countCodes = Set(scale.countCodes ?? [])
            let small = { (code: Int) in (0..<64).contains(code) }
            var recodeTable: [Int]?
            if recode.keys.allSatisfy(small) {
                var table = [Int](repeating: Self.noRecode, count: 64)
                for (code, value) in recode { table[code] = value }
                recodeTable = table
            }
            plans.append(.items(itemPlans.count))
            var plan = ItemPlan(
                items: items, reverse: reverse, recode: recode, recodeTable: recodeTable, method: scale.method,
                countCodes: countCodes,
                countMask: countCodes.allSatisfy(small) ? countCodes.reduce(0) { $0 | (1 << UInt64($1)) } : nil,
                required: scale.missing.requiredAnswers(itemCount: items.count),
                prorate: scale.missing.prorate ?? false, unansweredCountsAs: scale.missing.unansweredCountsAs,
                rounding: scale.rounding ?? .none, conditions: conditions)
            plan.table = plan.items.indices.flatMap { position in
                (0..<Self.tableCodes).map { Self.contribution(of: $0, at: position, in: plan) }
            }
            itemPlans.append(plan)
        }
        for derived in instrument.derivedScores ?? [] {
            let parts = derived.of.compactMap { scoreIndex[$0] }
            let verified = parts.allSatisfy { definitions[$0].verified }
            scoreIndex[derived.id] = definitions.count
            definitions.append(ScoreDefinition(id: derived.id, variable: derived.variable, label: derived.label,
                                               range: derived.range, direction: derived.direction,
                                               equivalenceKey: derived.equivalenceKey, verified: verified))
            if verified || options.includeUnverifiedScores {
                plans.append(.derived(derivedPlans.count))
                derivedPlans.append(DerivedPlan(parts: derivedParts.count..<derivedParts.count + parts.count, method: derived.method))
                derivedParts.append(contentsOf: parts)
            } else {
                plans.append(.skipped)
            }
        }
        // Outputs follow the instrument's scoreOrder; plans keep definition order so derived
        // scores can use earlier ones.
        var order = Array(definitions.indices)
        if let wanted = instrument.scoreOrder {
            let rank = Dictionary(wanted.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            order.sort { (rank[definitions[$0].id] ?? Int.max, $0) < (rank[definitions[$1].id] ?? Int.max, $1) }
        }
        self.scores = order.map { definitions[$0] }
        self.outputOrder = order
        self.itemIDs = instrument.items.map(\.id)
        self.plans = plans
        self.itemPlans = itemPlans
        self.derivedPlans = derivedPlans
        self.derivedParts = derivedParts
    }

    /// `recodeTable` entry of a code that is not recoded.
    private static let noRecode = Int.min

    /// The index of the score with this id, if any.
    public func scoreIndex(of id: String) -> Int? {
        scores.firstIndex { $0.id == id }
    }

    /// Scores a response.
    public func score(_ response: Response) -> ScoreSet {
        let answers = response.answers
        return score(codes: itemIDs.map { id in Self.code(of: answers[id]) })
    }

    /// Scores answers given in instrument item order (nil = unanswered).
    public func score(_ answers: [AnswerValue?]) -> ScoreSet {
        score(codes: answers.map(Self.code(of:)))
    }

    /// The code ``score(codes:scratch:into:)`` takes for an answer (nil = unanswered).
    private static func code(of answer: AnswerValue?) -> Int {
        answer.map { $0.code ?? answeredWithoutCode } ?? unanswered
    }

    private func score(codes: [Int]) -> ScoreSet {
        var scratch: [Double?] = []
        var values: [Double?] = []
        codes.withUnsafeBufferPointer { score(codes: $0, scratch: &scratch, into: &values) }
        return ScoreSet(values: values)
    }

    /// Scores answers given as codes in instrument item order (``unanswered``,
    /// ``answeredWithoutCode`` or the code) into `values`, aligned with ``scores``: the loop of
    /// ``score(_:)-(_)`` without an allocation per row (`scratch` and `values` are reused).
    package func score(codes: UnsafeBufferPointer<Int>, scratch: inout [Double?], into values: inout [Double?]) {
        if scratch.count != plans.count { scratch = [Double?](repeating: nil, count: plans.count) }
        scratch.withUnsafeMutableBufferPointer { scratch in
            plans.withUnsafeBufferPointer { plans in
                itemPlans.withUnsafeBufferPointer { itemPlans in
                    for index in plans.indices {
                        switch plans[index] {
                        case .skipped:
                            scratch[index] = nil
                        case let .items(plan):
                            scratch[index] = evaluate(itemPlans[plan], codes)
                        case let .derived(plan):
                            let parts = derivedPlans[plan].parts
                            var total = 0.0
                            var complete = true
                            for part in parts {
                                guard let value = scratch[derivedParts[part]] else { complete = false; break }
                                total += value
                            }
                            scratch[index] = complete && !parts.isEmpty
                                ? (derivedPlans[plan].method == .sum ? total : total / Double(parts.count)) : nil
                        }
                    }
                }
            }
        }
        if values.count != outputOrder.count { values = [Double?](repeating: nil, count: outputOrder.count) }
        values.withUnsafeMutableBufferPointer { values in
            scratch.withUnsafeBufferPointer { scratch in
                for (output, position) in outputOrder.enumerated() { values[output] = scratch[position] }
            }
        }
    }

    /// What `code` (answered) adds at item `position` of `plan`: reversed as lowest + highest −
    /// code, then recoded, then counted when the result is one of the counted codes.
    private static func contribution(of code: Int, at position: Int, in plan: borrowing ItemPlan) -> Contribution {
        var value = code
        if let reverse = plan.reverse[position] { value = reverse.lowest + reverse.highest - value }
        if let table = plan.recodeTable {
            if (0..<64).contains(value), table[value] != Self.noRecode { value = table[value] }
        } else if let recoded = plan.recode[value] {
            value = recoded
        }
        let counted = if let mask = plan.countMask {
            (0..<64).contains(value) && mask & (1 << UInt64(value)) != 0
        } else {
            plan.countCodes.contains(value)
        }
        return Contribution(value: value, counted: counted)
    }

    private func evaluate(_ plan: borrowing ItemPlan, _ codes: UnsafeBufferPointer<Int>) -> Double? {
        for condition in plan.conditions where holds(condition, codes) {
            return condition.outcome
        }
        var sum = 0
        var answered = 0
        var counted = 0
        plan.items.withUnsafeBufferPointer { items in
            plan.table.withUnsafeBufferPointer { table in
                for position in items.indices {
                    let code = codes[items[position]]
                    if code == Self.unanswered || code == Self.answeredWithoutCode { continue }
                    let contribution = code >= 0 && code < Self.tableCodes
                        ? table[position &* Self.tableCodes &+ code]
                        : Self.contribution(of: code, at: position, in: plan)
                    answered += 1
                    sum += contribution.value
                    if contribution.counted { counted += 1 }
                }
            }
        }
        guard answered >= plan.required, answered > 0 else { return nil }
        let itemCount = plan.items.count
        switch plan.method {
        case .count:
            return Double(counted)
        case .sum:
            if plan.prorate {
                switch plan.rounding {
                case .halfUpToInteger: return Double(roundHalfUp(numerator: itemCount * sum, denominator: answered))
                case .none: return Double(itemCount * sum) / Double(answered)
                }
            }
            let total = sum + (itemCount - answered) * (plan.unansweredCountsAs ?? 0)
            return Double(total)
        case .mean:
            switch plan.rounding {
            case .halfUpToInteger: return Double(roundHalfUp(numerator: sum, denominator: answered))
            case .none: return Double(sum) / Double(answered)
            }
        }
    }

    private func holds(_ condition: CompiledCondition, _ codes: UnsafeBufferPointer<Int>) -> Bool {
        let raw = codes[condition.item]
        let code: Int? = raw == Self.unanswered || raw == Self.answeredWithoutCode ? nil : raw
        if let unanswered = condition.unanswered, unanswered != (code == nil) { return false }
        if let codeIn = condition.codeIn {
            guard let code, codeIn.contains(code) else { return false }
        }
        if let others = condition.anyAnswered, !others.contains(where: { codes[$0] != Self.unanswered }) { return false }
        return true
    }
}

/// What changed between two instrument versions, and which scores stay comparable.
///
/// Scores are comparable across versions only through a declared `equivalenceKey`; the diff says
/// so for every score, and flags a declared equivalence whose definition changed.
public struct InstrumentDiff: Sendable, Equatable {
    /// A change to one named element.
    public struct Change: Sendable, Equatable {
        public var id: String
        public var details: [String]
    }

    /// How a score of the old version relates to the new one.
    public enum Comparability: Sendable, Equatable {
        /// Same equivalence key and the same definition.
        case comparable(old: String, new: String)
        /// Same equivalence key, but the definition changed (comparable by declaration).
        case comparableByDeclaration(old: String, new: String, changes: [String])
        /// No score with the same equivalence key in the other version.
        case notComparable(old: String)
    }

    public var old: InstrumentReference
    public var new: InstrumentReference
    public var addedItems: [String]
    public var removedItems: [String]
    public var changedItems: [Change]
    public var addedScores: [String]
    public var removedScores: [String]
    public var changedScores: [Change]
    public var comparability: [Comparability]

    /// Compares `old` with `new`.
    public init(old a: Instrument, new b: Instrument) {
        old = a.reference
        new = b.reference
        let itemsA = Dictionary(a.items.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let itemsB = Dictionary(b.items.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let scalesA = Dictionary(a.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        let scalesB = Dictionary(b.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { x, _ in x })
        addedItems = b.items.map(\.id).filter { itemsA[$0] == nil }
        removedItems = a.items.map(\.id).filter { itemsB[$0] == nil }
        changedItems = a.items.compactMap { item in
            guard let other = itemsB[item.id] else { return nil }
            var details: [String] = []
            if item.variable != other.variable { details.append("variable \(item.variable) → \(other.variable)") }
            if item.label != other.label { details.append("label changed") }
            if item.wording != other.wording { details.append("wording changed") }
            let codesA = scalesA[item.answerScale].map { $0.validCodes }, codesB = scalesB[other.answerScale].map { $0.validCodes }
            if codesA != codesB {
                details.append("answer codes \(codesA.map { "\($0)" } ?? "?") → \(codesB.map { "\($0)" } ?? "?")")
            }
            return details.isEmpty ? nil : Change(id: item.id, details: details)
        }
        let definitionsA = Self.definitions(a), definitionsB = Self.definitions(b)
        addedScores = definitionsB.map(\.id).filter { id in !definitionsA.contains { $0.id == id } }
        removedScores = definitionsA.map(\.id).filter { id in !definitionsB.contains { $0.id == id } }
        changedScores = definitionsA.compactMap { score in
            guard let other = definitionsB.first(where: { $0.id == score.id }) else { return nil }
            let details = score.differences(to: other)
            return details.isEmpty ? nil : Change(id: score.id, details: details)
        }
        comparability = definitionsA.map { score in
            guard let key = score.equivalenceKey, let other = definitionsB.first(where: { $0.equivalenceKey == key }) else {
                return .notComparable(old: score.variable)
            }
            let changes = score.differences(to: other)
            return changes.isEmpty ? .comparable(old: score.variable, new: other.variable)
                : .comparableByDeclaration(old: score.variable, new: other.variable, changes: changes)
        }
    }

    /// A score's definition reduced to what decides its value.
    struct Definition {
        var id: String
        var variable: String
        var equivalenceKey: String?
        var rule: [String: String]

        func differences(to other: Definition) -> [String] {
            Set(rule.keys).union(other.rule.keys).sorted().compactMap { key in
                rule[key] == other.rule[key] ? nil : "\(key): \(rule[key] ?? "—") → \(other.rule[key] ?? "—")"
            }
        }
    }

    static func definitions(_ instrument: Instrument) -> [Definition] {
        let scales = instrument.scales.map { scale in
            Definition(id: scale.id, variable: scale.variable, equivalenceKey: scale.equivalenceKey, rule: [
                "method": scale.method.rawValue, "items": scale.items.joined(separator: ","),
                "reversed": (scale.reversed ?? []).joined(separator: ","),
                "recode": (scale.recode ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)→\($0.value)" }.joined(separator: ","),
                "minimum answered": String(scale.missing.requiredAnswers(itemCount: scale.items.count)),
                "prorate": String(scale.missing.prorate ?? false),
                "unanswered counts as": scale.missing.unansweredCountsAs.map(String.init) ?? "—",
                "rounding": (scale.rounding ?? Rounding.none).rawValue,
                "conditions": (scale.conditions ?? []).map(\.name).joined(separator: "; "),
            ])
        }
        let derived = (instrument.derivedScores ?? []).map { score in
            Definition(id: score.id, variable: score.variable, equivalenceKey: score.equivalenceKey,
                       rule: ["method": score.method.rawValue, "of": score.of.joined(separator: "+")])
        }
        return scales + derived
    }
}

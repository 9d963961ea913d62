import KortlaegDomain

/// `tool diff` of two instrument versions: items and scores added, removed and changed, and for
/// every score whether it stays comparable.
public struct InstrumentDiffText: Sendable {
    /// The comparison.
    public var diff: InstrumentDiff
    /// The language of the headings (the details of a change are the domain's, in English).
    public var language: Language

    /// A text in `language`.
    public init(diff: InstrumentDiff, language: Language) {
        self.diff = diff
        self.language = language
    }

    /// The lines: `old → new`, then one indented line per difference.
    public var lines: [String] {
        let say = language
        var lines: [String] = []
        func list(_ phrase: (String) -> Phrase, _ values: [String]) {
            if !values.isEmpty { lines.append("  " + phrase(values.joined(separator: ", "))(say)) }
        }
        list(Phrasebook.addedItems, diff.addedItems)
        list(Phrasebook.removedItems, diff.removedItems)
        for change in diff.changedItems {
            lines.append("  " + Phrasebook.changedItem(change.id, change.details.joined(separator: "; "))(say))
        }
        list(Phrasebook.addedScores, diff.addedScores)
        list(Phrasebook.removedScores, diff.removedScores)
        for change in diff.changedScores {
            lines.append("  " + Phrasebook.changedScore(change.id, change.details.joined(separator: "; "))(say))
        }
        for entry in diff.comparability {
            switch entry {
            case let .comparable(old, new):
                lines.append("  " + Phrasebook.comparable(old, new)(say))
            case let .comparableByDeclaration(old, new, changes):
                lines.append("  " + Phrasebook.comparableByDeclaration(old, new, changes: changes.joined(separator: "; "))(say))
            case let .notComparable(old):
                lines.append("  " + Phrasebook.notComparable(old)(say))
            }
        }
        if lines.isEmpty { lines.append("  " + Phrasebook.noDifferences(say)) }
        return ["\(diff.old) → \(diff.new)"] + lines
    }

    /// The lines as text (no trailing newline).
    public var text: String { lines.joined(separator: "\n") }
}

import KortlaegDomain

/// `tool diff` of two battery versions: assignments removed and added, changed occasions, then
/// an instrument diff for every instrument replaced.
public struct BatteryDiffText: Sendable {
    /// The comparison.
    public var diff: BatteryDiff
    /// The language of the headings.
    public var language: Language

    /// A text in `language`.
    public init(diff: BatteryDiff, language: Language) {
        self.diff = diff
        self.language = language
    }

    /// The text (no trailing newline).
    public var text: String {
        let say = language
        func describe(_ a: Battery.Assignment) -> String {
            Phrasebook.assignment(a.informant.rawValue, a.instrument, at: a.occasions.joined(separator: ","),
                                  ages: a.ages.map { "\($0.minimum)-\($0.maximum)" })(say)
        }
        var lines = ["\(diff.old) → \(diff.new)"]
        lines += diff.removedAssignments.map { Phrasebook.removedAssignment(describe($0))(say) }
        lines += diff.addedAssignments.map { Phrasebook.addedAssignment(describe($0))(say) }
        if diff.occasionsChanged {
            lines.append(Phrasebook.occasionsChanged(diff.oldOccasions.joined(separator: ", "),
                                                     diff.newOccasions.joined(separator: ", "))(say))
        }
        for instrumentDiff in diff.instrumentDiffs {
            lines += InstrumentDiffText(diff: instrumentDiff, language: say).lines
        }
        if lines.count == 1 { lines.append(Phrasebook.noDifferences(say)) }
        return lines.joined(separator: "\n")
    }
}

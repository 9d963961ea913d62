import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics

/// Writes a ``CourseReport`` as a readable table (Danish by default): the children seen at each
/// occasion, then per group and score the mean with its 95 % CI at every occasion and, at each
/// follow-up, the change from the first occasion and the shares with reliable change; a legend
/// and the notes last.
public struct CourseTextRenderer: Sendable {
    public var report: CourseReport
    public var language: Language

    public init(report: CourseReport, language: Language = .danish) {
        self.report = report
        self.language = language
    }

    private typealias Text = Phrasebook.Course
    private var analysis: CourseAnalysis { report.analysis }

    /// The table, ending with a newline.
    public var text: String {
        let occasions = analysis.occasions
        guard let first = occasions.first else { return "" }
        var lines = [Text.title(occasions)(language)]
        var seen: [String] = []
        for (index, code) in occasions.enumerated() {
            let n = analysis.groups.reduce(0) { $0 + $1.children[index] }
            seen.append(index == 0 ? Text.seen(code, n)(language)
                        : Text.seenPaired(code, n, paired: analysis.followUps[index - 1].pairing.pairs.count, first: first)(language))
        }
        lines.append(seen.joined(separator: ". ") + ".")
        for (code, ids) in zip(occasions, analysis.duplicates) where !ids.isEmpty {
            lines.append("  " + Text.duplicates(code, ids.count)(language))
        }
        for group in analysis.groups {
            lines.append("")
            lines.append(Phrasebook.Progress.group(groupName(group.name))(language))
            for (code, count) in zip(occasions, group.duplicates) where count > 0 {
                lines.append("  " + Text.duplicates(code, count)(language))
            }
            for (scoreIndex, score) in analysis.scores.enumerated() {
                lines += self.score(score, index: scoreIndex, group: group)
            }
        }
        lines.append("")
        lines.append(Text.legend(first: first, threshold: analysis.suppressionThreshold)(language))
        for (code, count) in zip(occasions, report.rejectedRows) where count > 0 {
            lines.append(Phrasebook.Progress.notePrefix(language) + Text.rejected(code, count)(language))
        }
        lines += report.notes.map { Phrasebook.Progress.notePrefix(language) + $0.text(language) }
        return lines.joined(separator: "\n") + "\n"
    }

    private func score(_ score: ProgressScore, index: Int, group: CourseAnalysis.Group) -> [String] {
        let definition = score.definition
        let way: Phrase? = switch definition.direction {
        case .lowerIsBetter: Phrasebook.Progress.lowerIsBetter
        case .higherIsBetter: Phrasebook.Progress.higherIsBetter
        case .neutral: nil
        }
        var lines = ["  \(definition.label.text(language)) (\(definition.variable)\(way.map { "; " + $0(language) } ?? ""))"]
        let first = analysis.occasions[0]
        let cells = group.means[definition.id] ?? []
        if cells.allSatisfy({ $0.n == 0 && !$0.suppressed }) { return lines + ["    " + Text.noValues(language)] }
        for (occasionIndex, cell) in cells.enumerated() {
            if cell.suppressed {
                lines.append("    " + Text.suppressed(cell.occasion, group.children[occasionIndex], threshold: analysis.suppressionThreshold)(language))
                continue
            }
            var line: String
            if let ci = cell.interval?.value {
                line = Text.mean(cell.occasion, mean: number(cell.mean), lower: number(ci.lower), upper: number(ci.upper), n: cell.n)(language)
            } else {
                line = Text.meanWithout(cell.occasion, mean: number(cell.mean), n: cell.n, reason: gapText(cell.gaps.first?.gap))(language)
            }
            if occasionIndex > 0, let summary = followUpSummary(occasionIndex, group: group.name, score: index) {
                line += "; " + change(score, summary, first: first)
            }
            lines.append("    " + line)
        }
        let withRCI = (1..<max(1, analysis.occasions.count)).compactMap { followUpSummary($0, group: group.name, score: index) }
            .contains { $0.rciN > 0 }
        if !withRCI, let reason = Text.rciReason(score) {
            lines.append("    " + Phrasebook.Progress.rciNotComputed(reason(language))(language))
        } else if withRCI,
                  let constants = Phrasebook.RCIConstants.line(score, baselineSD: analysis.followUps.first?.baselineSD[score.definition.id]) {
            lines.append("    " + constants(language))
        }
        return lines
    }

    /// The change from the first occasion at one follow-up, with the reliable change shares.
    private func change(_ score: ProgressScore, _ summary: GroupSummary, first: String) -> String {
        guard let ci = summary.meanChange?.value else {
            return Text.changeWithout(first: first, n: summary.n, reason: gapText(summary.gaps.first?.gap))(language)
        }
        var text = Text.change(first: first, change: number(summary.meanChangeValue), lower: number(ci.lower), upper: number(ci.upper),
                               n: summary.n, direction: direction(score, summary))(language)
        if summary.rciN > 0 {
            text += "; " + Text.reliable(improved: percent(summary.shareReliablyImproved),
                                         deteriorated: percent(summary.shareReliablyDeteriorated), n: summary.rciN)(language)
        }
        return text
    }

    /// The group's summary of one score in the follow-up analysis to occasion `index`.
    private func followUpSummary(_ index: Int, group: String, score: Int) -> GroupSummary? {
        analysis.followUps[index - 1].groups.first { $0.name == group }.map { $0.summaries[score] }
    }

    private func direction(_ score: ProgressScore, _ summary: GroupSummary) -> String {
        Self.direction(score, summary, language)
    }

    /// "bedre ↓" only when the 95 % interval of the mean change excludes 0, else "ingen sikker
    /// ændring" (also the web page's wording, ``CourseHTMLRenderer``).
    static func direction(_ score: ProgressScore, _ summary: GroupSummary, _ language: Language) -> String {
        guard let change = summary.meanChangeValue, change != 0, score.definition.direction != .neutral else {
            return Phrasebook.Progress.unchanged(language) + " ="
        }
        guard let ci = summary.meanChange?.value, ci.lower > 0 || ci.upper < 0 else { return Phrasebook.Progress.noCertainChange(language) }
        return (score.isImprovement(change) ? Phrasebook.Progress.better : Phrasebook.Progress.worse)(language) + (change < 0 ? " ↓" : " ↑")
    }

    private func groupName(_ name: String) -> String {
        guard let groupBy = report.groupBy else { return name == "all" ? Phrasebook.Progress.allChildren(language) : name }
        return name == "(no \(groupBy))" ? Phrasebook.Progress.noGroupValue(groupBy)(language) : name
    }

    private func gapText(_ gap: StatisticGap?) -> String {
        gap.map { Phrasebook.Progress.notComputed(Phrasebook.StatisticGaps.text($0)(language))(language) } ?? "–"
    }

    private func number(_ value: Double?) -> String {
        value.map(NumberFormat.fixed(2, language).string) ?? "–"
    }

    private func percent(_ share: Double?) -> String {
        share.map { NumberFormat.fixed(0, language).string($0 * 100) + " %" } ?? "–"
    }
}

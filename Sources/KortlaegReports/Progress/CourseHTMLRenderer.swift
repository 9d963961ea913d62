import KortlaegDomain
import KortlaegExport
import KortlaegProgress
import KortlaegStatistics

/// Writes a ``CourseReport`` as an HTML fragment for the web application's progress page
/// (Danish by default): the children seen at each occasion, then per group one table per score
/// with a row per occasion — the mean with its 95 % confidence interval, and at each follow-up
/// the change from the first occasion with its interval, what that means, and the shares with a
/// reliable improvement or deterioration. Groups under the suppression threshold at an occasion
/// show the number of children only. A legend and the notes close the fragment.
///
/// The numbers are those of ``CourseTextRenderer`` (`kortlaeg progress` over the course): both
/// read the same ``CourseAnalysis``; nothing is computed here. Every text is escaped.
public struct CourseHTMLRenderer: Sendable {
    public var report: CourseReport
    public var language: Language

    /// A renderer for `report` in `language`.
    public init(report: CourseReport, language: Language = .danish) {
        self.report = report
        self.language = language
    }

    private typealias Text = Phrasebook.CourseHTML
    private var analysis: CourseAnalysis { report.analysis }

    /// The fragment (no page frame, no script, no inline style).
    public var html: String {
        let occasions = analysis.occasions
        guard let first = occasions.first else { return "" }
        var h = "<section class=\"course\">"
        var seen: [String] = []
        for (index, code) in occasions.enumerated() {
            let n = analysis.groups.reduce(0) { $0 + $1.children[index] }
            seen.append(index == 0 ? Phrasebook.Course.seen(code, n)(language)
                        : Phrasebook.Course.seenPaired(code, n, paired: analysis.followUps[index - 1].pairing.pairs.count, first: first)(language))
        }
        h += "<p class=\"seen\">\(e(Text.occasionsShown(occasions)(language))) \(e(seen.joined(separator: ". ") + "."))</p>"
        for (code, ids) in zip(occasions, analysis.duplicates) where !ids.isEmpty {
            h += "<p class=\"note\">\(e(Phrasebook.Course.duplicates(code, ids.count)(language)))</p>"
        }
        for group in analysis.groups {
            h += "<h2>\(e(groupTitle(group.name)))</h2>"
            for (scoreIndex, score) in analysis.scores.enumerated() {
                h += table(score, index: scoreIndex, group: group)
            }
        }
        h += "<h2>\(e(Text.readingTitle(language)))</h2><p class=\"legend\">\(e(Text.legend(first: first, threshold: analysis.suppressionThreshold)(language)))</p>"
        var notes: [String] = []
        for (code, count) in zip(occasions, report.rejectedRows) where count > 0 { notes.append(Phrasebook.Course.rejected(code, count)(language)) }
        notes += report.notes.map { $0.text(language) }
        if !notes.isEmpty {
            h += "<ul class=\"notes\">" + notes.map { "<li>\(e(Phrasebook.Progress.notePrefix(language) + $0))</li>" }.joined() + "</ul>"
        }
        return h + "</section>"
    }

    // MARK: - One score of one group

    private func table(_ score: ProgressScore, index: Int, group: CourseAnalysis.Group) -> String {
        let definition = score.definition
        let way: Phrase? = switch definition.direction {
        case .lowerIsBetter: Phrasebook.Progress.lowerIsBetter
        case .higherIsBetter: Phrasebook.Progress.higherIsBetter
        case .neutral: nil
        }
        let first = analysis.occasions[0]
        let caption = "\(definition.label.text(language)) (\(definition.variable)\(way.map { "; " + $0(language) } ?? ""))"
        var h = "<div class=\"scroll\"><table class=\"course\" data-score=\"\(e(definition.variable))\"><caption>\(e(caption))</caption><thead><tr>"
        h += [Text.occasion, Text.children, Text.mean, Text.change(first), Text.paired(first), Text.meaning, Text.improved, Text.deteriorated]
            .map { "<th scope=\"col\">\(e($0(language)))</th>" }.joined()
        h += "</tr></thead><tbody>"
        let cells = group.means[definition.id] ?? []
        if cells.allSatisfy({ $0.n == 0 && !$0.suppressed }) {
            return h + "<tr><td colspan=\"8\">\(e(Phrasebook.Course.noValues(language)))</td></tr></tbody></table></div>"
        }
        for (occasionIndex, cell) in cells.enumerated() {
            h += "<tr data-occasion=\"\(e(cell.occasion))\"><th scope=\"row\">\(e(cell.occasion))</th>"
            if cell.suppressed {
                h += "<td>\(group.children[occasionIndex])</td><td colspan=\"6\" class=\"suppressed\">\(e(Text.tooFew(analysis.suppressionThreshold)(language)))</td></tr>"
                continue
            }
            h += "<td>\(cell.n)</td><td class=\"mean\">\(e(mean(cell)))</td>"
            guard occasionIndex > 0 else {
                h += "<td colspan=\"5\" class=\"note\">\(e(Text.baseline(language)))</td></tr>"
                continue
            }
            h += change(score, summary(occasionIndex, group: group.name, score: index)) + "</tr>"
        }
        h += "</tbody></table></div>"
        let withRCI = (1..<max(1, analysis.occasions.count)).compactMap { summary($0, group: group.name, score: index) }.contains { $0.rciN > 0 }
        if !withRCI, let reason = Phrasebook.Course.rciReason(score) {
            h += "<p class=\"note\">\(e(Phrasebook.Progress.rciNotComputed(reason(language))(language)))</p>"
        }
        return h
    }

    /// "12,30 (10,10 til 14,50)", or the mean with why it has no interval.
    private func mean(_ cell: CourseAnalysis.OccasionMean) -> String {
        if let ci = cell.interval?.value { return Text.withInterval(number(cell.mean), number(ci.lower), number(ci.upper))(language) }
        return Text.withoutInterval(number(cell.mean), gapText(cell.gaps.first?.gap))(language)
    }

    /// The five change cells of a follow-up row.
    private func change(_ score: ProgressScore, _ summary: GroupSummary?) -> String {
        guard let summary else { return "<td colspan=\"5\">–</td>" }
        if summary.suppressed {
            return "<td>–</td><td>\(summary.n)</td><td colspan=\"3\" class=\"suppressed\">\(e(Text.tooFewPaired(analysis.suppressionThreshold)(language)))</td>"
        }
        var h: String
        if let ci = summary.meanChange?.value {
            h = "<td class=\"change\">\(e(Text.withInterval(number(summary.meanChangeValue), number(ci.lower), number(ci.upper))(language)))</td>"
        } else {
            h = "<td class=\"change\">\(e(Text.withoutInterval(number(summary.meanChangeValue), gapText(summary.gaps.first?.gap))(language)))</td>"
        }
        h += "<td>\(summary.n)</td><td class=\"meaning\">\(e(CourseTextRenderer.direction(score, summary, language)))</td>"
        if summary.rciN > 0 {
            h += "<td class=\"improved\">\(e(Text.share(percent(summary.shareReliablyImproved), of: summary.rciN)(language)))</td>"
            h += "<td class=\"deteriorated\">\(e(Text.share(percent(summary.shareReliablyDeteriorated), of: summary.rciN)(language)))</td>"
        } else {
            h += "<td colspan=\"2\" class=\"note\">\(e(Text.noRCI(language)))</td>"
        }
        return h
    }

    /// The group's summary of one score in the follow-up analysis to occasion `index`.
    private func summary(_ index: Int, group: String, score: Int) -> GroupSummary? {
        analysis.followUps[index - 1].groups.first { $0.name == group }.map { $0.summaries[score] }
    }

    private func groupTitle(_ name: String) -> String {
        guard let groupBy = report.groupBy else { return Text.allChildren(language) }
        let attribute = Text.attribute(groupBy)(language)
        if name == "(no \(groupBy))" { return Text.group(attribute, Text.noValue(language))(language) }
        return Text.group(attribute, name)(language)
    }

    private func gapText(_ gap: StatisticGap?) -> String {
        gap.map { Phrasebook.Progress.notComputed(Phrasebook.StatisticGaps.text($0)(language))(language) } ?? "–"
    }

    private func number(_ value: Double?) -> String { value.map(NumberFormat.fixed(2, language).string) ?? "–" }

    private func percent(_ share: Double?) -> String {
        share.map { NumberFormat.fixed(0, language).string($0 * 100) + " %" } ?? "–"
    }

    private func e(_ text: String) -> String { XMLText.escape(text) }
}

import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics

/// Writes a ``ProgressReport`` as a readable table for PPR staff (Danish by default): the pairing,
/// then per group and score the means, the change with its confidence interval, the tests, the
/// effect sizes, the cut-off shares and the reliable change, then a legend and the notes.
///
/// Children are listed by id only where the id cannot be a CPR number (``CPRNumber/masked(_:)``),
/// a project's pseudonyms by their short label, and not at all when ``ProgressReport/childIDs`` is hidden.
public struct ProgressTextRenderer: Sendable {
    /// The report to show.
    public var report: ProgressReport
    /// The language of the text.
    public var language: Language

    /// How many unpaired or duplicate ids the table lists before "and N more" (`--per-child` lists all).
    public static let listedIDs = 20

    /// A renderer.
    public init(report: ProgressReport, language: Language = .danish) {
        self.report = report
        self.language = language
    }

    private typealias Text = Phrasebook.Progress
    private var analysis: ProgressAnalysis { report.analysis }

    /// The table, ending with a newline.
    public var text: String {
        let (from, to) = (report.from, report.to)
        let pairing = analysis.pairing
        var lines = [Text.title(from: from, to: to)(language), Text.pairing(pairing, from: from, to: to)(language)]
        for (title, ids) in [(Text.only(from), pairing.onlyBefore), (Text.only(to), pairing.onlyAfter),
                             (Text.duplicates, pairing.duplicates)] where !ids.isEmpty && report.childIDs != .hidden {
            let pseudonyms = report.childIDs == .pseudonyms
            let shown = ids.prefix(Self.listedIDs).map { id -> String in pseudonyms ? PseudonymLabel.text(id) : CPRNumber.masked(id) }
                .joined(separator: ", ")
            let more = ids.count > Self.listedIDs ? Text.more(ids.count - Self.listedIDs)(language) : ""
            lines.append("  \(title(language)): \(shown)\(more)")
        }
        for group in analysis.groups {
            lines.append("")
            lines.append(Text.group(groupName(group.name))(language))
            if let duplicates = analysis.duplicatesByGroup[group.name], duplicates > 0 {
                lines.append("  " + Text.groupDuplicates(duplicates)(language))
            }
            for (score, summary) in zip(analysis.scores, group.summaries) {
                lines += self.score(score, summary)
            }
            if let avs = group.addedValue, let definition = analysis.addedValueDefinition {
                if avs.suppressed {
                    lines.append("  " + Text.addedValueSuppressed(avs.n)(language))
                } else {
                    let ci = avs.confidenceInterval?.value
                    var text = Text.addedValue(n: avs.n, mean: number(avs.mean), lower: number(ci?.lower), upper: number(ci?.upper),
                                               effectSize: number(avs.effectSize ?? avs.mean.map { $0 / definition.effectSizeDivisor }))(language)
                    if case .unavailable? = avs.confidenceInterval { text += " (" + reason(avs.confidenceInterval) + ")" }
                    // The caveat and both sources in the report's language (the instrument's note is English).
                    let caveat = language == .danish || definition.note == nil ? Phrasebook.Course.addedValueCaveat(language) : definition.note!
                    lines.append("  " + text + " " + caveat)
                }
            }
        }
        lines.append("")
        lines.append(Text.legend(from: from, to: to, threshold: analysis.suppressionThreshold)(language))
        lines += report.notes.map { Text.notePrefix(language) + $0.text(language) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One score's lines in one group.
    private func score(_ score: ProgressScore, _ summary: GroupSummary) -> [String] {
        let definition = score.definition
        let way: Phrase? = switch definition.direction {
        case .lowerIsBetter: Text.lowerIsBetter
        case .higherIsBetter: Text.higherIsBetter
        case .neutral: nil
        }
        var lines = ["  \(definition.label.text(language)) (\(definition.variable)\(way.map { "; " + $0(language) } ?? ""))"]
        guard !summary.suppressed else {
            return lines + ["    " + Text.suppressed(summary.n, threshold: analysis.suppressionThreshold)(language)]
        }
        guard summary.n > 0 else {
            return lines + ["    " + Phrasebook.StatisticGaps.noPairs(unpaired: summary.unpaired)(language)]
        }
        let ci = summary.meanChange?.value
        lines.append("    " + Text.means(n: summary.n, unpaired: summary.unpaired, before: number(summary.meanBefore),
                                         after: number(summary.meanAfter), change: number(summary.meanChangeValue),
                                         lower: number(ci?.lower), upper: number(ci?.upper),
                                         direction: direction(score, summary))(language))
        let t = summary.tTest?.value, w = summary.wilcoxon?.value
        let tText = t.map { "t(\($0.degreesOfFreedom)) = \(number($0.t)), \(pValue($0.pValue))" } ?? reason(summary.tTest)
        let wText = w.map { "\(pValue($0.pValue)) (\(Text.method($0.method)(language)))" } ?? reason(summary.wilcoxon)
        lines.append("    " + Text.tests(t: tText, wilcoxon: wText)(language))
        let effectGaps = [summary.dz?.gap, summary.dav?.gap, summary.gz?.gap, summary.gav?.gap]
        if let gap = effectGaps[0], effectGaps.allSatisfy({ $0 == gap }) {
            lines.append("    " + Phrasebook.StatisticGaps.noEffectSizes(reason(summary.dz))(language))
        } else {
            lines.append("    " + Text.effectSizes(dz: effect(summary.dz), dav: effect(summary.dav),
                                                   gz: effect(summary.gz), gav: effect(summary.gav))(language))
        }
        if summary.shareAboveCutoffBefore != nil {
            let m = summary.mcNemar?.value
            let mText = m.map { "\(pValue($0.pValue)) (\(Text.method($0.method)(language)))" } ?? reason(summary.mcNemar)
            lines.append("    " + Text.aboveCutoff(before: percent(summary.shareAboveCutoffBefore),
                                                   after: percent(summary.shareAboveCutoffAfter), mcNemar: mText)(language))
        }
        if summary.rciN > 0 {
            lines.append("    " + Text.reliableChange(improved: percent(summary.shareReliablyImproved),
                                                      deteriorated: percent(summary.shareReliablyDeteriorated),
                                                      n: summary.rciN)(language))
            // Every output that shows an RCI names its constants and their sources.
            if let constants = Phrasebook.RCIConstants.line(score, baselineSD: analysis.baselineSD[score.definition.id]) {
                lines.append("    " + constants(language))
            }
        } else if let reason = rciReason(score) {
            lines.append("    " + Text.rciNotComputed(reason)(language))
        }
        return lines
    }

    // MARK: - Wording

    /// The group's name; the analysis's own names for "everybody" and "no value" are worded.
    private func groupName(_ name: String) -> String {
        guard let groupBy = report.groupBy else { return name == "all" ? Text.allChildren(language) : name }
        return name == "(no \(groupBy))" ? Text.noGroupValue(groupBy)(language) : name
    }

    /// Why no child has a reliable change index for `score`, from the score's settings where they
    /// explain it, otherwise the first child's reason.
    private func rciReason(_ score: ProgressScore) -> String? {
        guard let gap = analysis.changes[score.definition.id]?.first?.rciGap else { return nil }
        let fallback = Phrasebook.ChildNotes.rci(gap)(language)
        let variable = score.definition.variable
        if score.reliability == nil { return Text.noReliability(variable)(language) }
        switch score.standardDeviation {
        case .unavailable: return Text.noStandardDeviation(variable)(language)
        case .bySex: return Text.sexUnknown(language)
        case .baseline where analysis.baselineSD[score.definition.id] == nil: return Text.noBaselineSD(language)
        default: return fallback
        }
    }

    /// "bedre ↓" / "værre ↑" only when the 95 % interval of the mean change excludes 0 (the paired
    /// t-test at the stated level); otherwise "ingen sikker ændring".
    private func direction(_ score: ProgressScore, _ summary: GroupSummary) -> String {
        guard let change = summary.meanChangeValue, change != 0, score.definition.direction != .neutral else {
            return Text.unchanged(language) + " ="
        }
        guard let ci = summary.meanChange?.value, ci.lower > 0 || ci.upper < 0 else { return Text.noCertainChange(language) }
        let better = score.isImprovement(change)
        return (better ? Text.better : Text.worse)(language) + (change < 0 ? " ↓" : " ↑")
    }

    private func reason<T>(_ value: GroupSummary.Value<T>?) -> String {
        if case let .unavailable(gap)? = value { return Text.notComputed(Phrasebook.StatisticGaps.text(gap)(language))(language) }
        return "–"
    }

    /// An effect size, or "–" with why it is not computed.
    private func effect(_ value: GroupSummary.Value<EffectSize>?) -> String {
        if let size = value?.value { return number(size.value) }
        if case .unavailable? = value { return "– (" + reason(value) + ")" }
        return "–"
    }

    private func number(_ value: Double?, decimals: Int = 2) -> String {
        value.map(NumberFormat.fixed(decimals, language).string) ?? "–"
    }

    /// "p = 0,015" or "p < 0,001".
    private func pValue(_ p: Double?) -> String {
        guard let p else { return "p = –" }
        if p < 0.001 { return Text.pBelowThousandth(language) }
        return "p = " + number(p, decimals: 3)
    }

    private func percent(_ share: Double?) -> String {
        share.map { number($0 * 100, decimals: 0) + " %" } ?? "–"
    }
}

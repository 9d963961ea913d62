import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics

/// Writes a ``CourseReport`` as CSV: one row per group, score and occasion (the mean with its
/// 95 % CI and, at a follow-up, the change from the first occasion), and the long per-child file
/// (one row per child, score and occasion, with the change and reliable change from the first
/// occasion).
///
/// Numbers unrounded with a decimal point, column names and codes in English; `reasons`,
/// `change_class_text` and `note_text` in the report's language beside the stable `reason_codes`,
/// `change_class` and `note` (``ChildNote/code``; the vocabulary of the two-occasion per-child file).
public struct CourseCSVRenderer: Sendable {
    public var report: CourseReport
    /// The language of `reasons` and `note_text`.
    public var language: Language

    public init(report: CourseReport, language: Language = .danish) {
        self.report = report
        self.language = language
    }

    /// The columns of the group table.
    public static let groupColumns = [
        "group", "score", "variable", "occasion", "children", "n", "suppressed", "mean", "sd", "ci_lower", "ci_upper",
        "n_paired", "mean_change", "sd_change", "change_ci_lower", "change_ci_upper", "t", "df", "p_t", "d_z", "g_z",
        "n_rci", "share_reliably_improved", "share_reliably_deteriorated", "reasons", "reason_codes",
        "band_table", "cutoff_level", "rci_reliability", "rci_reliability_source", "suppression_threshold", "confidence_level",
        "duplicates", "rci_sd_source",
    ]

    /// The group columns that hold text (JSON writes every other as a number).
    static let textGroupColumns: Set<String> = ["group", "score", "variable", "occasion", "suppressed", "reasons", "reason_codes",
                                                 "band_table", "rci_reliability_source", "rci_sd_source"]

    /// The columns of the long per-child file.
    public static let longColumns = [
        "child_id", "class", "sex", "score", "variable", "occasion", "occasion_index", "value", "band", "change_from_first",
        "rci", "rci_sd", "rci_reliability", "reliable_change", "change_class", "change_class_text", "note", "note_text",
    ]

    private var analysis: CourseAnalysis { report.analysis }

    /// One row per group, score and occasion; the header first.
    public var groupRows: [[String]] {
        var rows = [Self.groupColumns]
        for group in analysis.groups {
            for (scoreIndex, score) in analysis.scores.enumerated() {
                for (index, cell) in (group.means[score.definition.id] ?? []).enumerated() {
                    let ci = cell.interval?.value
                    var row = [group.name, score.definition.id, score.definition.variable, cell.occasion, String(group.children[index]),
                               String(cell.n), cell.suppressed ? "yes" : "no", text(cell.mean), text(cell.standardDeviation),
                               text(ci?.lower), text(ci?.upper)]
                    var gaps = cell.gaps
                    if index > 0, !cell.suppressed,
                       let summary = analysis.followUps[index - 1].groups.first(where: { $0.name == group.name })?.summaries[scoreIndex] {
                        let change = summary.meanChange?.value, t = summary.tTest?.value
                        row += [String(summary.n), text(summary.meanChangeValue), text(summary.sdChange), text(change?.lower), text(change?.upper),
                                text(t?.t), t.map { String($0.degreesOfFreedom) } ?? "", text(t?.pValue), text(summary.dz?.value?.value),
                                text(summary.gz?.value?.value), String(summary.rciN), text(summary.shareReliablyImproved),
                                text(summary.shareReliablyDeteriorated)]
                        gaps += summary.gaps.filter { ["all", "sd_change", "mean_change", "t", "d_z", "g_z"].contains($0.statistic) }
                            .map { ("change_" + $0.statistic, $0.gap) }
                    } else {
                        row += Array(repeating: "", count: 13)
                    }
                    row += [Phrasebook.StatisticGaps.list(gaps, language), Phrasebook.StatisticGaps.codes(gaps)]
                    row += [score.bandTable ?? "", String(score.cutoffLevel), text(score.reliability), score.reliabilitySource,
                            String(analysis.suppressionThreshold), "0.95", String(group.duplicates[index]),
                            ProgressCSVRenderer.sdSource(score, baselineSD: analysis.followUps.first?.baselineSD[score.definition.id])]
                    rows.append(row)
                }
            }
        }
        return rows
    }

    /// The group table as CSV.
    public var groups: CSVTable { CSVTable(rows: groupRows) }

    /// The long per-child file: every child seen, every score, every occasion it was seen at.
    /// Ids that look like CPR numbers are masked.
    public var long: CSVTable {
        var rows = [Self.longColumns]
        let first = analysis.occasions.first ?? "T1"
        let scores = Dictionary(analysis.scores.map { ($0.definition.id, $0) }, uniquingKeysWith: { a, _ in a })
        let index = Dictionary(analysis.occasions.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        for point in analysis.trajectories {
            guard let score = scores[point.scoreID] else { continue }
            let attributes = analysis.childAttributes[point.childID] ?? [:]
            let className = ["class", "klasse"].lazy.compactMap { attributes[$0] }.first ?? ""
            let change = point.change
            var note: ChildNote?
            if point.value == nil {
                note = .scoreMissing(occasions: [])
            } else if point.occasion != first, change == nil {
                note = .noBaselineScore(baseline: first)
            } else if let gap = change?.rciGap {
                note = .noRCI(gap)
            }
            rows.append([CPRNumber.masked(point.childID), className, attributes["sex"] ?? "", point.scoreID, score.definition.variable,
                         point.occasion, String(index[point.occasion] ?? 0), text(point.value),
                         point.value.flatMap { score.band(of: $0)?.label } ?? "", text(change?.change), text(change?.rci),
                         text(change?.rciStandardDeviation), text(change?.rciReliability),
                         change?.reliable.map { $0 ? "yes" : "no" } ?? "", change?.changeClass?.rawValue ?? "",
                         change?.changeClass.map { Phrasebook.ChildNotes.changeClass($0)(language) } ?? "", note?.code ?? "",
                         note.map { Phrasebook.ChildNotes.note($0)(language) } ?? ""])
        }
        return CSVTable(rows: rows)
    }

    /// A number in its shortest round-trip form; empty when missing or not finite; never "-0.0".
    private func text(_ value: Double?) -> String {
        value.map { $0.isFinite ? String($0 == 0 ? 0 : $0) : "" } ?? ""
    }
}

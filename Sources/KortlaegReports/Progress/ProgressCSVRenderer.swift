import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics

/// Writes a ``ProgressReport`` as CSV for further analysis: one row per group and score (and the
/// group's Added Value Score; `duplicates` counts the group's children whose id occurs twice at
/// one occasion), or one row per child and score with the unpaired children.
///
/// Numbers are written unrounded with a decimal point (`-1.6666666666666667`), column names and
/// codes (`yes`, `only T1`, `reason_codes`) in English, so that scripts read every language's
/// output alike; the `reasons` column words the same reasons in the report's language.
public struct ProgressCSVRenderer: Sendable {
    /// The report to write.
    public var report: ProgressReport
    /// The language of the `reasons` texts (the codes stay English).
    public var language: Language

    /// A renderer.
    public init(report: ProgressReport, language: Language = .danish) {
        self.report = report
        self.language = language
    }

    /// The columns of the group table.
    public static let groupColumns = [
        "group", "score", "variable", "n", "unpaired", "suppressed", "mean_t1", "mean_t2", "sd_t1", "sd_t2", "mean_change",
        "ci_lower", "ci_upper", "t", "df", "p_t", "wilcoxon_statistic", "p_wilcoxon", "wilcoxon_method", "d_z", "d_av", "g_z",
        "g_av", "share_above_cutoff_t1", "share_above_cutoff_t2", "p_mcnemar", "mcnemar_method", "n_rci",
        "share_reliably_improved", "share_reliably_deteriorated", "sd_change", "wilcoxon_w_plus", "wilcoxon_w_minus",
        "wilcoxon_z", "wilcoxon_n_nonzero", "mcnemar_b", "mcnemar_c", "reasons",
        "band_table", "cutoff_level", "rci_reliability", "rci_reliability_source", "rci_sd_source", "suppression_threshold",
        "reason_codes", "wilcoxon_zeros_dropped", "wilcoxon_zero_method", "sd_avs", "effect_size_avs", "effect_size_avs_divisor",
        "duplicates",
    ]

    /// The group columns that hold text; every other column holds a number (JSON writes it as one).
    static let textGroupColumns: Set<String> = ["group", "score", "variable", "suppressed", "wilcoxon_method", "mcnemar_method", "reasons",
                                                 "band_table", "rci_reliability_source", "rci_sd_source", "reason_codes",
                                                 "wilcoxon_zero_method"]

    /// The columns of the per-child table.
    public static let childColumns = [
        "child_id", "score", "variable", "t1", "t2", "change", "improved", "rci", "rci_sd", "rci_reliability",
        "reliable_change", "change_class", "band_t1", "band_t2", "band_transition", "note", "class", "sex",
        "change_class_text", "note_text",
    ]

    /// The attribute names a child's class is read from (project: `class`; score files: the kept column).
    static let classAttributes = ["class", "klasse"]

    /// The `class` and `sex` columns of a child (sex as given; `sex` is filled from koen/køn/gender by the use case).
    private func covariates(_ child: String) -> [String] {
        let attributes = analysis.childAttributes[child] ?? [:]
        return [Self.classAttributes.lazy.compactMap { attributes[$0] }.first ?? "", attributes["sex"] ?? ""]
    }

    private var analysis: ProgressAnalysis { report.analysis }

    /// One row per group and score, the header first.
    public var groupRows: [[String]] {
        var rows: [[String]] = []
        forEachGroupRow { rows.append($0) }
        return rows
    }

    /// Hands ``groupRows`` to `body` one at a time, the header first, without holding the table
    /// (the command line streams them into its output file).
    public func forEachGroupRow<E: Error>(_ body: ([String]) throws(E) -> Void) throws(E) {
        try body(Self.groupColumns)
        for group in analysis.groups {
            let duplicates = analysis.duplicatesByGroup[group.name] ?? 0
            for (score, s) in zip(analysis.scores, group.summaries) {
                let ci = s.meanChange?.value, t = s.tTest?.value, w = s.wilcoxon?.value, m = s.mcNemar?.value
                var row: [String] = [group.name, score.definition.id, score.definition.variable, String(s.n), String(s.unpaired),
                                     s.suppressed ? "yes" : "no", text(s.meanBefore), text(s.meanAfter), text(s.sdBefore), text(s.sdAfter)]
                row += [text(s.meanChangeValue), text(ci?.lower), text(ci?.upper), text(t?.t), t.map { String($0.degreesOfFreedom) } ?? ""]
                row += [text(t?.pValue), text(w?.statistic), text(w?.pValue), w.map { "\($0.method)" } ?? ""]
                row += [text(s.dz?.value?.value), text(s.dav?.value?.value), text(s.gz?.value?.value), text(s.gav?.value?.value)]
                row += [text(s.shareAboveCutoffBefore), text(s.shareAboveCutoffAfter), text(m?.pValue), m.map { "\($0.method)" } ?? ""]
                row += [String(s.rciN), text(s.shareReliablyImproved), text(s.shareReliablyDeteriorated)]
                row += [text(s.sdChange), text(w?.rankSumPositive), text(w?.rankSumNegative), text(w?.z), w.map { String($0.n) } ?? ""]
                row += [m.map { String($0.b) } ?? "", m.map { String($0.c) } ?? "", reasons(s)]
                row += settings(score)
                row += [Phrasebook.StatisticGaps.codes(s.gaps), w.map { String($0.zerosDropped) } ?? "",
                        w == nil ? "" : Self.wilcoxonZeroMethod, "", "", ""]
                row += [String(duplicates)]
                try body(row)
            }
            if let avs = group.addedValue {
                let ci = avs.confidenceInterval?.value
                var row = [String](repeating: "", count: Self.groupColumns.count)
                row[0] = group.name; row[1] = "avs"; row[2] = "added_value_score"; row[3] = String(avs.n)
                row[5] = avs.suppressed ? "yes" : "no"; row[10] = text(avs.mean); row[11] = text(ci?.lower); row[12] = text(ci?.upper)
                func set(_ column: String, _ value: String) { row[Self.groupColumns.firstIndex(of: column)!] = value }
                set("reasons", Phrasebook.StatisticGaps.list(avs.gaps, language))
                set("reason_codes", Phrasebook.StatisticGaps.codes(avs.gaps))
                set("suppression_threshold", String(analysis.suppressionThreshold))
                set("sd_avs", text(avs.standardDeviation))
                set("effect_size_avs", text(avs.effectSize))
                set("effect_size_avs_divisor", text(avs.effectSizeDivisor))
                set("duplicates", String(duplicates))
                try body(row)
            }
        }
    }

    /// The group table as CSV.
    public var groups: CSVTable { CSVTable(rows: groupRows) }

    /// One row per child and score, then the children missing a score, the Added Value Scores and
    /// the unpaired children; the header first. Ids that look like CPR numbers are masked.
    ///
    /// `change_class` and `note` hold stable codes (``ChangeClass``, ``ChildNote/code``), the last
    /// two columns `change_class_text` and `note_text` the same in the report's language
    /// (``Phrasebook/ChildNotes``, shared with the course's long file).
    public var children: CSVTable {
        var rows: [[String]] = []
        forEachChildRow { rows.append($0) }
        return CSVTable(rows: rows)
    }

    /// Hands the rows of ``children`` to `body` one at a time, the header first.
    public func forEachChildRow<E: Error>(_ body: ([String]) throws(E) -> Void) throws(E) {
        try body(Self.childColumns)
        let (from, to) = (report.from, report.to)
        let blank = { (count: Int) in [String](repeating: "", count: count) }
        /// The `note` cell, then the covariates and the two text columns.
        func tail(_ child: String, _ changeClass: ChangeClass?, _ note: ChildNote?) -> [String] {
            [note?.code ?? ""] + covariates(child)
                + [changeClass.map { Phrasebook.ChildNotes.changeClass($0)(language) } ?? "",
                   note.map { Phrasebook.ChildNotes.note($0)(language) } ?? ""]
        }
        for score in analysis.scores {
            let (id, variable) = (score.definition.id, score.definition.variable)
            for change in analysis.changes[id] ?? [] {
                try body([CPRNumber.masked(change.childID), id, variable, text(change.before), text(change.after),
                             text(change.change), change.improved ? "yes" : "no", text(change.rci), text(change.rciStandardDeviation),
                             text(change.rciReliability), change.reliable.map { $0 ? "yes" : "no" } ?? "",
                             change.changeClass?.rawValue ?? "", change.bandBefore?.label ?? "", change.bandAfter?.label ?? "",
                             change.transition ?? ""] + tail(change.childID, change.changeClass, change.rciGap.map(ChildNote.noRCI)))
            }
            for child in analysis.missingScore[id] ?? [] {
                try body([CPRNumber.masked(child), id, variable] + blank(12) + tail(child, nil, .scoreMissing(occasions: [from, to])))
            }
        }
        let addedValues = Dictionary(analysis.addedValues.map { ($0.childID, $0) }, uniquingKeysWith: { first, _ in first })
        for (child, value) in addedValues.sorted(by: { $0.key < $1.key }) {
            try body([CPRNumber.masked(child), "avs", "added_value_score", "", "", text(value.value)] + blank(9)
                        + tail(child, nil, .addedValueScore(effectSize: value.effectSize)))
        }
        let pairing = analysis.pairing
        func duplicate(_ child: String) -> ChildNote {
            .duplicate(occasions: (pairing.duplicatesBefore.contains(child) ? [from] : []) + (pairing.duplicatesAfter.contains(child) ? [to] : []))
        }
        let unpaired: [(note: (String) -> ChildNote, ids: [String])] = [
            ({ _ in .onlyEarlier(occasion: from) }, pairing.onlyBefore), ({ _ in .onlyLater(occasion: to) }, pairing.onlyAfter),
            (duplicate, pairing.duplicates),
        ]
        for (note, ids) in unpaired {
            for child in ids { try body([CPRNumber.masked(child), "", ""] + blank(12) + tail(child, nil, note(child))) }
        }
    }

    /// The settings a score was analysed with: band table, cut-off, the RCI's reliability and SD
    /// with their sources, the suppression threshold.
    private func settings(_ score: ProgressScore) -> [String] {
        [score.bandTable ?? "", String(score.cutoffLevel), text(score.reliability), score.reliabilitySource,
         Self.sdSource(score, baselineSD: analysis.baselineSD[score.definition.id]), String(analysis.suppressionThreshold)]
    }

    /// The `rci_sd_source` cell: the SD of the RCI and where it comes from (the group CSVs of two
    /// occasions and of the course).
    static func sdSource(_ score: ProgressScore, baselineSD: Double?) -> String {
        switch score.standardDeviation {
        case let .fixed(value, source): "\(value) (\(source))"
        case let .bySex(values, source): values.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + " (\(source))"
        case .baseline: baselineSD.map { "\($0) (SD of the T1 scores)" } ?? "SD of the T1 scores: not computable"
        case let .unavailable(reason): reason
        }
    }

    /// The zero-difference handling of the Wilcoxon test, named for the reader (as SciPy's `zero_method`).
    static let wilcoxonZeroMethod = "wilcox (zero differences dropped)"

    /// Why statistics are missing, in one field, in the report's language.
    private func reasons(_ summary: GroupSummary) -> String {
        Phrasebook.StatisticGaps.list(summary.gaps, language)
    }

    /// A number as Swift writes it (shortest round-trip form), empty when missing or not finite.
    private func text(_ value: Double?) -> String {
        value.map { $0.isFinite ? String($0 == 0 ? 0 : $0) : "" } ?? ""  // never "-0.0"
    }
}


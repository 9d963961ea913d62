import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics

/// Renders a progress analysis as a readable table (Danish or English), CSV or JSON.
struct ProgressReport {
    let analysis: ProgressAnalysis
    let language: Language
    let from: String
    let to: String
    let notes: [String]

    private var da: Bool { language == .danish }

    func number(_ value: Double?, decimals: Int = 2) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = String(format: "%.\(decimals)f", value)
        return da ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// "p = 0,015" or "p < 0,001".
    func pValue(_ p: Double?) -> String {
        guard let p else { return "p = –" }
        if p < 0.001 { return da ? "p < 0,001" : "p < 0.001" }
        return "p = " + number(p, decimals: 3)
    }

    func percent(_ share: Double?) -> String {
        guard let share else { return "–" }
        return number(share * 100, decimals: 0) + " %"
    }

    func direction(_ score: ProgressScore, _ change: Double?) -> String {
        guard let change, change != 0, score.definition.direction != .neutral else { return da ? "uændret =" : "unchanged =" }
        let better = score.isImprovement(change)
        let arrow = change < 0 ? "↓" : "↑"
        return (better ? (da ? "bedre " : "better ") : (da ? "værre " : "worse ")) + arrow
    }

    /// How many unpaired or duplicate ids the table lists before "and N more".
    static let listedIDs = 20

    var table: String {
        var lines: [String] = []
        let pairing = analysis.pairing
        lines.append(da ? "Fremskridt fra \(from) til \(to)" : "Progress from \(from) to \(to)")
        lines.append(da ? "Parret: \(pairing.pairs.count) børn. Kun \(from): \(pairing.onlyBefore.count). Kun \(to): \(pairing.onlyAfter.count). Dubletter (ikke parret): \(pairing.duplicates.count)."
                        : "Paired: \(pairing.pairs.count) children. Only \(from): \(pairing.onlyBefore.count). Only \(to): \(pairing.onlyAfter.count). Duplicates (not paired): \(pairing.duplicates.count).")
        for (title, ids) in [(da ? "Kun \(from)" : "Only \(from)", pairing.onlyBefore), (da ? "Kun \(to)" : "Only \(to)", pairing.onlyAfter),
                             (da ? "Dubletter" : "Duplicates", pairing.duplicates)] where !ids.isEmpty {
            // The table stays readable with hundreds of unpaired children; --per-child lists them all.
            let shown = ids.prefix(Self.listedIDs).map(CPRNumber.masked).joined(separator: ", ")
            let more = ids.count > Self.listedIDs
                ? (da ? " … og \(ids.count - Self.listedIDs) til (alle står i --per-child)" : " … and \(ids.count - Self.listedIDs) more (--per-child lists all)")
                : ""
            lines.append("  \(title): \(shown)\(more)")
        }
        for group in analysis.groups {
            lines.append("")
            lines.append((da ? "Gruppe: " : "Group: ") + group.name)
            for (score, summary) in zip(analysis.scores, group.summaries) {
                let label = score.definition.label.text(language)
                let way = score.definition.direction == .lowerIsBetter ? (da ? "lavere er bedre" : "lower is better")
                    : score.definition.direction == .higherIsBetter ? (da ? "højere er bedre" : "higher is better") : ""
                lines.append("  \(label) (\(score.definition.variable)\(way.isEmpty ? "" : "; \(way)"))")
                if summary.suppressed {
                    lines.append(da ? "    \(summary.n) børn med begge målinger: for få til at vise tal (under \(analysis.suppressionThreshold))."
                                    : "    \(summary.n) children with both scores: too few to show figures (under \(analysis.suppressionThreshold)).")
                    continue
                }
                let ci = summary.meanChange?.value
                lines.append(da
                    ? "    \(summary.n) børn (\(summary.unpaired) uden par). Gennemsnit \(number(summary.meanBefore)) → \(number(summary.meanAfter)); ændring \(number(summary.meanChangeValue)) (95 % konfidensinterval \(number(ci?.lower)) til \(number(ci?.upper))): \(direction(score, summary.meanChangeValue))"
                    : "    \(summary.n) children (\(summary.unpaired) unpaired). Mean \(number(summary.meanBefore)) → \(number(summary.meanAfter)); change \(number(summary.meanChangeValue)) (95 % confidence interval \(number(ci?.lower)) to \(number(ci?.upper))): \(direction(score, summary.meanChangeValue))")
                let t = summary.tTest?.value, w = summary.wilcoxon?.value
                let tText = t.map { "t(\($0.degreesOfFreedom)) = \(number($0.t)), \(pValue($0.pValue))" } ?? (summary.tTest.flatMap(reason) ?? "–")
                let wText = w.map { "\(pValue($0.pValue)) (\($0.method))" } ?? (summary.wilcoxon.flatMap(reason) ?? "–")
                lines.append(da ? "    Parret t-test: \(tText). Wilcoxon-test med fortegn og rang: \(wText)."
                                : "    Paired t-test: \(tText). Wilcoxon signed-rank test: \(wText).")
                lines.append(da
                    ? "    Effektstørrelse: d_z = \(number(summary.dz?.value?.value)), d_av = \(number(summary.dav?.value?.value)); Hedges' g_z = \(number(summary.gz?.value?.value)), g_av = \(number(summary.gav?.value?.value))."
                    : "    Effect size: d_z = \(number(summary.dz?.value?.value)), d_av = \(number(summary.dav?.value?.value)); Hedges' g_z = \(number(summary.gz?.value?.value)), g_av = \(number(summary.gav?.value?.value)).")
                if summary.shareAboveCutoffBefore != nil {
                    let m = summary.mcNemar?.value
                    let mText = m.map { "\(pValue($0.pValue)) (\($0.method))" } ?? (summary.mcNemar.flatMap(reason) ?? "–")
                    lines.append(da ? "    Over grænseværdien: \(percent(summary.shareAboveCutoffBefore)) → \(percent(summary.shareAboveCutoffAfter)); McNemar: \(mText)."
                                    : "    Above the cut-off: \(percent(summary.shareAboveCutoffBefore)) → \(percent(summary.shareAboveCutoffAfter)); McNemar: \(mText).")
                }
                if summary.rciN > 0 {
                    lines.append(da ? "    Pålidelig bedring: \(percent(summary.shareReliablyImproved)); pålidelig forværring: \(percent(summary.shareReliablyDeteriorated)) (af \(summary.rciN) med RCI)."
                                    : "    Reliable improvement: \(percent(summary.shareReliablyImproved)); reliable deterioration: \(percent(summary.shareReliablyDeteriorated)) (of \(summary.rciN) with an RCI).")
                } else if let reason = analysis.changes[score.definition.id]?.first?.rciUnavailable {
                    lines.append(da ? "    Pålidelig ændring (RCI) ikke beregnet: \(reason)." : "    Reliable change (RCI) not computed: \(reason).")
                }
            }
            if let avs = group.addedValue, let definition = analysis.addedValueDefinition {
                if avs.suppressed {
                    lines.append(da ? "  Added Value Score: \(avs.n) børn, for få til at vise tal." : "  Added Value Score: \(avs.n) children, too few to show figures.")
                } else {
                    let ci = avs.confidenceInterval?.value
                    lines.append(da
                        ? "  Added Value Score (\(avs.n) børn): gennemsnit \(number(avs.mean)) (95 % KI \(number(ci?.lower)) til \(number(ci?.upper))); effektstørrelse \(number(avs.mean.map { $0 / definition.effectSizeDivisor })). \(definition.note ?? "")"
                        : "  Added Value Score (\(avs.n) children): mean \(number(avs.mean)) (95 % CI \(number(ci?.lower)) to \(number(ci?.upper))); effect size \(number(avs.mean.map { $0 / definition.effectSizeDivisor })). \(definition.note ?? "")")
                }
            }
        }
        lines.append("")
        lines.append(da
            ? "Forklaring: ændring = \(to) − \(from). d_z = gennemsnitlig ændring / SD af ændringerne; d_av = gennemsnitlig ændring / gennemsnittet af SD ved \(from) og \(to); Hedges' g = d korrigeret for små grupper. RCI = pålidelig ændringsindeks (Jacobson & Truax 1991): |RCI| > 1,96 er en pålidelig ændring. Grupper under \(analysis.suppressionThreshold) børn vises kun med antal."
            : "Legend: change = \(to) − \(from). d_z = mean change / SD of changes; d_av = mean change / mean of the SDs at \(from) and \(to); Hedges' g = d corrected for small groups. RCI = reliable change index (Jacobson & Truax 1991): |RCI| > 1.96 is reliable change. Groups under \(analysis.suppressionThreshold) children show counts only.")
        lines += notes.map { (da ? "Note: " : "Note: ") + $0 }
        return lines.joined(separator: "\n")
    }

    private func reason<T>(_ value: GroupSummary.Value<T>) -> String? {
        if case let .unavailable(text) = value { return (da ? "ikke beregnet: " : "not computed: ") + text }
        return nil
    }

    static let csvHeader = [
        "group", "score", "variable", "n", "unpaired", "suppressed", "mean_t1", "mean_t2", "sd_t1", "sd_t2", "mean_change",
        "ci_lower", "ci_upper", "t", "df", "p_t", "wilcoxon_statistic", "p_wilcoxon", "wilcoxon_method", "d_z", "d_av", "g_z",
        "g_av", "share_above_cutoff_t1", "share_above_cutoff_t2", "p_mcnemar", "mcnemar_method", "n_rci",
        "share_reliably_improved", "share_reliably_deteriorated",
    ]

    var csvRows: [[String]] {
        func text(_ value: Double?) -> String { value.map { $0.isFinite ? String($0) : "" } ?? "" }
        var rows = [Self.csvHeader]
        for group in analysis.groups {
            for (score, s) in zip(analysis.scores, group.summaries) {
                let ci = s.meanChange?.value, t = s.tTest?.value, w = s.wilcoxon?.value, m = s.mcNemar?.value
                rows.append([group.name, score.definition.id, score.definition.variable, String(s.n), String(s.unpaired),
                             s.suppressed ? "yes" : "no", text(s.meanBefore), text(s.meanAfter), text(s.sdBefore), text(s.sdAfter),
                             text(s.meanChangeValue), text(ci?.lower), text(ci?.upper), text(t?.t), t.map { String($0.degreesOfFreedom) } ?? "",
                             text(t?.pValue), text(w?.statistic), text(w?.pValue), w.map { "\($0.method)" } ?? "",
                             text(s.dz?.value?.value), text(s.dav?.value?.value), text(s.gz?.value?.value), text(s.gav?.value?.value),
                             text(s.shareAboveCutoffBefore), text(s.shareAboveCutoffAfter), text(m?.pValue), m.map { "\($0.method)" } ?? "",
                             String(s.rciN), text(s.shareReliablyImproved), text(s.shareReliablyDeteriorated)])
            }
            if let avs = group.addedValue {
                let ci = avs.confidenceInterval?.value
                var row = [String](repeating: "", count: Self.csvHeader.count)
                row[0] = group.name; row[1] = "avs"; row[2] = "added_value_score"; row[3] = String(avs.n)
                row[5] = avs.suppressed ? "yes" : "no"; row[10] = text(avs.mean); row[11] = text(ci?.lower); row[12] = text(ci?.upper)
                rows.append(row)
            }
        }
        return rows
    }

    /// Per child: one row per child and score, then the unpaired children.
    var perChildRows: [[String]] {
        func text(_ value: Double?) -> String { value.map { $0.isFinite ? String($0) : "" } ?? "" }
        var rows = [["child_id", "score", "variable", "t1", "t2", "change", "improved", "rci", "rci_sd", "rci_reliability",
                     "reliable_change", "change_class", "band_t1", "band_t2", "band_transition", "note"]]
        let avs = Dictionary(analysis.addedValues.map { ($0.childID, $0) }, uniquingKeysWith: { a, _ in a })
        for score in analysis.scores {
            for change in analysis.changes[score.definition.id] ?? [] {
                rows.append([CPRNumber.masked(change.childID), score.definition.id, score.definition.variable, text(change.before), text(change.after),
                             text(change.change), change.improved ? "yes" : "no", text(change.rci), text(change.rciStandardDeviation),
                             text(change.rciReliability), change.reliable.map { $0 ? "yes" : "no" } ?? "",
                             change.changeClass?.rawValue ?? "", change.bandBefore?.label ?? "", change.bandAfter?.label ?? "",
                             change.transition ?? "", change.rciUnavailable ?? ""])
            }
            for id in analysis.missingScore[score.definition.id] ?? [] {
                rows.append([CPRNumber.masked(id), score.definition.id, score.definition.variable] + Array(repeating: "", count: 12)
                            + ["score missing at \(from) or \(to)"])
            }
        }
        for (id, value) in avs.sorted(by: { $0.key < $1.key }) {
            rows.append([CPRNumber.masked(id), "avs", "added_value_score", "", "", text(value.value)] + Array(repeating: "", count: 9)
                        + ["effect size \(text(value.effectSize))"])
        }
        for (status, ids) in [("only \(from)", analysis.pairing.onlyBefore), ("only \(to)", analysis.pairing.onlyAfter),
                              ("duplicate, not paired", analysis.pairing.duplicates)] {
            for id in ids { rows.append([CPRNumber.masked(id), "", ""] + Array(repeating: "", count: 12) + [status]) }
        }
        return rows
    }

    var json: String {
        let rows = csvRows
        let groups: [[String: String]] = rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: zip(rows[0], row).filter { !$0.1.isEmpty })
        }
        let object: [String: Any] = [
            "from": from, "to": to, "groups": groups, "notes": notes,
            "paired": analysis.pairing.pairs.count,
            "onlyFrom": analysis.pairing.onlyBefore.map(CPRNumber.masked),
            "onlyTo": analysis.pairing.onlyAfter.map(CPRNumber.masked),
            "duplicates": analysis.pairing.duplicates.map(CPRNumber.masked),
            "suppressionThreshold": analysis.suppressionThreshold,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegStore
import KortlaegStoreSQLite

/// Renders a ``ChildOverview`` as plain text for PPR staff (Danish by default). The child is
/// shown by pseudonym only.
struct ChildOverviewRenderer {
    let overview: ChildOverview
    let language: Language

    private var da: Bool { language == .danish }

    func render(pseudonym: String, attributes: ChildAttributes) -> String {
        var lines: [String] = []
        var heading = (da ? "Barn " : "Child ") + pseudonym
        if let className = attributes.className { heading += (da ? " · klasse " : " · class ") + className }
        if let school = attributes.school { heading += (da ? " · skole " : " · school ") + school }
        lines.append(heading)
        lines.append("")

        lines.append(da ? "1. Styrker og ressourcer" : "1. Strengths and resources")
        if overview.strengths.isEmpty && overview.resources.isEmpty {
            lines.append(da ? "   Ingen styrkescorer eller ressourcer registreret." : "   No strength scores or resources recorded.")
        }
        lines += table(overview.strengths)
        let resourcesByOccasion = Dictionary(grouping: overview.resources, by: \.occasion)
        for occasion in orderedOccasions(resourcesByOccasion.keys) {
            let names = resourcesByOccasion[occasion]!.map { $0.label.text(language) }
            lines.append("   " + (da ? "Ressourcer ved \(occasion): " : "Resources at \(occasion): ") + names.joined(separator: "; "))
        }
        lines.append("")

        lines.append(da ? "2. Vanskeligheder – informanterne side om side" : "2. Difficulties – informants side by side")
        if overview.difficulties.isEmpty {
            lines.append(da ? "   Ingen vanskelighedsscorer registreret." : "   No difficulty scores recorded.")
        } else {
            lines += table(overview.difficulties)
            let flagged = (overview.strengths + overview.difficulties).filter { !$0.disagreements.isEmpty }
            if flagged.isEmpty {
                lines.append(da ? "   Ingen uenighed mellem informanterne (ingen bånd to niveauer fra hinanden)."
                                : "   No disagreement between informants (no bands two levels apart).")
            } else {
                lines.append(da ? "   ! = uenighed: én informant i normalområdet, en anden i det afvigende område. Tal om det med familien og skolen."
                                : "   ! = disagreement: one informant in the normal range, another in the abnormal range. Discuss it with the family and school.")
                for row in flagged {
                    let occasions = row.disagreements.map { occasion in
                        let who = row.cells.filter { $0.key.occasion == occasion && $0.value.band != nil }
                            .sorted { $0.key < $1.key }
                            .map { "\(da ? $0.key.informant.danishName : $0.key.informant.rawValue) \($0.value.band!)" }
                        return "\(occasion) (\(who.joined(separator: ", ")))"
                    }
                    lines.append("   ! \(row.label.text(language)): \(occasions.joined(separator: "; "))")
                }
            }
        }
        if !overview.other.isEmpty {
            lines.append("")
            lines.append(da ? "   Øvrige scorer" : "   Other scores")
            lines += table(overview.other)
        }
        lines.append("")

        lines.append(da ? "3. Mål og opfølgning" : "3. Goals and follow-up")
        if overview.goals.isEmpty {
            lines.append(da ? "   Ingen mål registreret." : "   No goals recorded.")
        }
        for goal in overview.goals {
            var text = "   \(goal.occasion)  \(goal.goal.text(language)): "
            text += goal.rating.map { "\($0.text(language)) (\(goal.code!))" } ?? (da ? "ikke vurderet" : "not rated")
            if let goalText = goal.text { text += " – \"\(CPRNumber.containsCPR(goalText) ? (da ? "(tekst skjult: indeholder et CPR-lignende tal)" : "(text hidden: contains a CPR-shaped number)") : goalText)\"" }
            lines.append(text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func orderedOccasions(_ codes: some Sequence<String>) -> [String] {
        codes.sorted { (Occasion($0)?.sequence ?? 0) < (Occasion($1)?.sequence ?? 0) }
    }

    /// Rows × columns; a column is left out of a table where it has no value.
    private func table(_ rows: [ChildOverview.Row]) -> [String] {
        guard !rows.isEmpty else { return [] }
        let columns = overview.columns.filter { column in rows.contains { $0.cells[column] != nil } }
        let header = [da ? "Score" : "Score"] + columns.map { "\($0.occasion) \(da ? $0.informant.danishName : $0.informant.rawValue)" }
        var body: [[String]] = []
        for row in rows {
            var cells = [row.label.text(language)]
            for column in columns {
                guard let cell = row.cells[column] else { cells.append("–"); continue }
                var text = cell.value.map(number) ?? (da ? "mangler" : "missing")
                if let band = cell.band { text += " (\(band))" }
                if row.disagreements.contains(column.occasion), let level = cell.level {
                    // Mark the informants at the two ends of the disagreement.
                    let levels = row.cells.filter { $0.key.occasion == column.occasion }.compactMap(\.value.level)
                    if level == levels.min() || level == levels.max() { text += " !" }
                }
                cells.append(text)
            }
            body.append(cells)
        }
        let widths = header.indices.map { index in ([header] + body).map { $0[index].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "   " + cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }.joined()
        }
        return [line(header)] + body.map(line)
    }

    private func number(_ value: Double) -> String {
        // Shown to two decimals, halves rounded up (floor(x + 0.5)) as everywhere in Kortlæg.
        let hundredths = (value * 100 + 0.5).rounded(.down)
        let text = hundredths.truncatingRemainder(dividingBy: 100) == 0 ? String(Int(hundredths / 100))
            : String(format: "%.2f", hundredths / 100)
        return da ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

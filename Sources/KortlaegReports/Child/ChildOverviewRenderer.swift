import KortlaegDomain
import KortlaegProgress
import KortlaegStore

/// Writes a ``ChildOverview`` as text for PPR staff: strengths first, then the informants side by
/// side with their disagreements, then the goals. The child is shown by pseudonym only; a goal
/// text holding a CPR-shaped number is hidden.
public struct ChildOverviewRenderer: Sendable {
    /// The arranged overview.
    public var overview: ChildOverview
    /// The language of the text (the overview's band labels were chosen when it was built).
    public var language: Language

    /// A renderer.
    public init(overview: ChildOverview, language: Language = .danish) {
        self.overview = overview
        self.language = language
    }

    private typealias Text = Phrasebook.Child

    /// The overview of the child with `pseudonym` and the attributes of its first response, ending with a newline.
    public func text(pseudonym: String, attributes: ChildAttributes) -> String {
        // The short label, as every other page shows a child (the whole pseudonym is 32 characters).
        var heading = Text.heading(PseudonymLabel.text(pseudonym))(language)
        if let className = attributes.className { heading += Text.className(className)(language) }
        if let school = attributes.school { heading += Text.school(school)(language) }
        var lines = [heading, ""]
        lines += strengths
        lines.append("")
        lines += difficulties
        lines.append("")
        lines += goals
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private var strengths: [String] {
        var lines = [Text.strengthsTitle(language)]
        if overview.strengths.isEmpty && overview.resources.isEmpty { lines.append("   " + Text.noStrengths(language)) }
        lines += table(overview.strengths)
        let byOccasion = Dictionary(grouping: overview.resources, by: \.occasion)
        for occasion in byOccasion.keys.sorted(by: { (Occasion($0)?.sequence ?? 0) < (Occasion($1)?.sequence ?? 0) }) {
            let names = byOccasion[occasion, default: []].map { $0.label.text(language) }
            lines.append("   " + Text.resources(at: occasion)(language) + names.joined(separator: "; "))
        }
        return lines
    }

    private var difficulties: [String] {
        var lines = [Text.difficultiesTitle(language)]
        if overview.difficulties.isEmpty {
            lines.append("   " + Text.noDifficulties(language))
        } else {
            lines += table(overview.difficulties)
            let flagged = (overview.strengths + overview.difficulties).filter { !$0.disagreements.isEmpty }
            if flagged.isEmpty {
                lines.append("   " + Text.noDisagreement(language))
            } else {
                lines.append("   " + Text.disagreementLegend(language))
                for row in flagged {
                    let occasions = row.disagreements.map { occasion in
                        let who = row.cells.filter { $0.key.occasion == occasion && $0.value.band != nil }
                            .sorted { $0.key < $1.key }
                            .map { "\(Phrasebook.informant($0.key.informant)(language)) \($0.value.band ?? "")" }
                        return "\(occasion) (\(who.joined(separator: ", ")))"
                    }
                    lines.append("   ! \(row.label.text(language)): \(occasions.joined(separator: "; "))")
                }
            }
        }
        if !overview.other.isEmpty {
            lines.append("")
            lines.append("   " + Text.otherScores(language))
            lines += table(overview.other)
        }
        return lines
    }

    private var goals: [String] {
        var lines = [Text.goalsTitle(language)]
        if overview.goals.isEmpty { lines.append("   " + Text.noGoals(language)) }
        for goal in overview.goals {
            var text = "   \(goal.occasion)  \(goal.goal.text(language)): "
            if let rating = goal.rating {
                text += rating.text(language) + (goal.code.map { " (\($0))" } ?? "")
            } else {
                text += Text.notRated(language)
            }
            if let goalText = goal.text {
                text += " – \"\(CPRGuard.masked(goalText))\""
            }
            lines.append(text)
        }
        return lines
    }

    // MARK: - Tables

    /// Rows × columns; a column is left out of a table where it has no value.
    private func table(_ rows: [ChildOverview.Row]) -> [String] {
        guard !rows.isEmpty else { return [] }
        let columns = overview.columns.filter { column in rows.contains { $0.cells[column] != nil } }
        let header = [Text.score(language)]
            + columns.map { "\($0.occasion) \(Phrasebook.informant($0.informant)(language))" }
        let number = NumberFormat.upTo(2, language)
        let body = rows.map { row in
            [row.label.text(language)] + columns.map { column in
                guard let cell = row.cells[column] else { return "–" }
                var text = cell.value.map(number.string) ?? Text.missingValue(language)
                if let band = cell.band { text += " (\(band))" }
                if row.disagreements.contains(column.occasion), let level = cell.level {
                    // Mark the informants at the two ends of the disagreement.
                    let levels = row.cells.filter { $0.key.occasion == column.occasion }.compactMap(\.value.level)
                    if level == levels.min() || level == levels.max() { text += " !" }
                }
                return text
            }
        }
        return TextTable(header: header, rows: body, indent: 3).lines
    }
}

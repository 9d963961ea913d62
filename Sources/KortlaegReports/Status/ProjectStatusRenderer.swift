import KortlaegDomain
import KortlaegStore

/// Writes a ``ProjectStatus`` as text for PPR staff: the project's settings, children × occasion ×
/// informant, who has a T1 but no follow-up or T2, and the last imports.
///
/// Children are shown by ``PseudonymLabel`` only, never by their id.
public struct ProjectStatusRenderer: Sendable {
    /// The status to show.
    public var status: ProjectStatus
    /// Where the project is, as the user named it (shown in the heading and in the import hint).
    public var location: String
    /// How many children to list per missing occasion before "… (+N)".
    public var listedChildren: Int
    /// The language of the text.
    public var language: Language
    /// The missing forms per occasion and informant (the web overview's grid), when given.
    public var missingForms: MissingFormsList?

    /// A renderer.
    public init(status: ProjectStatus, location: String, listedChildren: Int = 10, language: Language = .danish,
                missingForms: MissingFormsList? = nil) {
        self.status = status
        self.location = location
        self.listedChildren = listedChildren
        self.language = language
        self.missingForms = missingForms
    }

    private typealias Text = Phrasebook.Status

    /// The status as text, ending with a newline.
    public var text: String {
        var lines = [Text.project(location)(language)]
        let info = status.project
        func setting(_ name: Phrase, _ value: String?) {
            if let value { lines.append("  \(name(language)): \(value)") }
        }
        setting(Text.municipality, info.municipality)
        setting(Text.interventionModel, info.interventionModel)
        setting(Text.toolVersion, info.toolVersion)
        setting(Text.children, String(status.childCount))
        if status.trivselFigures > 0 { setting(Text.trivselFigures, Text.storedFigures(status.trivselFigures)(language)) }
        lines.append("")
        lines += counts
        lines.append("")
        if let missingForms, !missingForms.entries.isEmpty {
            lines.append(Text.missingFormsTitle(language))
            for entry in missingForms.entries {
                let title = "  \(entry.occasion) \(Phrasebook.informant(entry.informant)(language))"
                guard !entry.children.isEmpty else { lines.append("\(title): " + Text.none(language)); continue }
                let shown = entry.children.prefix(listedChildren).map(PseudonymLabel.text).joined(separator: ", ")
                let more = entry.children.count > listedChildren ? " … (+\(entry.children.count - listedChildren))" : ""
                lines.append("\(title): " + Text.missingChildren(entry.children.count)(language) + ": " + shown + more)
            }
            lines.append("")
        }
        if status.missing.isEmpty, !status.counts.isEmpty { lines.append(Text.noFollowUp(language)) }
        for missing in status.missing { lines.append(self.missing(missing)) }
        lines.append("")
        lines.append(Text.recentImports(language))
        if status.recentImports.isEmpty { lines.append("  " + Text.none(language)) }
        for batch in status.recentImports {
            var text = "  \(batch.importedAt)  \(batch.fileName)  sha256 \(batch.sha256.prefix(12))  "
            text += Text.imported(accepted: batch.accepted, rejected: batch.rejected)(language)
            if batch.replaced > 0 { text += ", " + Text.replaced(batch.replaced)(language) }
            text += "  " + Text.importedBy(batch.operator)(language)
            lines.append(text)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Children with responses, occasions (in the store's course order) × informants.
    private var counts: [String] {
        var occasions: [String] = []
        for count in status.counts where !occasions.contains(count.occasion) { occasions.append(count.occasion) }
        guard !occasions.isEmpty else { return [Text.noResponses(location)(language)] }
        let informants = Array(Set(status.counts.map(\.informant))).sorted()
        let names = informants.map { name in Informant(rawValue: name).map { Phrasebook.informant($0)(language) } ?? name }
        let rows = occasions.map { occasion in
            [occasion] + informants.map { informant in
                String(status.counts.first { $0.occasion == occasion && $0.informant == informant }?.children ?? 0)
            }
        }
        let table = TextTable(header: [Text.occasion(language)] + names, rows: rows,
                              rightAligned: Set(1...informants.count), indent: 2)
        return [Text.countsTitle(language)] + table.lines
    }

    /// "Mangler T2 (har T1, ingen T2): 3 børn: 3f2a-09bc-77de, …".
    private func missing(_ missing: MissingOccasion) -> String {
        let title = Text.missing(missing.occasion)(language)
        guard !missing.children.isEmpty else { return "\(title): " + Text.none(language) }
        let shown = missing.children.prefix(listedChildren).map(PseudonymLabel.text).joined(separator: ", ")
        let more = missing.children.count > listedChildren ? " … (+\(missing.children.count - listedChildren))" : ""
        return "\(title): " + Text.missingChildren(missing.children.count)(language) + ": " + shown + more
    }
}

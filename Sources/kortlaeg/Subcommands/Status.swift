import ArgumentParser
import Foundation
import KortlaegStore

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a project: children × occasion × informant, who is missing a follow-up or T2, the last imports.",
        discussion: """
            Children are shown by the first 12 characters of their pseudonym, never by their id.

            Example:
              kortlaeg status --project aarhus-2026.kortlaeg
            """
    )

    @Option(help: "The project store.") var project: String
    @Option(help: "How many of the last imports to list.") var imports = 5
    @Option(help: "How many children to list per missing group.") var list = 10

    func run() throws {
        let store = try ProjectStoreOpening.open(project)
        let status: ProjectStatus
        do {
            status = try store.status(recentImports: imports)
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            throw KortlaegExit.dataError
        }
        var lines: [String] = []
        let info = status.project
        lines.append("Project \(project)")
        if let municipality = info.municipality { lines.append("  municipality: \(municipality)") }
        if let model = info.interventionModel { lines.append("  model: \(model)") }
        if let version = info.toolVersion { lines.append("  mapping tool version: \(version)") }
        lines.append("  children: \(status.childCount)")
        lines.append("")
        let informants = Array(Set(status.counts.map(\.informant))).sorted()
        var occasions: [String] = []
        for count in status.counts where !occasions.contains(count.occasion) { occasions.append(count.occasion) }
        if occasions.isEmpty {
            lines.append("No responses yet. Import with 'kortlaeg import FILE --project \(project) --occasion T1'.")
        } else {
            lines.append("Children with responses (occasion × informant):")
            lines.append((["occasion"] + informants).map(pad).joined())
            for occasion in occasions {
                let cells = informants.map { informant in
                    String(status.counts.first { $0.occasion == occasion && $0.informant == informant }?.children ?? 0)
                }
                lines.append(([occasion] + cells).map(pad).joined())
            }
        }
        lines.append("")
        lines.append(missing("Missing a follow-up (T1, no F1/F2/…)", status.missingFollowUp))
        lines.append(missing("Missing T2 (T1, no T2)", status.missingFinal))
        lines.append("")
        lines.append("Last imports:")
        if status.recentImports.isEmpty { lines.append("  none") }
        for batch in status.recentImports {
            var text = "  \(batch.importedAt)  \(batch.fileName)  sha256 \(batch.sha256.prefix(12))  \(batch.accepted) stored, \(batch.rejected) problems"
            if batch.replaced > 0 { text += ", \(batch.replaced) replaced" }
            text += "  by \(batch.operator)"
            lines.append(text)
        }
        print(lines.joined(separator: "\n"))
    }

    private func pad(_ text: String) -> String {
        text.count >= 10 ? text + " " : text + String(repeating: " ", count: 10 - text.count)
    }

    private func missing(_ title: String, _ pseudonyms: [String]) -> String {
        guard !pseudonyms.isEmpty else { return "\(title): none" }
        let shown = pseudonyms.prefix(list).map { String($0.prefix(12)) }.joined(separator: ", ")
        let more = pseudonyms.count > list ? ", …" : ""
        return "\(title): \(pseudonyms.count) children: \(shown)\(more)"
    }
}

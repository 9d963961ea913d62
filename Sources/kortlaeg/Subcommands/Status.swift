import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegStore
import KortlaegStoreSQLite

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a project: children × occasion × informant, who is missing a follow-up or T2, the last imports.",
        discussion: """
            Danish by default (--lang en). For every occasion the project has reached after T1 (F1, F2, …, T2) \
            it lists the children with a T1 but no response then. Children are shown by the first 12 \
            characters of their pseudonym (grouped as 3f2a-09bc-77de), never by their id.

            Example:
              kortlaeg status --project aarhus-2026.kortlaeg
            """
    )

    @Option(help: "The project store.") var project: String
    @Option(help: "How many of the last imports to list.") var imports = 5
    @Option(help: "How many children to list per missing group.") var list = 10
    @Option(help: "Language: da or en.") var lang: Language = .danish

    func run() throws {
        let store = try ProjectStoreOpening.open(project)
        let status: ProjectStatus
        do {
            status = try store.status(recentImports: imports)
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            throw KortlaegExit.dataError
        }
        let da = lang == .danish
        var lines: [String] = []
        let info = status.project
        lines.append((da ? "Projekt " : "Project ") + project)
        if let municipality = info.municipality { lines.append((da ? "  kommune: " : "  municipality: ") + municipality) }
        if let model = info.interventionModel { lines.append((da ? "  indsatsmodel: " : "  model: ") + model) }
        if let version = info.toolVersion { lines.append((da ? "  kortlægningsværktøj, version: " : "  mapping tool version: ") + version) }
        lines.append((da ? "  børn: " : "  children: ") + String(status.childCount))
        if status.trivselFigures > 0 {
            lines.append((da ? "  trivselsmåling: " : "  trivselsmåling: ") + String(status.trivselFigures)
                         + (da ? " tal gemt ('kortlaeg trivsel --project' viser dem)" : " figures stored ('kortlaeg trivsel --project' shows them)"))
        }
        lines.append("")
        let informants = Array(Set(status.counts.map(\.informant))).sorted()
        var occasions: [String] = []
        for count in status.counts where !occasions.contains(count.occasion) { occasions.append(count.occasion) }
        if occasions.isEmpty {
            lines.append(da ? "Ingen besvarelser endnu. Importér med 'kortlaeg import FIL --project \(project) --occasion T1'."
                            : "No responses yet. Import with 'kortlaeg import FILE --project \(project) --occasion T1'.")
        } else {
            lines.append(da ? "Børn med besvarelser (tidspunkt × informant):" : "Children with responses (occasion × informant):")
            let names = informants.map { name in da ? (Informant(rawValue: name)?.danishName ?? name) : name }
            let widths = [12] + names.map { max(10, $0.count + 2) }
            lines.append(pad([da ? "tidspunkt" : "occasion"] + names, widths))
            for occasion in occasions {
                let cells = informants.map { informant in
                    String(status.counts.first { $0.occasion == occasion && $0.informant == informant }?.children ?? 0)
                }
                lines.append(pad([occasion] + cells, widths))
            }
        }
        lines.append("")
        if status.missing.isEmpty, !occasions.isEmpty {
            lines.append(da ? "Ingen opfølgning (F1, F2, …) eller ny kortlægning (T2) importeret endnu."
                            : "No follow-up (F1, F2, …) or final mapping (T2) imported yet.")
        }
        for missing in status.missing {
            let title = da ? "Mangler \(missing.occasion) (har T1, ingen \(missing.occasion))" : "Missing \(missing.occasion) (T1, no \(missing.occasion))"
            lines.append(self.missing(title, missing.children, da: da))
        }
        lines.append("")
        lines.append(da ? "Seneste importer:" : "Last imports:")
        if status.recentImports.isEmpty { lines.append(da ? "  ingen" : "  none") }
        for batch in status.recentImports {
            var text = "  \(batch.importedAt)  \(batch.fileName)  sha256 \(batch.sha256.prefix(12))  "
            text += da ? "\(batch.accepted) gemt, \(batch.rejected) problemer" : "\(batch.accepted) stored, \(batch.rejected) problems"
            if batch.replaced > 0 { text += da ? ", \(batch.replaced) erstattet" : ", \(batch.replaced) replaced" }
            text += (da ? "  af " : "  by ") + batch.operator
            lines.append(text)
        }
        print(lines.joined(separator: "\n"))
    }

    private func pad(_ cells: [String], _ widths: [Int]) -> String {
        zip(cells, widths).map { cell, width in cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count) }
            .joined()
    }

    /// Children are shown by the first 12 pseudonym characters in groups of four, which never look
    /// like a CPR number.
    private func missing(_ title: String, _ pseudonyms: [String], da: Bool) -> String {
        guard !pseudonyms.isEmpty else { return "\(title): " + (da ? "ingen" : "none") }
        let shown = pseudonyms.prefix(list).map(StoreReport.label(pseudonym:)).joined(separator: ", ")
        let more = pseudonyms.count > list ? (da ? " … (+\(pseudonyms.count - list))" : " … (+\(pseudonyms.count - list))") : ""
        return "\(title): \(pseudonyms.count) " + (da ? "børn: " : "children: ") + shown + more
    }
}

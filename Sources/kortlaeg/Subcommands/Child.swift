import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegStore
import KortlaegStoreSQLite

struct Child: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one child across informants and occasions: strengths first, informants side by side, goals.",
        discussion: """
            ID is the child's id as given in the imported files (a CPR number is accepted and never \
            shown) or the child's pseudonym from 'kortlaeg status'. The overview starts with the child's \
            strengths and resources, then shows parent, teacher and child side by side at each occasion \
            and marks with '!' where their bands are two or more levels apart (one normal, one \
            abnormal), then the two-sided goals with their ratings. Goal texts are personal data and \
            are shown only with --free-text.

            Example:
              kortlaeg child 0102031234 --project ppr.kortlaeg
              kortlaeg child 3f2a9c0d1e --project ppr.kortlaeg --lang en --free-text
            """)

    @Argument(help: "The child's id or pseudonym (or its first 8+ characters, with or without dashes).") var id: String
    @Option(help: "The project store.") var project: String
    @Option(help: "Language: da or en.") var lang: Language = .danish
    @Flag(help: "Show goal texts (free text; personal data).") var freeText = false
    @Option(name: .shortAndLong, help: "Write the overview here instead of stdout.") var output: String?
    @OptionGroup var instruments: InstrumentOptions

    func run() throws {
        let store = try ProjectStoreOpening.open(project)
        let catalog = try instruments.catalog()
        let found: (pseudonym: String, responses: [StoredResponse])
        do {
            found = try StoreReport(store: store, catalog: catalog, language: lang, bandTableID: nil).child(id)
        } catch let problem as StoreReport.Problem {
            Diagnostics.error(problem.description)
            throw KortlaegExit.noInput
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            throw KortlaegExit.dataError
        }
        let responses = found.responses
        let first = responses[0]
        var entries: [ChildOverview.Entry] = []
        for response in responses {
            let instrument: Instrument
            do {
                instrument = try catalog.instrument(response.instrument)
            } catch {
                Diagnostics.error("\(response.instrument) is not in the instrument files (\(instruments.resolvedDirectory())). Point --instruments at the folder the project was scored with.")
                throw KortlaegExit.dataError
            }
            var values: [String: Double?] = [:]
            for score in response.scores { values[score.id] = .some(score.value) }
            entries.append(ChildOverview.Entry(occasion: response.occasion.code, order: response.occasion.sequence,
                                               informant: response.informant, instrument: instrument,
                                               answers: response.answers, values: values))
        }
        let overview = ChildOverview(entries: entries, language: lang, includeFreeText: freeText)
        let text = ChildOverviewRenderer(overview: overview, language: lang)
            .render(pseudonym: first.child, attributes: first.attributes)
        do {
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        } catch {
            Diagnostics.error("cannot write \(output ?? "the output"): \(error.localizedDescription)")
            throw KortlaegExit.cannotCreate
        }
    }
}

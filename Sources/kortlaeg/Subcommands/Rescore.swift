import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite

struct Rescore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recompute every stored score with the current instrument files and report what changed.",
        discussion: """
            Use after an instrument's rules or bands were corrected. Each response is rescored with \
            the exact instrument version it was collected with and the rule choices recorded at \
            import. Every changed score is printed (child pseudonym, occasion, informant, \
            instrument, score, old → new); the run is recorded in the audit log.

            Example:
              kortlaeg rescore --project aarhus-2026.kortlaeg --dry-run
            """
    )

    @Option(help: "The project store.") var project: String
    @Flag(help: "Report the changes, but store nothing.") var dryRun = false
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func run() throws {
        let store = try ProjectStoreOpening.open(project)
        let catalog = try instruments.catalog()
        let output = CSVWriter(fileHandle: .standardOutput, delimiter: .tab, lineEnding: .lf)
        let summary: RescoreSummary
        do {
            try output.write(["child", "occasion", "informant", "instrument", "score", "old", "new", "old_bands", "new_bands"])
            summary = try store.rescore(instruments: catalog, operator: operatorOption.resolved, dryRun: dryRun) { change in
                try output.write([String(change.pseudonym.prefix(12)), change.occasion, change.informant, change.instrument,
                                  change.score, change.old.map(formatScore) ?? "", change.new.map(formatScore) ?? "",
                                  change.oldBands ?? "", change.newBands ?? ""])
            }
            try output.flush()
        } catch let error as StoreError {
            Diagnostics.error("\(error.description) Nothing was changed.")
            throw KortlaegExit.dataError
        }
        Diagnostics.note("\(dryRun ? "dry run, nothing stored: " : "")rescored \(summary.responses) responses; \(summary.changedScores) scores changed in \(summary.changedResponses) responses")
    }
}

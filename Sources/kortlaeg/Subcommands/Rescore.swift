import ArgumentParser
import KortlaegProject
import KortlaegReports

struct Rescore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rescore",
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

    @OptionGroup var project: ProjectOptions
    @Flag(help: "Report the changes, but store nothing.") var dryRun = false
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        _ = try project.required("rescore")
    }

    func run() throws {
        let request = RescoreProject.Request(project: try project.required("rescore"), instruments: try instruments.catalog(),
                                             operator: operatorOption.resolved, dryRun: dryRun)
        // The header goes out with the first change, or at the end: never before an error.
        var header = false
        do {
            try RescoreProject.run(request, sink: StderrSink.shared) { change in
                if !header { print(RescoreChangeRenderer.header, terminator: ""); header = true }
                print(RescoreChangeRenderer.line(change), terminator: "")
            }
        } catch {
            throw KortlaegExit.fail(error, in: Self.self)
        }
        if !header { print(RescoreChangeRenderer.header, terminator: "") }
    }
}

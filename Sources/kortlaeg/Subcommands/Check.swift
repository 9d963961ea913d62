import ArgumentParser
import KortlaegProject

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a project store for damage (the full integrity check) and say what to do.",
        discussion: """
            Reads every page, index and constraint of the store; changes nothing. A damaged store \
            gives exit 65 and the advice to restore the last backup ('kortlaeg backup') and import \
            the files delivered since then again. Imports run a quicker check themselves and never \
            write into a damaged store.

            Example:
              kortlaeg check --project aarhus-2026.kortlaeg
            """
    )

    @OptionGroup var project: ProjectOptions

    func validate() throws { _ = try project.required("check") }

    func run() throws {
        let path = try project.required("check")
        let result = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try CheckProject.run(project: path, sink: StderrSink.shared) }
        try KortlaegExit.finish(result.severity)
    }
}

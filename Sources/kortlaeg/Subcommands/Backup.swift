import ArgumentParser
import KortlaegProject

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Make a consistent copy of a project store, also while it is in use.",
        discussion: """
            Copies the last committed state with SQLite's backup API (an import that is running \
            is not in the copy), checks the copy, and never overwrites a file. Keep the backup as \
            safe as the project: it holds the pseudonymisation key.

            Example:
              kortlaeg backup --project aarhus-2026.kortlaeg backup/aarhus-2026-2026-12-01.kortlaeg
            """
    )

    @OptionGroup var project: ProjectOptions
    @Argument(help: "The new file to write the copy to.") var file: String

    func validate() throws { _ = try project.required("backup") }

    func run() throws {
        let path = try project.required("backup")
        try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try BackupProject.run(project: path, destination: file, sink: StderrSink.shared) }
    }
}

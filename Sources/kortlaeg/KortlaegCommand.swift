import ArgumentParser

@main
struct KortlaegCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kortlaeg",
        abstract: "Score and follow up the shared mapping tool (kortlægningsværktøj).",
        discussion: """
            Instruments are data files (see 'kortlaeg instruments list'). Results go to stdout or \
            --output; diagnostics go to stderr. Exit codes: 0 done; 3 done, but rows were rejected \
            (see the rejects report); 4 a file re-delivers responses already imported from another file (nothing imported; see --replace); 64 usage error; 65 input not readable or invalid; \
            66 input file not found; 73 output cannot be written.

            Example:
              kortlaeg score SampleData/sdq-parent-T1.csv --instrument sdq-p4-17 --output scores.csv
            """,
        version: "0.1.0",
        subcommands: [
            Score.self, Import.self, Progress.self, Instruments.self, Tool.self, Template.self, Trivsel.self,
            Child.self, Init.self, Status.self, Rescore.self, Export.self, Report.self, Check.self, Backup.self,
            Store.self, Serve.self, User.self, Imports.self,
        ]
    )
}

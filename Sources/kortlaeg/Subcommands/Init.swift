import ArgumentParser
import KortlaegProject

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a project store (one file; nothing to install or start).",
        discussion: """
            The store remembers every import, the children (by pseudonym only), their responses at \
            each occasion (T1, F1, F2, …, T2) and their scores. A random pseudonymisation key is made \
            and kept in the file: keep the file as safe as the data it came from. An existing file is \
            never overwritten.

            Example:
              kortlaeg init aarhus-2026.kortlaeg --municipality Aarhus --model "Tværfaglig indsats for inklusion" --tool-version 1.0

            A shared project in a PostgreSQL database (several projects per database, one per \
            intervention course; the password from PGPASSWORD or ~/.pgpass, never in the address; the \
            project key is stored wrapped by the server key file KORTLAEG_KEY_FILE, made on first use):
              kortlaeg init "postgres://ppr@db.kommune.local/kortlaeg?project=inklusion-2026" --municipality Aarhus
            """
    )

    @Argument(help: "Where to create the project: a file (e.g. NAME.kortlaeg) or postgres://USER@HOST/DB?project=NAME.") var path: String
    @Option(help: "The municipality (kommune).") var municipality: String?
    @Option(help: "The intervention model.") var model: String?
    @Option(help: "The version of the shared mapping tool.") var toolVersion: String?
    @OptionGroup var operatorOption: OperatorOption

    func run() throws {
        let request = CreateProject.Request(
            location: path, project: ProjectInfo(municipality: municipality, interventionModel: model, toolVersion: toolVersion),
            operator: operatorOption.resolved)
        _ = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try CreateProject.run(request, sink: StderrSink.shared) }
    }
}

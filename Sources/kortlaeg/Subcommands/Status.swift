import ArgumentParser
import KortlaegProject
import KortlaegReports

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show a project: children × occasion × informant, who is missing a follow-up or T2, the last imports.",
        discussion: """
            Danish by default (--lang en). For every occasion the project has reached after T1 (F1, F2, …, T2) \
            it lists the children with a T1 but no response then, and for every occasion and informant the \
            children without that form (the same list as the missing-forms grid of 'kortlaeg serve'). Children \
            are shown by the first 12 characters of their pseudonym (grouped as 3f2a-09bc-77de), never by their id.

            Example:
              kortlaeg status --project aarhus-2026.kortlaeg
            """
    )

    @OptionGroup var project: ProjectOptions
    @Option(help: "How many of the last imports to list.") var imports = 5
    @Option(help: "How many children to list per missing group.") var list = 10
    @OptionGroup var language: LanguageOption

    func validate() throws {
        _ = try project.required("status")
        guard imports >= 0, list >= 0 else { throw ValidationError("--imports and --list must be 0 or more.") }
    }

    func run() throws {
        let path = try project.required("status")
        do {
            let status = try ShowProjectStatus.run(.init(project: path, recentImports: imports), sink: StderrSink.shared)
            let missing = try ShowMissingForms.run(project: path).list
            print(ProjectStatusRenderer(status: status, location: path, listedChildren: list, language: language.language,
                                        missingForms: missing).text,
                  terminator: "")
        } catch {
            throw KortlaegExit.fail(error, in: Self.self)
        }
    }
}

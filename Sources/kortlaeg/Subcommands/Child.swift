import ArgumentParser
import Foundation
import KortlaegProject
import KortlaegReports

struct Child: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "child",
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
              kortlaeg child elev-0001 --site Aarhus --project pooled.kortlaeg
            """)

    @Argument(help: "The child's id or pseudonym (or its first 8+ characters, with or without dashes).") var id: String
    @OptionGroup var project: ProjectOptions
    @OptionGroup var language: LanguageOption
    @Flag(help: "Show goal texts (free text; personal data).") var freeText = false
    @Option(help: "The child's site, for a child imported with 'import --site' (site and id identify the child).") var site: String?
    @Option(name: .shortAndLong, help: "Write the overview here instead of stdout.") var output: String?
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        _ = try project.required("child ID")
    }

    func run() throws {
        var request = ShowChild.Request(project: try project.required("child ID"), child: id, instruments: try instruments.catalog(),
                                        language: language.language, includeFreeText: freeText)
        request.site = site
        let found: ShowChild.Result
        do {
            found = try ShowChild.run(request, sink: StderrSink.shared)
        } catch {
            throw KortlaegExit.fail(error, in: Self.self)
        }
        let text = ChildOverviewRenderer(overview: found.overview, language: language.language)
            .text(pseudonym: found.pseudonym, attributes: found.attributes)
        do {
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(text, terminator: "")
            }
        } catch {
            throw KortlaegExit.fail(writeFailure(error, output: output))
        }
    }
}

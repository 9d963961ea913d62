import ArgumentParser
import KortlaegProject
import KortlaegReports

struct Imports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "List a project's imports, or remove one (undo an import).",
        discussion: """
            Every imported file is one import, numbered in the order they came. 'kortlaeg imports' lists \
            them; 'kortlaeg imports remove NR' removes one import's responses again.

            Example:
              kortlaeg imports --project aarhus.kortlaeg
              kortlaeg imports remove 3 --project aarhus.kortlaeg --dry-run
            """,
        subcommands: [List.self, Remove.self],
        defaultSubcommand: List.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the imports: number, time, file, who, instruments, occasions, informants and counts.",
            discussion: """
                'stored', 'unchanged' (re-delivered identical to an earlier file), 'replaced' and 'problems' \
                (rejected rows) are the import's own counts; 'held now' counts the responses stored under \
                the import today (a removal or a later --replace changes it). Removed imports stay in the \
                list, marked with who removed them and when. Danish by default (--lang en); --format csv \
                or json for scripts (JSON keys are English).

                Example:
                  kortlaeg imports --project aarhus.kortlaeg
                  kortlaeg imports --project aarhus.kortlaeg --format json
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

        @OptionGroup var project: ProjectOptions
        @Option(help: "table (default), csv or json.") var format: Format = .table
        @OptionGroup var language: LanguageOption

        func validate() throws {
            _ = try project.required("imports")
        }

        func run() throws {
            let path = try project.required("imports")
            let imports = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in
                try ListImports.run(.init(project: path), sink: StderrSink.shared)
            }
            let renderer = ImportListRenderer(imports: imports, location: path, language: language.language)
            switch format {
            case .table: print(renderer.text, terminator: "")
            case .csv: print(renderer.csv, terminator: "")
            case .json: print(renderer.json, terminator: "")
            }
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove one import's responses (with their scores) in one step, recorded in the audit log.",
            discussion: """
                NR is the import's number from 'kortlaeg imports'. The responses the import stored are \
                deleted with their scores, and so are children left without any response. A response a \
                later file delivered unchanged stays (it now belongs to that file). Responses the import \
                replaced with --replace are not brought back: their answers are in the audit log; to get \
                them back, remove the earlier import too and import its file again. The import stays in \
                the list, marked removed, and the same (or a corrected) file can be imported again. \
                --dry-run says what would be removed and changes nothing.

                Exit codes: 0 removed (or, with --dry-run, nothing changed); 66 no project, no import with \
                that number, or the import was removed before; 73 the project cannot be written.

                Example:
                  kortlaeg imports remove 3 --project aarhus.kortlaeg --dry-run
                  kortlaeg imports remove 3 --project aarhus.kortlaeg --operator mette
                """)

        @Argument(help: "The import's number (see 'kortlaeg imports').") var batch: Int64
        @OptionGroup var project: ProjectOptions
        @Flag(help: "Say what would be removed; change nothing.") var dryRun = false
        @OptionGroup var operatorOption: OperatorOption
        @OptionGroup var language: LanguageOption

        func validate() throws {
            _ = try project.required("imports remove NR")
            guard batch > 0 else { throw ValidationError("NR is an import's number from 'kortlaeg imports' (1 or more, not \(batch)).") }
        }

        func run() throws {
            let request = RemoveImport.Request(project: try project.required("imports remove NR"), batch: batch,
                                               operator: operatorOption.resolved, dryRun: dryRun)
            let removal = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in
                try RemoveImport.run(request, sink: StderrSink.shared)
            }
            print(ImportRemovalRenderer(removal: removal, language: language.language).text, terminator: "")
        }
    }
}

import ArgumentParser
import KortlaegProject

/// `kortlaeg profile suggest`: a draft mapping profile for a file.
struct Profile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Write mapping profiles for files the automatic import does not read as they are.",
        discussion: """
            Example:
              kortlaeg profile suggest skema.csv --output skema-profil.json
            """,
        subcommands: [Suggest.self]
    )

    struct Suggest: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Write a draft mapping profile for FILE and print what to check in it.",
            discussion: """
                The draft names the child-id column (chosen as 'kortlaeg import' chooses it, with the \
                reason), every item column with how it was matched (variable name, Danish label or the \
                number of the question on the form), the class, school, sex, birth date and date \
                columns, the columns left out, and the answer texts that match no code with the \
                nearest label (in its notes). Values that look like missing codes (NA, -99, Ved ikke) \
                are put in its missingCodes. The checks are printed on stderr; the draft goes to \
                --output (or stdout). It validates against Instruments/schema/profile.schema.json, and \
                'kortlaeg import FILE --profile DRAFT.json' reads the file with it unchanged.

                Examples:
                  kortlaeg profile suggest skema.csv --output skema-profil.json
                  kortlaeg profile suggest svar.xlsx --sheet Besvarelser --instrument sdq-t4-17 --output svar.json
                  kortlaeg import skema.csv --profile skema-profil.json --project p.kortlaeg --occasion T1
                """
        )

        @Argument(help: "The file (CSV, Excel .xlsx, SurveyXact, REDCap, ODM or FHIR).") var file: String
        @Option(help: "The instrument as ID or ID@VERSION (default: the one whose variable names match the most columns).")
        var instrument: String?
        @Option(name: .customLong("id"), help: ArgumentHelp("The column holding the child id.", valueName: "COLUMN"))
        var id: String?
        @Option(help: ArgumentHelp("The sheet of an Excel workbook, by name or number (1 = the first; default: the first).", valueName: "NAME"))
        var sheet: String?
        @Option(name: .customLong("missing-codes"), help: ArgumentHelp("Values that mean a missing answer, written into the draft, e.g. NA,-99.", valueName: "CODES"))
        var missingCodes: [String] = []
        @Option(name: .shortAndLong, help: "Write the draft here (default: stdout).") var output: String?
        @OptionGroup var instruments: InstrumentOptions

        func run() throws {
            let catalog = try instruments.catalog()
            var request = SuggestProfile.Request(file: file, instruments: catalog,
                                                 profilesDirectory: instruments.resolvedDirectory() + "/profiles", output: output)
            request.instrument = instrument
            request.idColumn = id
            request.sheet = sheet
            request.missingCodes = missingCodes.flatMap(MissingCode.list)
            let result = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in
                try SuggestProfile.run(request, sink: StderrSink.shared)
            }
            if output == nil { print(result.json) }
        }
    }
}

import ArgumentParser
import Foundation
import KortlaegProject

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a CSV file or Excel workbook (.xlsx) of questionnaire responses (file in, file out).",
        discussion: """
            Input columns are the official variable names (pconsid, prestles, …, pebddiff, pdistres, …; \
            t… for teacher, s… for self-report); ',' or ';' separated, UTF-8 or Windows-1252, or an Excel \
            workbook (.xlsx, recognised by its content; the first sheet or --sheet NAME). Blank = unanswered; \
            --missing-codes NA,-99 reads those values as unanswered too. \
            Output: the id, the scores, one band column per score and band table, and a status \
            (complete, incomplete, rejected); with --site or a site column (site, kommune, municipality, sted) \
            a 'site' column follows the id, and a child is known by site and id. A row with an invalid answer is not scored; its problems \
            go to the rejects report (default: OUTPUT-rejects.csv, or stderr without --output).

            Examples:
              kortlaeg score SampleData/sdq-parent-T1.csv --instrument sdq-p4-17 --output scores.csv
              kortlaeg score t2.csv --instrument sdq-t4-17@1.0.0 --id elev --lang da --rule impact-when-ebddiff-missing=missing
              kortlaeg score aarhus-T1.csv --instrument sdq-p4-17 --site Aarhus --keep klasse koen --output aarhus-T1-scores.csv
              kortlaeg score skema.xlsx --sheet Besvarelser --instrument sdq-p4-17 --missing-codes NA,-99 --output scores.csv
            """
    )

    @Argument(help: "The CSV file or Excel workbook (.xlsx) of responses.") var input: String
    @Option(help: "The instrument as ID or ID@VERSION (see 'kortlaeg instruments list').") var instrument: String
    @Option(name: .shortAndLong, help: "Write scores here instead of stdout.") var output: String?
    @Option(help: "Write rejected rows' problems here (CSV).") var rejects: String?
    @Option(help: "The id column passed through (default: the first column).") var id: String?
    @Option(parsing: .upToNextOption, help: "Other input columns to copy to the output after the id (e.g. class school sex), for 'kortlaeg progress --by'.")
    var keep: [String] = []
    @Option(help: ArgumentHelp("The site (municipality) of every row, written as the 'site' column after the id, e.g. Aarhus. A child is then known by site and id: the same id at two sites is two children.", discussion: "Without it a column named site, kommune, municipality or sted is taken as the site (or --column site=HEADER).", valueName: "NAME"))
    var site: String?
    @Option(name: .customLong("column"), help: ArgumentHelp("The input column of the site: site=HEADER.", valueName: "site=HEADER"))
    var columns: [String] = []
    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language of band labels: en (default, youthinmind's labels) or da.")
    var lang: Language = .english
    @Option(help: "Choose a scoring rule variant: OPTION=CHOICE (see 'kortlaeg instruments show').")
    var rule: [String] = []
    @Flag(help: "Also compute scores whose item membership is not officially verified (labelled in the summary).")
    var includeUnverified = false
    @Option(help: ArgumentHelp("The sheet of an Excel workbook (.xlsx) to read, by name or number (1 = the first; default: the first).", valueName: "NAME"))
    var sheet: String?
    @Option(name: .customLong("missing-codes"), help: ArgumentHelp("Values that mean a missing answer in every item column, e.g. NA,-99,.", valueName: "CODES"))
    var missingCodes: [String] = []
    @Option(help: "Input separator: comma, semicolon or tab (default: detected).") var delimiter: String?
    @Option(help: "Input encoding: utf-8, utf-16le, utf-16be or windows-1252 (default: detected).") var encoding: String?
    @Option(help: "Output separator: comma or semicolon.") var outputDelimiter: String = "comma"
    @Flag(help: "Write cells as they are; by default a cell beginning with =, +, -, @, TAB or CR gets a leading ' so a spreadsheet does not run it as a formula.")
    var raw = false
    @Option(help: .hidden) var threads: Int?
    @OptionGroup var project: ProjectOptions
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if project.path != nil {
            throw ValidationError("'score' works file in, file out; use 'kortlaeg import --project' to score into a project.")
        }
        _ = try csvOptions()
        _ = try scoring()
        _ = try siteColumn()
        if site != nil, !columns.isEmpty { throw ValidationError("Please give either --site NAME (one site for every row) or --column site=HEADER, not both.") }
    }

    /// `--column site=HEADER`, checked (site is the one attribute a score file carries).
    func siteColumn() throws -> String? {
        var result: String?
        for text in columns {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == "site", !parts[1].isEmpty else {
                throw ValidationError("--column \(text): please write site=HEADER, e.g. --column site=Kommune (other columns are copied with --keep).")
            }
            result = parts[1]
        }
        return result
    }

    func run() throws {
        var request = ScoreFile.Request(input: input, instrument: instrument, instruments: try instruments.catalog(resolving: instrument),
                                        output: output.map(ScoreFile.Output.file) ?? .handle(.standardOutput),
                                        rejects: rejects, language: lang, scoring: try scoring())
        request.idColumn = id
        request.keepColumns = keep.flatMap { $0.split(separator: ",").map(String.init) }
        request.site = site
        request.siteColumn = try siteColumn()
        request.csv = try csvOptions()
        request.sheet = sheet
        request.missingCodes = missingCodes.flatMap(MissingCode.list)
        request.raw = raw
        request.threads = threads
        let result = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try ScoreFile.run(request, sink: StderrSink.shared) }
        try KortlaegExit.finish(result.severity)
    }

    /// `--delimiter`, `--encoding` and `--output-delimiter`, checked.
    func csvOptions() throws -> ScoreFile.CSVOptions {
        try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in
            try ScoreFile.CSVOptions(delimiter: delimiter, encoding: encoding, outputDelimiter: outputDelimiter)
        }
    }

    /// The scoring options of `--rule` and `--include-unverified`.
    func scoring() throws -> ScoringOptions {
        try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in
            try RuleChoices(parsing: rule).scoringOptions(includeUnverified: includeUnverified)
        }
    }
}

import ArgumentParser
import Foundation
import KortlaegProject

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a CSV file of questionnaire responses (file in, file out).",
        discussion: """
            Input columns are the official variable names (pconsid, prestles, …, pebddiff, pdistres, …; \
            t… for teacher, s… for self-report); ',' or ';' separated, UTF-8 or Windows-1252. Blank = unanswered. \
            Output: the id, the scores, one band column per score and band table, and a status \
            (complete, incomplete, rejected). A row with an invalid answer is not scored; its problems \
            go to the rejects report (default: OUTPUT-rejects.csv, or stderr without --output).

            Examples:
              kortlaeg score SampleData/sdq-parent-T1.csv --instrument sdq-p4-17 --output scores.csv
              kortlaeg score t2.csv --instrument sdq-t4-17@1.0.0 --id elev --lang da --rule impact-when-ebddiff-missing=missing
            """
    )

    @Argument(help: "The CSV file of responses.") var input: String
    @Option(help: "The instrument as ID or ID@VERSION (see 'kortlaeg instruments list').") var instrument: String
    @Option(name: .shortAndLong, help: "Write scores here instead of stdout.") var output: String?
    @Option(help: "Write rejected rows' problems here (CSV).") var rejects: String?
    @Option(help: "The id column passed through (default: the first column).") var id: String?
    @Option(parsing: .upToNextOption, help: "Other input columns to copy to the output after the id (e.g. class school sex), for 'kortlaeg progress --by'.")
    var keep: [String] = []
    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language of band labels: en (default, youthinmind's labels) or da.")
    var lang: Language = .english
    @Option(help: "Choose a scoring rule variant: OPTION=CHOICE (see 'kortlaeg instruments show').")
    var rule: [String] = []
    @Flag(help: "Also compute scores whose item membership is not officially verified (labelled in the summary).")
    var includeUnverified = false
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
    }

    func run() throws {
        var request = ScoreFile.Request(input: input, instrument: instrument, instruments: try instruments.catalog(resolving: instrument),
                                        output: output.map(ScoreFile.Output.file) ?? .handle(.standardOutput),
                                        rejects: rejects, language: lang, scoring: try scoring())
        request.idColumn = id
        request.keepColumns = keep.flatMap { $0.split(separator: ",").map(String.init) }
        request.csv = try csvOptions()
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

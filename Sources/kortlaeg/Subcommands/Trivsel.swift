import ArgumentParser
import KortlaegProject
import KortlaegReports

/// `kortlaeg trivsel`: a school's or class level's trivselsmåling indicators across years beside
/// the national figures, from results files or from a project's stored results (then also beside
/// the municipality, i.e. all the project's schools).
struct Trivsel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trivsel",
        abstract: "Show a school's trivselsmåling indicators across years against the national figures.",
        discussion: """
            FILE holds aggregated results as municipal pipelines write them (År;Skolenavn;Trin;Social trivsel;\
            Faglig trivsel;Støtte og inspiration;Ro og orden;Generel trivsel, optionally Antal elever and \
            '<indicator> andel >4') or the public school-level sample (Institution,Generel trivsel,…). \
            Danish (3,7; 2.351) and English numbers are detected per column; empty cells are suppressed \
            figures and stay empty, never 0. Groups under 5 pupils are not shown and not combined. Several \
            rows (trin, schools) are combined pupil-weighted; without pupil counts the plain mean of group \
            means is shown and marked. Without --school a file with several schools is shown combined.

            With --project P --store the files' results are stored in the project instead (one transaction \
            per file, attached to the project's school of the same name, trin and school year; the same file \
            again changes nothing). 'kortlaeg trivsel --project P --school S' then shows the stored results \
            beside the municipality (all the project's schools combined) and the national figures.

            Examples:
              kortlaeg trivsel skoler.csv --school "Aabybro Skole" --trin 5 --lang en
              kortlaeg trivsel resultater.xlsx --sheet Skoler --school "Aabybro Skole"
              kortlaeg trivsel 2018.csv 2019.csv --project aarhus.kortlaeg --store
              kortlaeg trivsel --project aarhus.kortlaeg --school Byskolen --trin 4
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv
    }

    @Argument(help: "The results files (CSV, or Excel .xlsx: the first sheet unless --sheet names another).") var inputs: [String] = []
    @Option(help: ArgumentHelp("The sheet of an Excel workbook (.xlsx) to read, by name or number (1 = the first; default: the first).",
                               valueName: "NAME"))
    var sheet: String?
    @Option(help: "The school: its full name or a unique part of it (default: the only school, or all combined).")
    var school: String?
    @Option(help: "Only this klassetrin or group of trin (4, '4. klasse', Mellemtrin, Udskoling).") var trin: String?
    @OptionGroup var language: LanguageOption
    @Option(help: "table or csv.") var format: Format = .table
    @Flag(help: "With --format csv: write cells as they are; by default a cell beginning with =, +, -, @, TAB or CR (a school name, say) gets a leading ' so a spreadsheet does not run it as a formula (plain numbers such as -3 are left alone).")
    var raw = false
    @Option(help: "Input separator: comma, semicolon or tab (default: detected).") var delimiter: String?
    @Option(help: "National figures (default: trivsel/national-reference.json in the instruments folder).")
    var reference: String?
    @Option(help: "The school year of rows that give none (e.g. 2023/24 for the public school sample).")
    var schoolYear: String?
    @Flag(name: .customLong("store"), help: "Store the FILEs' results in the --project instead of showing them.")
    var storeResults = false
    @Flag(help: "With --store: replace figures another file delivered (the old ones stay in the audit log).")
    var replace = false
    @Flag(help: "With --store: check and count, but store nothing.") var dryRun = false
    @OptionGroup var project: ProjectOptions
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    /// Which options go together; the values themselves are checked by the use cases.
    func validate() throws {
        if let schoolYear, SchoolYear(schoolYear) == nil {
            throw ValidationError("--school-year '\(schoolYear)' is not a school year. Please write it like 2023/24.")
        }
        if storeResults {
            guard let path = project.path else {
                throw ValidationError("--store needs the project: kortlaeg trivsel FILE --project PATH --store.")
            }
            if inputs.isEmpty {
                throw ValidationError("Please give the results FILE to store, e.g. kortlaeg trivsel skoler.csv --project \(path) --store.")
            }
            if school != nil || trin != nil {
                throw ValidationError("--school and --trin choose what to show. Store the file first, then show it with "
                    + "kortlaeg trivsel --project \(path) --school NAME.")
            }
            return
        }
        if replace || dryRun {
            throw ValidationError("--replace and --dry-run apply only when storing: add --store and --project.")
        }
        if let path = project.path {
            if !inputs.isEmpty {
                throw ValidationError("To store the FILE in the project add --store (kortlaeg trivsel FILE --project \(path) --store); "
                    + "to show the stored results leave out FILE.")
            }
            return
        }
        if inputs.isEmpty {
            throw ValidationError("Please give the results FILE, e.g. kortlaeg trivsel skoler.csv --school NAME, "
                + "or a project: kortlaeg trivsel --project PATH --school NAME.")
        }
    }

    func run() throws {
        let year = schoolYear.flatMap(SchoolYear.init)
        // The indicators (ids, names, results-file columns) are instrument data.
        let indicators = TrivselIndicators(catalog: try instruments.catalog())
        if storeResults, let path = project.path {
            var request = StoreTrivselResults.Request(project: path, files: inputs, replace: replace, dryRun: dryRun,
                                                      operator: operatorOption.resolved, delimiter: delimiter, schoolYear: year,
                                                      indicators: indicators)
            request.sheet = sheet
            let result: StoreTrivselResults.Result
            do {
                result = try StoreTrivselResults.run(request, sink: StderrSink.shared)
            } catch {
                throw KortlaegExit.fail(error, in: Self.self)
            }
            if !dryRun, result.severity < .conflict {
                Diagnostics.note("Show them with: kortlaeg trivsel --project \(path) --school NAME [--trin T]")
            }
            try KortlaegExit.finish(result.severity)
            return
        }
        var request = ShowTrivsel.Request(
            source: project.path.map { .project($0) } ?? .files(inputs), school: school, grade: trin, delimiter: delimiter,
            schoolYear: year, nationalReference: reference ?? instruments.resolvedDirectory() + "/trivsel/national-reference.json",
            indicators: indicators)
        request.sheet = sheet
        let result: ShowTrivsel.Result
        do {
            result = try ShowTrivsel.run(request, sink: StderrSink.shared)
        } catch {
            throw KortlaegExit.fail(error, in: Self.self)
        }
        let renderer = TrivselRenderer(overview: result.overview, language: language.language)
        switch format {
        case .table:
            print(renderer.table, terminator: "")
            print(renderer.notes.map { "- " + $0 }.joined(separator: "\n"))
        case .csv:
            print(renderer.csv.text(raw: raw), terminator: "")
            for note in renderer.notes { Diagnostics.note("note: " + note) }
        }
        try KortlaegExit.finish(result.severity)
    }
}

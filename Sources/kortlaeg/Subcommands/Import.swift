import ArgumentParser
import KortlaegProject

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import questionnaire files (ODM, REDCap, FHIR, SurveyXact, CSV, Excel .xlsx) as validated responses, to a file or a project.",
        discussion: """
            Each file is recognised from its structure (ODM root element, REDCap columns, FHIR \
            resourceType, SurveyXact's three files, CSV with official variable names) unless \
            --profile names a mapping profile (an id from Instruments/profiles/ or a file path). \
            Output: one line per answer (child_id, occasion, informant, instrument, version, item, \
            variable, code), or with --score one line of scores per response. Each file gets a \
            report on stderr; rejected records' problems go to the rejects file (default \
            OUTPUT-rejects.csv). A file that cannot be read fails alone (exit 65); rejected records \
            give exit 3.

            With --project the responses and their scores go into a project store (made with \
            'kortlaeg init') instead of --output: one transaction per file, stored with its \
            problems (also on stderr, or in --rejects FILE). The occasion comes from the file or \
            --occasion. Child ids are stored only as pseudonyms; a CPR number is never stored or \
            printed. The same file (SHA-256) is imported once; a second run changes nothing. A file \
            that re-delivers a response another file delivered (same child, occasion, informant, \
            instrument) is refused as a conflict (exit 4) unless --replace is given; replaced \
            responses stay in the audit log.

            Examples:
              kortlaeg import QuestionnaireResponse.json --profile kl-children-sdq4-10 --output answers.csv
              kortlaeg import export/dataset.csv --instrument sdq-s11-17 --output answers.csv --dry-run
              kortlaeg import skema.csv --id CPR --project p.kortlaeg --occasion T1
              kortlaeg import skema.xlsx --sheet Besvarelser --output answers.csv
              kortlaeg import skema.csv --missing-codes NA,-99 --column class=Klassetrin --project p.kortlaeg --occasion T1
              kortlaeg import project.xml --profile redcap-xml-sdq-parent --score --output scores.csv
              kortlaeg import SampleData/sdq-parent-T1.csv SampleData/sdq-teacher-T1.csv --project p.kortlaeg --occasion T1
              kortlaeg import aarhus-T1.csv --site Aarhus --project pooled.kortlaeg --occasion T1
            """
    )

    @Argument(help: "The files to import.") var files: [String]
    @Option(help: "A mapping profile: an id (see Instruments/profiles/) or a profile file.") var profile: String?
    @Option(help: "The instrument as ID or ID@VERSION (overrides the profile's).") var instrument: String?
    @Option(name: .customLong("id"), help: ArgumentHelp("The column holding the child id (CPR number or pseudonymous id).", discussion: "Without it: a column of CPR numbers, else one named cpr, cpr-nr, personnummer, barn_id, elev_id, record_id, respondentid, subject or id, else the first column; a column of names is never chosen.", valueName: "COLUMN"))
    var id: String?
    @Option(name: .customLong("missing-codes"), help: ArgumentHelp("Values that mean a missing answer in every item column, e.g. NA,-99,.", valueName: "CODES"))
    var missingCodes: [String] = []
    @Option(name: .customLong("column"), help: ArgumentHelp("Where a child attribute is: class, school, sex, birthYear, birthMonth, birthDate, age, date, occasion or site (repeatable).", valueName: "ATTRIBUTE=HEADER"))
    var columns: [String] = []
    @Option(help: ArgumentHelp("With --project: the site (municipality) of every record, e.g. Aarhus. The site is part of the child's identity: the same id at two sites is two children.", discussion: "Without it a column named site, kommune, municipality or sted is read (or --column site=HEADER).", valueName: "NAME"))
    var site: String?
    @Option(help: ArgumentHelp("The sheet of an Excel workbook (.xlsx) to read, by name or number (1 = the first; default: the first).", valueName: "NAME"))
    var sheet: String?
    @Option(name: .shortAndLong, help: "Write the responses (or scores) here (not with --project).") var output: String?
    @Option(help: "Write rejected records' problems here (CSV).") var rejects: String?
    @Flag(help: "Validate and report only; write (or store) nothing.") var dryRun = false
    @Flag(help: "Score the responses and write one row of scores per response.") var score = false
    @Flag(help: "Write cells as they are; by default a cell beginning with =, +, -, @, TAB or CR gets a leading ' so a spreadsheet does not run it as a formula.")
    var raw = false
    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language of band labels with --score: en (default, youthinmind's labels) or da.")
    var lang: Language = .english
    @OptionGroup var project: ProjectOptions
    @OptionGroup var projectImport: ProjectImportOptions
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if project.path != nil {
            if output != nil || score {
                throw ValidationError("With --project the responses and their scores are stored in the project; please leave out --output and --score.")
            }
            return
        }
        if site != nil {
            throw ValidationError("--site tags the children stored in a project (--project PATH); to tag a score file use 'kortlaeg score --site NAME'.")
        }
        if projectImport.anyGiven {
            throw ValidationError("--occasion, --replace, --rule, --include-unverified and --operator apply only with --project PATH.")
        }
        if output == nil && !dryRun {
            throw ValidationError("Please name the output file with --output OUT.csv (or use --dry-run to validate only).")
        }
    }

    /// `--column ATTRIBUTE=HEADER` as a dictionary.
    func columnOverrides() throws -> [String: String] {
        var result: [String: String] = [:]
        for text in columns {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                throw ValidationError("--column \(text): please write ATTRIBUTE=HEADER, e.g. --column class=Klasse.")
            }
            result[parts[0]] = parts[1]
        }
        return result
    }

    func run() throws {
        let catalog = try instruments.catalog()
        let profiles = instruments.resolvedDirectory() + "/profiles"
        if let path = project.path {
            return try runProject(path, catalog: catalog, profiles: profiles)
        }
        var request = ImportFiles.Request(files: files, instruments: catalog, profilesDirectory: profiles, output: output)
        request.profile = profile
        request.instrument = instrument
        request.idColumn = id
        request.missingCodes = missingCodes.flatMap(MissingCode.list)
        request.columns = try columnOverrides()
        request.sheet = sheet
        request.rejects = rejects
        request.dryRun = dryRun
        request.score = score
        request.language = lang
        request.raw = raw
        let result = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try ImportFiles.run(request, sink: StderrSink.shared) }
        try KortlaegExit.finish(result.severity)
    }
}

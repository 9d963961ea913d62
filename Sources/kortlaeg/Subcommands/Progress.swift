import ArgumentParser
import Foundation
import KortlaegProject
import KortlaegReports

struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Progress between two mappings, or over the whole course: per child (change, RCI, bands, AVS) and per group.",
        discussion: """
            Reads files written by 'kortlaeg score' (use 'score --keep klasse koen' to carry grouping \
            columns; several files per occasion, e.g. one per site: a file with a site column identifies \
            children by site and id, and --by site groups by it), or with --project the stored scores at the occasions --from and --to (T1, F1, …, \
            T2; group with --by class, school, sex, birth-year — an age band within a school year — or site), and pairs children by id. Responses stored under \
            another version of the instrument are paired through the scores it declares equivalent. Unpaired children are listed, never dropped. Groups under \
            --suppress children show counts only. The reliable change index needs a reliability per score: \
            the shipped SDQ norm data has none (Goodman 2001's per-scale values are not entered), so give \
            --reliability SCORE=R, or with --project --reliability sample (Cronbach's alpha of each scale's \
            items in the T1 sample, with n and Feldt's 95 % CI; the default in a project with at least 50 \
            complete T1 responses), or no RCI is computed. The impact score has no item-level alpha.

            Over the whole course: --occasions T1,F1,F2,T2 (with --project; the default there is every \
            occasion with data, so a project with follow-ups shows the course, one with only T1 and T2 the \
            T1 → T2 analysis as before), or score files with --occasion CODE=FILE (--t1/--t2 count as T1/T2; \
            repeat a code for several files of one occasion, e.g. one per class: they are read as one, and a \
            child id found twice at one occasion is a duplicate, named by file and row, and not paired). \
            Shows each score's group mean with its 95 % CI at every occasion and the change from the first \
            occasion at each follow-up; --long FILE writes each child's course, one row per child, score \
            and occasion, with the change and reliable change from the first occasion.

            Examples:
              kortlaeg progress --t1 scores-T1.csv --t2 scores-T2.csv --instrument sdq-p4-17 --by klasse --lang da
              kortlaeg progress --project ppr.kortlaeg --instrument sdq-p4-17 --from T1 --to T2 --by class
              kortlaeg progress --project ppr.kortlaeg --instrument sdq-p4-17 --reliability sample --sd-from-baseline
              kortlaeg progress --t1 a.csv --t2 b.csv --instrument sdq-p4-17 --reliability pebdtot=0.80 --sd pebdtot=5.8 --per-child children.csv --format csv
              kortlaeg progress --t1 aarhus-T1.csv odense-T1.csv --t2 aarhus-T2.csv odense-T2.csv --instrument sdq-p4-17 --by site
              kortlaeg progress --t1 a.csv --t2 b.csv --instrument sdq-p4-17 --norm-set uk-1999-parent --reliability pebdtot=0.80
              kortlaeg progress --project ppr.kortlaeg --instrument sdq-p4-17 --occasions T1,F1,F2,T2 --long course.csv
              kortlaeg progress --t1 T1.csv --occasion F1=F1.csv --occasion F2=F2.csv --t2 T2.csv --instrument sdq-p4-17 --format csv
            """)

    @Option(parsing: .upToNextOption, help: "Scores at the earlier occasion: one or more files written by 'kortlaeg score' (one per site, say).") var t1: [String] = []
    @Option(parsing: .upToNextOption, help: "Scores at the later occasion (one or more files).") var t2: [String] = []
    @Option(help: "The instrument the scores come from (ID or ID@VERSION).") var instrument: String
    @Option(help: "The later file's instrument when it differs (scores pair through declared equivalences).") var t2Instrument: String?
    @Option(help: "The id column (default: the first column).") var id: String?
    @Option(help: "The earlier occasion: its name in the output, and with --project the occasion read (T1, F1, …; default T1).") var from: String?
    @Option(help: "The later occasion (name in the output; with --project the occasion read; default T2).") var to: String?
    @Option(help: "Over the whole course: the occasions in course order, e.g. T1,F1,F2,T2 (default with --project: every occasion with data).") var occasions: String?
    @Option(help: "A score file of one occasion, CODE=FILE (repeatable), e.g. --occasion F1=scores-F1.csv; --t1 F is --occasion T1=F. Repeat a code for several files of one occasion (one per class, say): they are read as one.") var occasion: [String] = []
    @Option(help: "Also write each child's course in long format (one row per child, score and occasion) to this CSV.") var long: String?
    @Option(help: "Group by this column (e.g. klasse, skole, koen, or site for the files' site tags).") var by: String?
    @Option(help: "The column holding the child's sex, for norm SDs given by sex (default: sex, koen or køn).") var sexColumn: String?
    @OptionGroup var bandTable: BandTableOption
    @Option(help: "Band level counted as above the cut-off (2 = abnormal/high).") var cutoffLevel: Int = 2
    @Option(help: "Norm set for the RCI's SD (and reliability when it has one), e.g. uk-1999-parent; used only when chosen. The shipped UK sets are not verified (secondary sources) and say so in the output.") var normSet: String?
    @Option(help: "Reliability for the RCI, SCORE=R (repeatable), e.g. pebdtot=0.80; or 'sample' (with --project): Cronbach's alpha from the T1 items.") var reliability: [String] = []
    @Option(help: "SD for the RCI, SCORE=SD (repeatable); overrides the norm SD.") var sd: [String] = []
    @Flag(help: "Use the SD of the T1 scores in this sample for the RCI.") var sdFromBaseline = false
    @Option(help: "Show statistics only for groups of at least this many paired children.") var suppress: Int = 5
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Also write one row per child and score (and the unpaired children) to this CSV.") var perChild: String?
    @Option(name: .shortAndLong, help: "Write the result here instead of stdout.") var output: String?
    @Flag(help: "CSV (--format csv, --per-child): write cells as they are; by default a cell beginning with =, +, -, @, TAB or CR (a group name, say) gets a leading ' so a spreadsheet does not run it as a formula (plain numbers such as -3 are left alone).")
    var raw = false
    @OptionGroup var language: LanguageOption
    @Flag(help: "Include scores with unverified item membership.") var includeUnverified = false
    @OptionGroup var project: ProjectOptions
    @OptionGroup var instruments: InstrumentOptions

    enum OutputFormat: String, ExpressibleByArgument { case table, csv, json }

    func validate() throws {
        guard suppress >= 1 else { throw ValidationError("--suppress must be at least 1.") }
        if project.path != nil {
            guard t1.isEmpty, t2.isEmpty, t2Instrument == nil, occasion.isEmpty else {
                throw ValidationError("With --project the scores come from the store: leave out --t1, --t2, --occasion and --t2-instrument, and name the occasions with --from and --to or --occasions.")
            }
        } else {
            guard (!t1.isEmpty && !t2.isEmpty) || Set(occasionFiles.map { $0.occasion.uppercased() }).count >= 2 else {
                throw ValidationError("Please give both --t1 and --t2 (files written by 'kortlaeg score'), --occasion CODE=FILE for two or more occasions, or --project.")
            }
        }
        if occasions != nil, from != nil || to != nil {
            throw ValidationError("Give either --occasions or --from/--to, not both.")
        }
    }

    func run() throws {
        let plan: Plan
        do {
            plan = try self.plan()
        } catch {
            throw KortlaegExit.fail(error, in: Self.self)
        }
        guard case let .pairwise(from, to, files) = plan else {
            if case let .course(codes, files) = plan { try runCourse(codes, files: files) }
            return
        }
        let report: ProgressReport
        do {
            var settings = ProgressSettings(
                bandTableID: bandTable.id, normSetID: normSet,
                reliabilities: try ProgressSettings.assignments(reliability.filter { $0 != "sample" }, of: .reliability),
                standardDeviations: try ProgressSettings.assignments(sd, of: .standardDeviation),
                sdFromBaseline: sdFromBaseline, cutoffLevel: cutoffLevel, includeUnverified: includeUnverified)
            settings.reliabilityFromSample = reliability.contains("sample")
            let source: AnalyseProgress.Source = project.path.map { .project($0) }
                ?? .fileSets(earlier: files.filter { $0.occasion.uppercased() == from.uppercased() }.map(\.path),
                             later: files.filter { $0.occasion.uppercased() == to.uppercased() }.map(\.path),
                             laterInstrument: t2Instrument, idColumn: id)
            // Score files of one instrument need only its file; a project or a second instrument the whole folder.
            let catalog = project.path == nil && t2Instrument == nil ? try instruments.catalog(resolving: instrument) : try instruments.catalog()
            let request = AnalyseProgress.Request(
                source: source, instrument: instrument, instruments: catalog, from: from, to: to,
                groupBy: by, sexColumn: sexColumn, settings: settings, suppressionThreshold: suppress, language: language.language)
            report = try AnalyseProgress.run(request, sink: StderrSink.shared)
        } catch let error as ProgressSettingsError {
            throw KortlaegExit.usage(error.description, in: Self.self)
        } catch let error as KortlaegError {
            throw KortlaegExit.fail(error, in: Self.self)
        }
        do {
            let renderer = ProgressCSVRenderer(report: report, language: language.language)
            switch format {
            case .csv: try StreamedCSV.write(to: output, raw: raw, rows: renderer.forEachGroupRow)
            case .table, .json:
                let text = format == .json ? ProgressJSONRenderer(report: report, language: language.language).text
                    : ProgressTextRenderer(report: report, language: language.language).text
                if let output {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                } else {
                    print(text, terminator: "")
                }
            }
            if let perChild { try StreamedCSV.write(to: perChild, raw: raw, rows: renderer.forEachChildRow) }
        } catch {
            throw KortlaegExit.fail(writeFailure(error))
        }
        if let long {
            let codes = files.map(\.occasion).reduce(into: [String]()) { codes, code in
                if !codes.contains(where: { $0.uppercased() == code.uppercased() }) { codes.append(code) }
            }
            try writeLong(to: long, occasions: files.isEmpty ? [from, to] : codes, files: files)
        }
    }
}

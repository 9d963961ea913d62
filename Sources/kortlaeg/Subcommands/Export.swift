import ArgumentParser
import Foundation
import KortlaegProject

extension ExportFormat: ExpressibleByArgument {}
extension ExportShape: ExpressibleByArgument {}

/// `kortlaeg export`: a pseudonymised dataset for SPSS, Stata, R or Excel, from a project store
/// (`--project`) or from score files (`--scores`).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export scores for researchers: SPSS .sav, Stata .dta, CSV or a DDI codebook, pseudonymised.",
        usage: """
            kortlaeg export --project <project> [--format <format>] --output <output> [<options>]
            kortlaeg export --scores <file[:occasion]> ... --instrument <id> [--format <format>] --output <output> [<options>]
            kortlaeg export --t1 <file> ... --t2 <file> ... --instrument <id> [--format <format>] --output <output> [<options>]
            """,
        discussion: """
            With --project: every stored response (one block of variables per instrument; occasions \
            T1, F1, …, T2; change and RCI between the first and last), optionally only --instrument ID[@VERSION] \
            or --class C. Item answers with --items, free-text answers only with --free-text. The export is \
            recorded in the project's audit log with its manifest. Without --project: files written by \
            'kortlaeg score' (--scores FILE:OCCASION, or --t1 FILE … --t2 FILE …; several files per occasion \
            are read as one). A file with a site column (score --site) identifies children by site and id, so \
            ids from different sites never collide; the site, the classic covariates kept with score --keep \
            (klasse, skole, koen, fødselsår) and any other kept column are exported as covariates.

            Writes the data file (BASE.sav), and named after it a DDI Codebook 2.5 (BASE.sav.codebook.xml), \
            a readable codebook (BASE.sav.codebook.md and .html) and a manifest with checksums \
            (BASE.sav.manifest.json), so that .sav, .dta and .csv exports to one base name keep their own \
            codebooks; --format ddi writes BASE.codebook.xml and BASE.manifest.json. Ids are \
            replaced by pseudonyms (HMAC-SHA256 of a key and a salt): a new random salt per export, or a \
            stable one (--stable-salt NAME or --salt-file F) to keep ids equal across the exports of one \
            evaluation. With --project the key is derived from the project's own key; from score files it \
            is --key-file (needed for a stable salt). Wide: one row per child (pemotion_t1, pemotion_t2, \
            pemotion_band3_t1, pemotion_chg, pemotion_rci); long: one row per child, occasion and informant. \
            Bands are recomputed from the scores. A value shaped like a CPR number stops the export.

            Example:
              kortlaeg export --project aarhus-2026.kortlaeg --format sav --stable-salt evaluering-2026 --output evaluering.sav
              kortlaeg export --scores T1.csv:T1 --scores T2.csv:T2 --instrument sdq-p4-17 --id barn_id --format dta --key-file projekt.key
              kortlaeg export --t1 aarhus-T1.csv odense-T1.csv --t2 aarhus-T2.csv odense-T2.csv --instrument sdq-p4-17 --format sav
              kortlaeg export --project p.kortlaeg --norm-set uk-1999-parent --reliability pebdtot=0.80 --output evaluering.sav
            """
    )

    @Option(name: .customLong("scores"), help: "A score file and its occasion: FILE[:OCCASION] (repeat; default occasions T1, T2, …; several files may share an occasion, e.g. one per site).")
    var scores: [ScoreFileArgument] = []
    @Option(parsing: .upToNextOption, help: "Score files of occasion T1 (several: one per site, say); same as --scores FILE:T1 for each.")
    var t1: [String] = []
    @Option(parsing: .upToNextOption, help: "Score files of occasion T2; same as --scores FILE:T2 for each.")
    var t2: [String] = []
    @Option(help: "Norm set for the RCI's SD, e.g. uk-1999-parent (by sex) or uk-1999-teacher; used only when chosen. The shipped UK sets are not verified (secondary sources): the notes say so.")
    var normSet: String?
    @Option(help: "With --scores: the score files' instrument (ID or ID@VERSION). With --project: export only this instrument (repeat).")
    var instrument: [String] = []
    @Option(name: .customLong("class"), help: "With --project: only the children of this class.") var className: String?
    @Option(help: "The id column of the score files (default: the first column).") var id: String?
    @Option(help: "sav, dta, csv or ddi (codebooks only).") var format: ExportFormat = .sav
    @Option(help: "wide (one row per child) or long (child × occasion × informant).") var shape: ExportShape = .wide
    @Flag(help: "With --project: include the item answers (with their value labels).") var items = false
    @Flag(name: .customLong("free-text"), help: "With --items: include free-text answers too (personal data).") var freeText = false
    @Option(name: .shortAndLong, help: "The data file to write (default: kortlaeg-export.FORMAT).") var output: String?
    @OptionGroup var language: LanguageOption
    @Option(help: "Without --project: the project key file (at least 16 bytes; default: a random key for this export only).") var keyFile: String?
    @Option(help: "Read a stable salt from this file.") var saltFile: String?
    @Option(help: "Use a stable salt with this name, e.g. the evaluation's name.") var stableSalt: String?
    @Flag(name: .customLong("excel-da"), help: "CSV for Danish Excel: UTF-8 with BOM, ';', decimal comma.") var excelDanish = false
    @Flag(help: "CSV: write text cells as they are; by default a text cell beginning with =, +, -, @, TAB or CR (a class name, a free-text answer) gets a leading ' so a spreadsheet does not run it as a formula (numbers are never changed).")
    var raw = false
    @Option(help: "Without --project: the scoring rule variant of the score files, OPTION=CHOICE (recorded in the notes).") var rule: [String] = []
    @Option(help: "Without --project: describe a filter applied to the rows (recorded in the notes and manifest).") var filter: [String] = []
    @Option(help: "Reliability for the RCI, SCORE=R (repeatable), or 'sample' (with --project): Cronbach's alpha from the first occasion's items. Without it no RCI is computed.") var reliability: [String] = []
    @Option(help: "SD for the RCI, SCORE=SD (repeatable).") var sd: [String] = []
    @Flag(name: .customLong("sd-from-baseline"), help: "Use the SD of the first occasion's scores in the export for the RCI.") var sdFromBaseline = false
    @OptionGroup var project: ProjectOptions
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if saltFile != nil, stableSalt != nil { throw ValidationError("Use either --salt-file or --stable-salt, not both.") }
        if excelDanish, format != .csv { throw ValidationError("--excel-da applies to --format csv only.") }
        if raw, format != .csv { throw ValidationError("--raw applies to --format csv only (.sav and .dta files hold no formulas).") }
        if freeText, !items { throw ValidationError("--free-text adds the free-text answers to the item answers: please give --items too.") }
        if project.path != nil {
            if !scores.isEmpty || !t1.isEmpty || !t2.isEmpty {
                throw ValidationError("--scores reads score files; with --project the data come from the project. Please give one or the other.")
            }
            if id != nil || !rule.isEmpty || !filter.isEmpty {
                throw ValidationError("--id, --rule and --filter apply to score files. With --project the rule variants are those recorded in the project; narrow the export with --instrument or --class.")
            }
            if keyFile != nil {
                throw ValidationError("With --project the pseudonym key is derived from the project's own key; --key-file is for exports from score files.")
            }
            return
        }
        if scores.isEmpty && t1.isEmpty && t2.isEmpty { throw ValidationError("Please give --project PATH, or at least one --scores FILE[:OCCASION] (or --t1 FILE … --t2 FILE …).") }
        if !scores.isEmpty, !t1.isEmpty || !t2.isEmpty { throw ValidationError("Please give the score files either with --scores FILE:OCCASION or with --t1/--t2, not both.") }
        if instrument.count != 1 { throw ValidationError("Please give one --instrument ID for the score files ('kortlaeg instruments list' lists them).") }
        if className != nil || items { throw ValidationError("--class and --items need --project (score files hold neither classes nor answers).") }
        if saltFile != nil || stableSalt != nil, keyFile == nil {
            throw ValidationError("A stable salt needs the project key: add --key-file (without it every export gets a new random key).")
        }
    }

    func run() throws {
        let catalog = try instruments.catalog()
        let source: ExportRequest.Source
        if let path = project.path {
            source = .project(path, instruments: instrument, className: className)
        } else {
            let definition: Instrument
            do { definition = try catalog.resolve(instrument[0]) } catch { throw ValidationError("\(error)") }
            let choices = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try RuleChoices(parsing: rule) }
            let inputs = scores.map { $0.input(definition) }
                + t1.map { ScoreFileInput(path: $0, occasion: "T1", instrument: definition) }
                + t2.map { ScoreFileInput(path: $0, occasion: "T2", instrument: definition) }
            source = .scoreFiles(inputs, idColumn: id, keyFile: keyFile, ruleChoices: choices, filters: filter)
        }
        let salt: ExportRequest.Salt = saltFile.map { .file($0) } ?? stableSalt.map { .named($0) } ?? .perExport
        var request = ExportRequest(source: source, catalog: catalog, format: format, shape: shape, includeItems: items,
                                    includeFreeText: freeText, output: output, language: language.language, salt: salt,
                                    csvStyle: excelDanish ? .excelDanish : .plain, operator: operatorOption.resolved,
                                    tool: "kortlaeg \(KortlaegCommand.configuration.version)")
        request.raw = raw
        request.reliableChange = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in
            var settings = ProgressSettings()
            do {
                settings = ProgressSettings(normSetID: normSet, reliabilities: try ProgressSettings.assignments(reliability.filter { $0 != "sample" }, of: .reliability),
                                            standardDeviations: try ProgressSettings.assignments(sd, of: .standardDeviation),
                                            sdFromBaseline: sdFromBaseline)
            } catch {
                throw KortlaegError(.usage, "\(error)")
            }
            settings.reliabilityFromSample = reliability.contains("sample")
            return settings
        }
        _ = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try ExportUseCase.run(request, sink: StderrSink.shared) }
    }
}

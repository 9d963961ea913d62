import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReaders

extension ExportFormat: ExpressibleByArgument {}
extension ExportShape: ExpressibleByArgument {}

/// `kortlaeg export`: score files in, a pseudonymised dataset for SPSS, Stata, R or Excel out.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export scores for researchers: SPSS .sav, Stata .dta, CSV or a DDI codebook, pseudonymised.",
        discussion: """
            Reads files written by 'kortlaeg score' (id, scores, band columns, status), one per occasion. \
            Writes the data file, a DDI Codebook 2.5 (BASE.codebook.xml), a readable codebook \
            (BASE.codebook.md and .html) and a manifest with checksums (BASE.manifest.json). Ids are \
            replaced by pseudonyms (HMAC-SHA256 of the project key and a salt): a new random salt per \
            export, or a stable one (--stable-salt NAME or --salt-file F, with --key-file) to keep ids equal \
            across the exports of one evaluation. Wide: one row per child (pemotion_t1, pemotion_t2, \
            pemotion_band3_t1, pemotion_chg, pemotion_rci); long: one row per child, occasion and informant. \
            Bands are recomputed from the scores. A value shaped like a CPR number stops the export.

            Example:
              kortlaeg export --scores T1.csv:T1 --scores T2.csv:T2 --instrument sdq-p4-17 --id barn_id --format sav --output evaluering.sav --key-file projekt.key --stable-salt evaluering-2026
            """
    )

    @Option(name: .customLong("scores"), help: "A score file and its occasion: FILE[:OCCASION] (repeat; default occasions T1, T2, …).")
    var scores: [ScoreFileArgument] = []
    @Option(help: "The instrument as ID or ID@VERSION.") var instrument: String?
    @Option(help: "The id column of the score files (default: the first column).") var id: String?
    @Option(help: "sav, dta, csv or ddi (codebooks only).") var format: ExportFormat = .sav
    @Option(help: "wide (one row per child) or long (child × occasion × informant).") var shape: ExportShape = .wide
    @Option(name: .shortAndLong, help: "The data file to write (default: kortlaeg-export.FORMAT).") var output: String?
    @Option(help: "Language of labels: da or en.") var lang: Language = .danish
    @Option(help: "The project key file (at least 16 bytes; default: a random key for this export only).") var keyFile: String?
    @Option(help: "Read a stable salt from this file (needs --key-file).") var saltFile: String?
    @Option(help: "Use a stable salt with this name, e.g. the evaluation's name (needs --key-file).") var stableSalt: String?
    @Flag(name: .customLong("excel-da"), help: "CSV for Danish Excel: UTF-8 with BOM, ';', decimal comma.") var excelDanish = false
    @Option(help: "The scoring rule variant used for the score files: OPTION=CHOICE (recorded in the notes).") var rule: [String] = []
    @Option(help: "Describe a filter applied to the rows (recorded in the notes and manifest).") var filter: [String] = []
    @OptionGroup var project: ProjectOptions
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if project.path != nil {
            throw ValidationError("'export --project' is not yet available; export from score files with --scores FILE:OCCASION.")
        }
        if scores.isEmpty { throw ValidationError("Please give at least one --scores FILE[:OCCASION].") }
        if instrument == nil { throw ValidationError("Please give --instrument, e.g. --instrument sdq-p4-17.") }
        if saltFile != nil, stableSalt != nil { throw ValidationError("Use either --salt-file or --stable-salt, not both.") }
        if (saltFile != nil || stableSalt != nil), keyFile == nil {
            throw ValidationError("A stable salt needs the project key: add --key-file (without it every export gets a new random key).")
        }
        if excelDanish, format != .csv { throw ValidationError("--excel-da applies to --format csv only.") }
        let occasions = ScoreFileArgument.occasions(scores)
        if Set(occasions.map { $0.lowercased() }).count != occasions.count {
            throw ValidationError("Each --scores file needs its own occasion (got \(occasions.joined(separator: ", "))).")
        }
        for occasion in occasions where VariableName.problem("x_" + occasion) != nil || occasion.count > 8 {
            throw ValidationError("Occasion '\(occasion)' must be at most 8 letters, digits or _ (it becomes part of variable names).")
        }
        for choice in rule where !choice.contains("=") {
            throw ValidationError("--rule '\(choice)' must be OPTION=CHOICE, e.g. impact-when-ebddiff-missing=sum.")
        }
    }

    func run() throws {
        for file in scores where !FileManager.default.fileExists(atPath: file.path) {
            Diagnostics.error("\(file.path): no such file.")
            throw KortlaegExit.noInput
        }
        let definition = try instruments.resolve(instrument ?? "")
        let occasions = ScoreFileArgument.occasions(scores)
        var choices: [String: String] = [:]
        for text in rule {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            choices[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        do {
            let reader = ScoreFileReader(instrument: definition, idColumn: id)
            var responses: [ExportResponse] = []
            var inputs: [ExportManifest.Input] = []
            for (file, occasion) in zip(scores, occasions) {
                let result = try reader.read(path: file.path, occasion: occasion)
                responses += result.responses
                inputs.append(result.input)
            }
            let key = try keyFile.map(PseudonymKey.file) ?? PseudonymKey.ephemeral()
            let salt = try saltFile.map(PseudonymSalt.file) ?? stableSalt.map(PseudonymSalt.named) ?? PseudonymSalt.random()
            let pseudonymizer = Pseudonymizer(key: key, salt: salt)
            let options = ExportOptions(shape: shape, language: lang, filters: filter)
            let source = ExportSource(instrument: definition, occasions: occasions, responses: responses, ruleChoices: choices)
            let dataset = try DatasetBuilder(sources: [source], options: options, pseudonymizer: pseudonymizer).build()
            let outputPath = output ?? "kortlaeg-export.\(format == .ddi ? "codebook.xml" : format.rawValue)"
            let manifest = try ExportJob(.init(format: format, outputPath: outputPath, options: options,
                                               csvStyle: excelDanish ? .excelDanish : .plain,
                                               tool: "kortlaeg \(KortlaegCommand.configuration.version)"))
                .run(dataset: dataset, sources: [source], inputs: inputs, pseudonymizer: pseudonymizer)
            for file in manifest.files { Diagnostics.note("wrote \(file.name) (\(file.bytes) bytes)") }
            Diagnostics.note("rows: \(manifest.rows), variables: \(manifest.variables); ids: \(manifest.pseudonymisation.saltMode)"
                + (key.isEphemeral ? " with a one-off key (ids cannot be re-derived; use --key-file to keep them)" : ""))
        } catch let error as ExportError {
            Diagnostics.error(error.description)
            switch error {
            case .cannotWrite: throw KortlaegExit.cannotCreate
            default: throw KortlaegExit.dataError
            }
        }
    }
}

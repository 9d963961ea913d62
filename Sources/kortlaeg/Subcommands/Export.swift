import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReaders

extension ExportFormat: ExpressibleByArgument {}
extension ExportShape: ExpressibleByArgument {}

/// `kortlaeg export`: a pseudonymised dataset for SPSS, Stata, R or Excel, from a project store
/// (`--project`) or from score files (`--scores`).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export scores for researchers: SPSS .sav, Stata .dta, CSV or a DDI codebook, pseudonymised.",
        discussion: """
            With --project: every stored response (one block of variables per instrument; occasions \
            T1, F1, …, T2; change and RCI between the first and last), optionally only --instrument ID[@VERSION] \
            or --class C. Item answers with --items, free-text answers only with --free-text. The export is \
            recorded in the project's audit log with its manifest. Without --project: files written by \
            'kortlaeg score' (--scores FILE:OCCASION, one per occasion).

            Writes the data file, a DDI Codebook 2.5 (BASE.codebook.xml), a readable codebook \
            (BASE.codebook.md and .html) and a manifest with checksums (BASE.manifest.json). Ids are \
            replaced by pseudonyms (HMAC-SHA256 of a key and a salt): a new random salt per export, or a \
            stable one (--stable-salt NAME or --salt-file F) to keep ids equal across the exports of one \
            evaluation. With --project the key is derived from the project's own key; from score files it \
            is --key-file (needed for a stable salt). Wide: one row per child (pemotion_t1, pemotion_t2, \
            pemotion_band3_t1, pemotion_chg, pemotion_rci); long: one row per child, occasion and informant. \
            Bands are recomputed from the scores. A value shaped like a CPR number stops the export.

            Example:
              kortlaeg export --project aarhus-2026.kortlaeg --format sav --stable-salt evaluering-2026 --output evaluering.sav
              kortlaeg export --scores T1.csv:T1 --scores T2.csv:T2 --instrument sdq-p4-17 --id barn_id --format dta --key-file projekt.key
            """
    )

    @Option(name: .customLong("scores"), help: "A score file and its occasion: FILE[:OCCASION] (repeat; default occasions T1, T2, …).")
    var scores: [ScoreFileArgument] = []
    @Option(help: "With --scores: the score files' instrument (ID or ID@VERSION). With --project: export only this instrument (repeat).")
    var instrument: [String] = []
    @Option(name: .customLong("class"), help: "With --project: only the children of this class.") var className: String?
    @Option(help: "The id column of the score files (default: the first column).") var id: String?
    @Option(help: "sav, dta, csv or ddi (codebooks only).") var format: ExportFormat = .sav
    @Option(help: "wide (one row per child) or long (child × occasion × informant).") var shape: ExportShape = .wide
    @Flag(help: "With --project: include the item answers (with their value labels).") var items = false
    @Flag(name: .customLong("free-text"), help: "With --items: include free-text answers too (personal data).") var freeText = false
    @Option(name: .shortAndLong, help: "The data file to write (default: kortlaeg-export.FORMAT).") var output: String?
    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language of labels: da or en.") var lang: Language = .danish
    @Option(help: "Without --project: the project key file (at least 16 bytes; default: a random key for this export only).") var keyFile: String?
    @Option(help: "Read a stable salt from this file.") var saltFile: String?
    @Option(help: "Use a stable salt with this name, e.g. the evaluation's name.") var stableSalt: String?
    @Flag(name: .customLong("excel-da"), help: "CSV for Danish Excel: UTF-8 with BOM, ';', decimal comma.") var excelDanish = false
    @Option(help: "Without --project: the scoring rule variant of the score files, OPTION=CHOICE (recorded in the notes).") var rule: [String] = []
    @Option(help: "Without --project: describe a filter applied to the rows (recorded in the notes and manifest).") var filter: [String] = []
    @OptionGroup var project: ProjectOptions
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if saltFile != nil, stableSalt != nil { throw ValidationError("Use either --salt-file or --stable-salt, not both.") }
        if excelDanish, format != .csv { throw ValidationError("--excel-da applies to --format csv only.") }
        if freeText, !items { throw ValidationError("--free-text adds the free-text answers to the item answers: please give --items too.") }
        if project.path != nil {
            try validateProject()
        } else {
            try validateScoreFiles()
        }
    }

    private func validateProject() throws {
        if !scores.isEmpty {
            throw ValidationError("--scores reads score files; with --project the data come from the project. Please give one or the other.")
        }
        if id != nil || !rule.isEmpty || !filter.isEmpty {
            throw ValidationError("--id, --rule and --filter apply to score files. With --project the rule variants are those recorded in the project; narrow the export with --instrument or --class.")
        }
        if keyFile != nil {
            throw ValidationError("With --project the pseudonym key is derived from the project's own key; --key-file is for exports from score files.")
        }
        for text in [output ?? "", className ?? ""] + instrument where CPRNumber.containsCPR(text) {
            throw ValidationError("An option holds a CPR-shaped number; it would be written into the audit log. Please use another name.")
        }
    }

    private func validateScoreFiles() throws {
        if scores.isEmpty { throw ValidationError("Please give --project PATH, or at least one --scores FILE[:OCCASION].") }
        if instrument.count != 1 { throw ValidationError("Please give one --instrument for the score files, e.g. --instrument sdq-p4-17.") }
        if className != nil || items { throw ValidationError("--class and --items need --project (score files hold neither classes nor answers).") }
        if (saltFile != nil || stableSalt != nil), keyFile == nil {
            throw ValidationError("A stable salt needs the project key: add --key-file (without it every export gets a new random key).")
        }
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

    /// The output path as given, or `kortlaeg-export.FORMAT`.
    var outputPath: String { output ?? "kortlaeg-export.\(format == .ddi ? "codebook.xml" : format.rawValue)" }

    /// The salt: from --salt-file, --stable-salt, or a new random one.
    func salt() throws -> PseudonymSalt {
        try saltFile.map(PseudonymSalt.file) ?? stableSalt.map(PseudonymSalt.named) ?? PseudonymSalt.random()
    }

    func run() throws {
        if let path = project.path {
            try runProject(path)
            return
        }
        try ScoreFileArgument.requireExisting(scores)
        let definition = try instruments.resolve(instrument[0])
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
            let pseudonymizer = Pseudonymizer(key: key, salt: try salt())
            let options = ExportOptions(shape: shape, language: lang, filters: filter)
            let source = ExportSource(instrument: definition, occasions: occasions, responses: responses, ruleChoices: choices)
            let dataset = try DatasetBuilder(sources: [source], options: options, pseudonymizer: pseudonymizer).build()
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

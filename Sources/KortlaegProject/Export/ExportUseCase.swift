import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReaders

/// Exports scores for researchers: a pseudonymised SPSS, Stata or CSV file (or only codebooks),
/// the DDI, Markdown and HTML codebooks and a manifest with checksums, from a project store or
/// from score files.
///
/// Ids are replaced by pseudonyms (HMAC-SHA256 of a key and a salt). From a project the key is
/// derived from the project's own key and the export is recorded in its audit log with its
/// manifest; an export that cannot be recorded is removed again, so data never leave a project
/// unrecorded. A value shaped like a CPR number stops the export and leaves nothing behind.
public enum ExportUseCase {
    /// Writes the export.
    /// - Parameter sink: receives one "wrote FILE (N bytes)" per file and a summary line.
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for a request that cannot be carried out as
    ///   given (mixed instruments, repeated occasions, a stable salt without a key, a CPR-shaped
    ///   option), ``Severity/notFound`` for a missing score file, ``Severity/invalidInput`` for
    ///   unreadable input, mixed stored versions or rule variants, or a CPR-shaped value,
    ///   ``Severity/cannotWrite`` when a file or the audit entry cannot be written.
    public static func run(_ request: ExportRequest, sink: any ProgressSink) throws(KortlaegError) -> ExportResult {
        if request.includeFreeText, !request.includeItems {
            throw KortlaegError(.usage, "Free-text answers are exported with the item answers: please ask for the items too (--items).",
                                danish: "Fritekstsvar udtrækkes sammen med svarene på spørgsmålene: vælg også spørgsmålene.")
        }
        switch request.source {
        case let .project(location, instruments, className):
            return try fromProject(location, selection: StoreExportSource.Selection(instruments: instruments, className: className),
                                   request, sink: sink)
        case let .scoreFiles(files, idColumn, keyFile, ruleChoices, filters):
            return try fromScoreFiles(files, idColumn: idColumn, keyFile: keyFile, ruleChoices: ruleChoices, filters: filters,
                                      request, sink: sink)
        }
    }

    // MARK: - Score files

    private static func fromScoreFiles(_ files: [ScoreFileInput], idColumn: String?, keyFile: String?, ruleChoices: RuleChoices,
                                       filters: [String], _ request: ExportRequest, sink: any ProgressSink) throws(KortlaegError) -> ExportResult {
        guard let instrument = files.first?.instrument else {
            throw KortlaegError(.usage, "Please give at least one score file.", danish: "Angiv mindst én scorefil.")
        }
        if files.contains(where: { $0.instrument.reference != instrument.reference }) {
            throw KortlaegError(.usage, "The score files of one export must be of one instrument (got "
                                + Set(files.map(\.instrument.reference.description)).sorted().joined(separator: ", ") + ").",
                                danish: "Scorefilerne i ét udtræk skal være fra ét og samme instrument (fik "
                                + Set(files.map(\.instrument.reference.description)).sorted().joined(separator: ", ") + ").")
        }
        if request.includeItems {
            throw KortlaegError(.usage, "Score files hold no item answers; item answers are exported from a project (--project).",
                                danish: "Scorefiler indeholder ingen svar på spørgsmålene; svarene udtrækkes fra et projekt.")
        }
        if request.salt != .perExport, keyFile == nil {
            throw KortlaegError(.usage, "A stable salt needs the project key: add --key-file (without it every export gets a new random key).",
                                danish: "Et fast salt kræver projektets nøglefil (uden den får hvert udtræk en ny tilfældig nøgle).")
        }
        let fileOccasions = ScoreFileInput.occasions(files)
        // Several files may share an occasion (one per site): they are read as one. The occasions
        // in the order first given; two spellings of one occasion are refused.
        var occasions: [String] = []
        for occasion in fileOccasions where !occasions.contains(occasion) {
            if let other = occasions.first(where: { $0.lowercased() == occasion.lowercased() }) {
                throw KortlaegError(.usage, "Occasions '\(other)' and '\(occasion)' differ only in case; please write them alike.",
                                    danish: "Målingerne »\(other)« og »\(occasion)« adskiller sig kun ved store og små bogstaver; skriv dem ens.")
            }
            occasions.append(occasion)
        }
        for occasion in occasions where VariableName.problem("x_" + occasion) != nil || occasion.count > 8 {
            throw KortlaegError(.usage, "Occasion '\(occasion)' must be at most 8 letters, digits or _ (it becomes part of variable names).",
                                danish: "Målingen »\(occasion)« må højst have 8 bogstaver, cifre eller _ (den bliver en del af variabelnavnene).")
        }
        try ScoreFileInput.requireExisting(files)

        var responses: [ExportResponse] = []
        var inputs: [ExportManifest.Input] = []
        var covariateColumns: [String] = []
        var tagged: [String] = [], untagged: [String] = []
        for (file, occasion) in zip(files, fileOccasions) {
            let contents = try file.read(idColumn: idColumn)
            let covariates = ScoreFileCovariates(columns: contents.attributeColumns)
            for column in covariates.further where !covariateColumns.contains(column) { covariateColumns.append(column) }
            if contents.siteColumn == nil { untagged.append(file.path) } else { tagged.append(file.path) }
            var read: [ExportResponse] = []
            for row in contents.rows {
                guard !row.id.isEmpty else {
                    throw KortlaegError(.invalidInput, "\(file.path): row \(row.number) has an empty id.",
                                        danish: "\(file.path): række \(row.number) har et tomt id.")
                }
                // A child is known by site and id: the pseudonym is made from both.
                var response = ExportResponse(childID: row.childKey, occasion: occasion, scores: row.scores,
                                              attributes: covariates.attributes(of: row))
                response.covariates = covariates.furtherValues(of: row)
                read.append(response)
            }
            responses += read
            let checksum = try exporting { try FileChecksum.sha256(path: file.path) }
            inputs.append(ExportManifest.Input(name: (file.path as NSString).lastPathComponent, occasion: occasion,
                                               rows: read.count, sha256: checksum.hex))
        }
        if !tagged.isEmpty {
            sink.note("ids: site and id (site column in \(tagged.count) of \(files.count) files); the same id at two sites is two children")
            if !untagged.isEmpty {
                sink.warning("without a site column: \(untagged.joined(separator: ", ")); their ids carry no site and never match a tagged file's")
            }
        }
        let key = try exporting { try keyFile.map(PseudonymKey.file) ?? PseudonymKey.ephemeral() }
        let pseudonymizer = KortlaegExport.Pseudonymizer(key: key, salt: try salt(request.salt))
        let options = ExportOptions(shape: request.shape, language: request.language, filters: filters)
        var source = ExportSource(instrument: instrument, occasions: occasions, responses: responses, ruleChoices: ruleChoices.choices)
        source.covariateColumns = covariateColumns
        let rci = try ExportReliableChange(settings: request.reliableChange, sources: [source], language: request.language)
        let manifest = try exporting {
            var rciOptions = options
            rciOptions.notes += rci.notes
            let dataset = try DatasetBuilder(sources: [source], options: rciOptions, pseudonymizer: pseudonymizer,
                                             childReliableChange: rci.function).build()
            return try job(request, options: options).run(dataset: dataset, sources: [source], inputs: inputs, pseudonymizer: pseudonymizer)
        }
        noteFiles(manifest, sink: sink)
        sink.note("rows: \(manifest.rows), variables: \(manifest.variables); ids: \(manifest.pseudonymisation.saltMode)"
            + (key.isEphemeral ? " with a one-off key (ids cannot be re-derived; use --key-file to keep them)" : ""))
        return ExportResult(manifest: manifest, files: written(manifest, outputPath: request.outputPath, format: request.format), storedResponses: nil)
    }

    // MARK: - Shared

    static func job(_ request: ExportRequest, options: ExportOptions) -> ExportJob {
        var configuration = ExportJob.Configuration(format: request.format, outputPath: request.outputPath, options: options,
                                                    csvStyle: request.csvStyle, tool: request.tool)
        configuration.cells = request.raw ? .raw : .spreadsheet
        return ExportJob(configuration)
    }

    static func salt(_ salt: ExportRequest.Salt) throws(KortlaegError) -> PseudonymSalt {
        switch salt {
        case .perExport: return PseudonymSalt.random()
        case let .named(name): return PseudonymSalt.named(name)
        case let .file(path): return try exporting { try PseudonymSalt.file(path) }
        }
    }

    /// Every file of the export with its folder, the manifest last.
    static func written(_ manifest: ExportManifest, outputPath: String, format: KortlaegExport.ExportFormat) -> [String] {
        let manifestPath = ExportJob.manifestPath(for: outputPath, format: format)
        let folder = PathText.folder(of: manifestPath)
        return manifest.files.map { (folder as NSString).appendingPathComponent($0.name) } + [manifestPath]
    }

    static func noteFiles(_ manifest: ExportManifest, sink: any ProgressSink) {
        for file in manifest.files { sink.note("wrote \(file.name) (\(file.bytes) bytes)") }
    }

    /// Runs an export step, turning ``ExportError`` into the use case's error.
    static func exporting<T>(_ body: () throws -> T) throws(KortlaegError) -> T {
        do {
            return try body()
        } catch let error as ExportError {
            if case .cannotWrite = error { throw KortlaegError(.cannotWrite, error.description, danish: "Udtrækket kunne ikke skrives.") }
            throw KortlaegError(.invalidInput, error.description,
                                danish: "Udtrækket kunne ikke laves, fordi data ikke kan skrives i det valgte format.")
        } catch let error as KortlaegError {
            throw error
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Udtrækket kunne ikke laves.")
        }
    }
}

import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReports
import KortlaegStore

extension ExportUseCase {
    /// What the audit log keeps about an export: the manifest and the manifest file's checksum.
    struct AuditDetail: Encodable {
        var manifestFile: String
        var manifestSha256: String
        var manifest: ExportManifest
    }

    /// The purpose the export key is derived for (see ``ProjectStore/derivedKey(purpose:)``).
    static let keyPurpose = "export-pseudonyms"

    /// Every stored response, pseudonymised once more, recorded in the project's audit log with
    /// its manifest.
    static func fromProject(_ location: String, selection: StoreExportSource.Selection, _ request: ExportRequest,
                            sink: any ProgressSink) throws(KortlaegError) -> ExportResult {
        // Option values go into the audit log, which never holds a CPR number.
        if ([request.output ?? "", selection.className ?? ""] + selection.instruments).contains(where: CPRNumber.containsCPR) {
            throw KortlaegError(.usage, "An option holds a CPR-shaped number; it would be written into the audit log. Please use another name.",
                                danish: "Et valg indeholder et tal, der ligner et CPR-nummer; det ville blive skrevet i revisionsloggen. Brug et andet navn.")
        }
        return try fromProject(try ProjectLocation.open(location), file: (location as NSString).lastPathComponent, selection: selection,
                               request, sink: sink)
    }

    /// The export from an open store; `file` names it in the manifest and the notes.
    static func fromProject(_ store: any ProjectStore, file: String, selection: StoreExportSource.Selection, _ request: ExportRequest,
                            sink: any ProgressSink) throws(KortlaegError) -> ExportResult {
        let info: ProjectInfo
        let derivedKey: [UInt8]
        do {
            info = try store.project()
            derivedKey = try store.derivedKey(purpose: keyPurpose)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets nøgle kunne ikke læses.")
        }
        var selection = selection
        selection.includeAnswers = request.includeItems || request.reliableChange.reliabilityFromSample
        let loaded = try StoreExportSource.load(from: store, catalog: request.catalog, selection: selection)
        let pseudonymizer = KortlaegExport.Pseudonymizer(key: try exporting { try PseudonymKey(bytes: derivedKey) },
                                                         salt: try salt(request.salt))
        let project = ExportManifest.Project(file: file, municipality: info.municipality,
                                             interventionModel: info.interventionModel, toolVersion: info.toolVersion,
                                             responses: loaded.responses)
        let options = ExportOptions(shape: request.shape, language: request.language, includeItems: request.includeItems,
                                    includePersonalData: request.includeFreeText, filters: selection.descriptions,
                                    notes: notes(project, unverified: loaded.unverifiedIncluded, language: request.language))
        let rci = try ExportReliableChange(settings: request.reliableChange, sources: loaded.sources, language: request.language)
        let manifest = try exporting {
            var rciOptions = options
            rciOptions.notes += rci.notes
            let dataset = try DatasetBuilder(sources: loaded.sources, options: rciOptions, pseudonymizer: pseudonymizer,
                                             childReliableChange: rci.function).build()
            return try job(request, options: options).run(dataset: dataset, sources: loaded.sources, inputs: [], project: project,
                                                          pseudonymizer: pseudonymizer)
        }
        let files = written(manifest, outputPath: request.outputPath, format: request.format)
        try record(manifest, files: files, request: request, store: store)
        noteFiles(manifest, sink: sink)
        sink.note("rows: \(manifest.rows), variables: \(manifest.variables), from \(loaded.responses) stored responses; "
            + "ids: \(manifest.pseudonymisation.saltMode); recorded in the project's audit log")
        return ExportResult(manifest: manifest, files: files, storedResponses: loaded.responses)
    }

    /// Appends the export to the audit log, with the manifest and its checksum; removes every file
    /// of the export when it cannot be recorded.
    private static func record(_ manifest: ExportManifest, files: [String], request: ExportRequest,
                               store: any ProjectStore) throws(KortlaegError) {
        let manifestPath = ExportJob.manifestPath(for: request.outputPath, format: request.format)
        let manifestName = (manifestPath as NSString).lastPathComponent
        let summary: String
        let detail: String
        do {
            let checksum = try FileChecksum.sha256(path: manifestPath)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            detail = String(decoding: try encoder.encode(AuditDetail(manifestFile: manifestName, manifestSha256: checksum.hex, manifest: manifest)),
                            as: UTF8.self)
            let data = (manifest.files.first { $0.role == "data" } ?? manifest.files.first { $0.role == "codebook-ddi" })?.name ?? manifestName
            summary = "export \(manifest.format) \(manifest.shape): \(manifest.rows) rows, \(manifest.variables) variables"
                + (manifest.filters.isEmpty ? "" : " (\(manifest.filters.joined(separator: ", ")))")
                + " to \(data); manifest \(manifestName) sha256 \(checksum.hex)"
        } catch {
            for file in files { try? FileManager.default.removeItem(atPath: file) }
            throw KortlaegError(.cannotWrite, "The export could not be recorded in the project's audit log (\(error)); its files were removed.",
                                danish: "Udtrækket kunne ikke skrives i projektets revisionslog; dets filer er derfor slettet igen.")
        }
        try AuditedOutput.record(files, what: .export, in: store, action: .export, summary: summary, detail: detail,
                                 operator: request.operator)
    }

    /// Notes on where the data came from, for the file and the codebooks.
    private static func notes(_ project: ExportManifest.Project, unverified: [String], language: Language) -> [String] {
        let about = [project.municipality, project.interventionModel,
                     project.toolVersion.map { Phrasebook.Export.toolVersion($0)(language) }].compactMap { $0 }
        return [Phrasebook.Export.projectNote(file: project.file, about: about, responses: project.responses)(language)]
            + unverified.map { Phrasebook.Export.unverifiedIncluded($0)(language) }
    }
}

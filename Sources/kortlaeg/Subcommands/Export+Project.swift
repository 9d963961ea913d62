import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegStore
import KortlaegStoreSQLite

/// `kortlaeg export --project`: every stored response, pseudonymised once more, recorded in the
/// project's audit log with its manifest.
extension Export {
    /// What the audit log keeps about an export: the manifest and the manifest file's checksum.
    struct AuditDetail: Encodable {
        var manifestFile: String
        var manifestSha256: String
        var manifest: ExportManifest
    }

    /// The purpose the export key is derived for (see ``ProjectStore/derivedKey(purpose:)``).
    static let keyPurpose = "export-pseudonyms"

    func runProject(_ path: String) throws {
        let store = try ProjectStoreOpening.open(path)
        let catalog = try instruments.catalog()
        let selection = StoreExportSource.Selection(instruments: instrument, className: className)
        do {
            let info = try store.project()
            let loaded = try StoreExportSource.load(from: store, catalog: catalog, selection: selection)
            let pseudonymizer = Pseudonymizer(key: try PseudonymKey(bytes: try store.derivedKey(purpose: Self.keyPurpose)),
                                              salt: try salt())
            let project = ExportManifest.Project(file: (path as NSString).lastPathComponent, municipality: info.municipality,
                                                 interventionModel: info.interventionModel, toolVersion: info.toolVersion,
                                                 responses: loaded.responses)
            let options = ExportOptions(shape: shape, language: lang, includeItems: items, includePersonalData: freeText,
                                        filters: selection.descriptions, notes: notes(project, unverified: loaded.unverifiedIncluded))
            let dataset = try DatasetBuilder(sources: loaded.sources, options: options, pseudonymizer: pseudonymizer).build()
            let manifest = try ExportJob(.init(format: format, outputPath: outputPath, options: options,
                                               csvStyle: excelDanish ? .excelDanish : .plain,
                                               tool: "kortlaeg \(KortlaegCommand.configuration.version)"))
                .run(dataset: dataset, sources: loaded.sources, inputs: [], project: project, pseudonymizer: pseudonymizer)
            try recordInAuditLog(manifest, store: store)
            for file in manifest.files { Diagnostics.note("wrote \(file.name) (\(file.bytes) bytes)") }
            Diagnostics.note("rows: \(manifest.rows), variables: \(manifest.variables), from \(loaded.responses) stored responses; "
                + "ids: \(manifest.pseudonymisation.saltMode); recorded in the project's audit log")
        } catch let error as ExportError {
            Diagnostics.error(error.description)
            if case .cannotWrite = error { throw KortlaegExit.cannotCreate }
            throw KortlaegExit.dataError
        } catch let problem as StoreExportSource.Problem {
            Diagnostics.error(problem.description)
            throw KortlaegExit.dataError
        } catch let error as StoreError {
            Diagnostics.error(error.description)
            throw KortlaegExit.dataError
        }
    }

    /// Appends the export to the audit log. An export that cannot be recorded is removed again:
    /// data never leave a project unrecorded.
    private func recordInAuditLog(_ manifest: ExportManifest, store: any ProjectStore) throws {
        let manifestPath = ExportJob.manifestPath(for: outputPath)
        let folder = (manifestPath as NSString).deletingLastPathComponent
        let written = manifest.files.map { (folder as NSString).appendingPathComponent($0.name) } + [manifestPath]
        do {
            let checksum = try FileChecksum.sha256(path: manifestPath)
            let manifestName = (manifestPath as NSString).lastPathComponent
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let detail = try encoder.encode(AuditDetail(manifestFile: manifestName, manifestSha256: checksum.hex, manifest: manifest))
            let data = (manifest.files.first { $0.role == "data" } ?? manifest.files.first { $0.role == "codebook-ddi" })?.name ?? manifestName
            let summary = "export \(manifest.format) \(manifest.shape): \(manifest.rows) rows, \(manifest.variables) variables"
                + (manifest.filters.isEmpty ? "" : " (\(manifest.filters.joined(separator: ", ")))")
                + " to \(data); manifest \(manifestName) sha256 \(checksum.hex)"
            try store.recordAudit(action: .export, summary: summary, detail: String(decoding: detail, as: UTF8.self),
                                  operator: operatorOption.resolved)
        } catch {
            for file in written { try? FileManager.default.removeItem(atPath: file) }
            Diagnostics.error("The export could not be recorded in the project's audit log (\(error)); its files were removed.")
            throw KortlaegExit.cannotCreate
        }
    }

    /// Notes on where the data came from, for the file and the codebooks.
    private func notes(_ project: ExportManifest.Project, unverified: [String]) -> [String] {
        let da = lang == .danish
        let about = [project.municipality, project.interventionModel,
                     project.toolVersion.map { (da ? "kortlægningsværktøj " : "mapping tool ") + $0 }].compactMap { $0 }
        var notes = [(da ? "Data: Kortlæg-projekt " : "Data: Kortlæg project ") + project.file
            + (about.isEmpty ? "" : " (" + about.joined(separator: ", ") + ")")
            + (da ? "; \(project.responses) besvarelser." : "; \(project.responses) responses.")]
        for reference in unverified {
            notes.append(da ? "\(reference): ikke-verificerede scorer er medtaget for nogle besvarelser (--include-unverified ved import)."
                            : "\(reference): scores marked unverified are included for some responses (--include-unverified at import).")
        }
        return notes
    }
}

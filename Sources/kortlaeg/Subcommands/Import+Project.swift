import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite

// MARK: - kortlaeg import --project

extension Import {
    /// Imports every file into the project store through the same readers and mapping profiles
    /// as the stateless import: one transaction per file, re-imports are no-ops, conflicts refuse
    /// the file (exit 4) unless `--replace`. The worst outcome decides the exit code.
    func runProject(_ path: String, job: ImportJob, chosen: MappingProfile?, catalog: InstrumentCatalog) throws {
        let store = try ProjectStoreOpening.open(path)
        var job = job
        job.readsChildAttributes = true
        let options = projectImport.importOptions(instruments: catalog, dryRun: dryRun)
        let rejectsPath = dryRun ? nil : rejects
        let report = ImportRejects(path: rejectsPath)
        var worst = ExitCode.success
        var rejected = false
        for file in files {
            let code = try importIntoProject(file, store: store, job: job, chosen: chosen, options: options, report: report)
            if code == KortlaegExit.rowsRejected { rejected = true }
            worst = ProjectImportStatus.worse(worst, code)
        }
        do { try report.finish() } catch {
            Diagnostics.error("cannot write \(rejectsPath ?? ""): \(error)")
            throw KortlaegExit.cannotCreate
        }
        if dryRun { Diagnostics.note("dry run: nothing stored in \(path)") }
        if rejected, let rejectsPath { Diagnostics.note("rejected records are listed in \(rejectsPath)") }
        if worst != .success { throw worst }
    }

    /// Imports one file as one transaction and reports what happened.
    private func importIntoProject(_ file: String, store: SQLiteProjectStore, job: ImportJob, chosen: MappingProfile?,
                                   options: ImportOptions, report: ImportRejects) throws -> ExitCode {
        let sha256: String
        do { sha256 = try FileDigest.sha256(path: file) } catch {
            Diagnostics.error("\(file): cannot be read (\(error.localizedDescription)).")
            return KortlaegExit.noInput
        }
        let fallback = projectImport.occasion.flatMap(Occasion.init)
        var result: ImportFileReport?
        let outcome: ImportOutcome
        do {
            let batch = ImportBatch(fileName: file, sha256: sha256, profile: chosen?.id ?? "recognised")
            outcome = try store.importFile(batch, options: options) { sink in
                func reject(_ rejection: MappingRejection) throws {
                    do { try report.add(rejection) } catch {
                        throw ProjectImportError.rejectsReport("cannot write \(rejects ?? "the rejects report"): \(error)")
                    }
                    try sink.reject(ImportReject(rejection))
                }
                let fileReport = try job.run(file: file, accept: { mapped, _ in
                    do { try sink.add(StoredResponseInput(mapped, occasion: fallback)) } catch let rejection as MappingRejection {
                        try reject(rejection)
                    }
                }, reject: reject, progress: { Diagnostics.progress("\(file): \($0) records read") })
                Diagnostics.endProgress()
                result = fileReport
                if let profile = fileReport.profile { sink.useProfile(profile) }
                if let failure = fileReport.failure { throw ProjectImportError.unreadable(failure) }
            }
        } catch let error as ProjectImportError {
            if let result { describe(result, chosen: chosen) }
            Diagnostics.error(error.description)
            switch error {
            case .noOccasion: return ExitCode.validationFailure
            case .rejectsReport: throw KortlaegExit.cannotCreate
            case .unreadable:
                Diagnostics.note("\(file): not imported; records read before the problem: \(result?.read ?? 0)")
                return KortlaegExit.dataError
            }
        } catch {
            Diagnostics.error("\(file): \(error) Nothing from \(file) was imported.")
            if case StoreError.scoringOptions = error { return ExitCode.validationFailure }
            return KortlaegExit.dataError
        }
        if let result { describe(result, chosen: chosen) }
        let name = dryRun ? "\(file) (dry run, nothing stored)" : file
        switch outcome {
        case let .alreadyImported(fileName, importedAt):
            Diagnostics.note("\(file): already imported, nothing changed (same SHA-256 as \(fileName), imported \(importedAt)).")
            return .success
        case let .conflicts(conflicts, counts):
            Diagnostics.error("\(name): \(conflicts.count) responses were already delivered by another file; nothing from this file was imported (\(counts.accepted) other records were fine).")
            for conflict in conflicts.prefix(20) {
                Diagnostics.note("  row \(conflict.row): \(conflict.instrument) \(conflict.occasion) \(conflict.informant) (child \(conflict.pseudonym.prefix(12))): already from \(conflict.existingFile)")
            }
            if conflicts.count > 20 { Diagnostics.note("  … and \(conflicts.count - 20) more") }
            Diagnostics.note("Use --replace to replace them (the replaced responses stay in the audit log).")
            return KortlaegExit.conflict
        case let .imported(counts):
            var line = "\(name): records read \(result?.read ?? 0), responses stored \(counts.accepted), new children \(counts.newChildren), problems \(counts.rejected), without answers \(result?.empty ?? 0)"
            if counts.replaced > 0 { line += ", \(counts.replaced) responses replaced" }
            Diagnostics.note(line)
            if counts.rejected > 0, !dryRun { Diagnostics.note("\(file): the problems are kept with the import in the project.") }
            return counts.rejected > 0 ? KortlaegExit.rowsRejected : .success
        }
    }
}

/// The exit code of several files: failure > conflict > rows rejected > success.
enum ProjectImportStatus {
    static func worse(_ first: ExitCode, _ second: ExitCode) -> ExitCode {
        rank(second) > rank(first) ? second : first
    }

    private static func rank(_ code: ExitCode) -> Int {
        switch code {
        case .success: 0
        case KortlaegExit.rowsRejected: 1
        case KortlaegExit.conflict: 2
        default: 3
        }
    }
}

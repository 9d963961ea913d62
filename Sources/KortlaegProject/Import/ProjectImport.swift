import Foundation
import KortlaegDomain
import KortlaegReaders

/// Imports questionnaire files into a project store (`kortlaeg import --project`), through the
/// same readers and mapping profiles as ``ImportFiles``.
///
/// Each file is one transaction: all of its accepted responses (scored) and its problems are
/// stored, or nothing is. The same file (SHA-256) is imported once; a second run changes nothing.
/// A file that re-delivers responses another file delivered is refused as a conflict unless
/// ``Request/replace``. Child ids are stored only as pseudonyms and never reported. What happens
/// to each file is reported through the sink as it happens.
public enum ProjectImport {
    /// What to import into which project.
    public struct Request {
        /// The project, as given with `--project`.
        public var project: String
        /// The files to import.
        public var files: [String]
        /// The instrument definitions the responses are scored with.
        public var instruments: InstrumentCatalog
        /// The folder of mapping profiles (`Instruments/profiles`).
        public var profilesDirectory: String
        /// A mapping profile: an id in ``profilesDirectory`` or a profile file (nil: chosen per file).
        public var profile: String?
        /// A mapping profile as a value (the web application's import wizard makes one); wins over ``profile``.
        public var mappingProfile: MappingProfile?
        /// The instrument as `ID` or `ID@VERSION`, overriding the profile's.
        public var instrument: String?
        /// The child-id column (`--id`), overriding the profile's and the automatic choice.
        public var idColumn: String?
        /// `--missing-codes`: values read as missing answers in every item field.
        public var missingCodes: [MissingCode] = []
        /// `--column ATTRIBUTE=HEADER`: where class, school, sex, birthYear, birthMonth, birthDate,
        /// date or occasion is.
        public var columns: [String: String] = [:]
        /// `--sheet NAME`: the sheet of an Excel workbook (nil: the first).
        public var sheet: String?
        /// The occasion of records that name none (nil: such a file is refused whole).
        public var occasion: Occasion?
        /// Rule choices and opt-ins for the stored scores.
        public var scoring = ScoringOptions()
        /// Replace responses another file delivered (the old ones stay in the audit log).
        public var replace = false
        /// Check and count everything, store nothing.
        public var dryRun = false
        /// Also write the problems to this CSV file (nil: they go through the sink).
        public var rejects: String?
        /// Who imports, for the audit log.
        public var `operator`: String
        /// `--site NAME`: the site (municipality) of every record, over a site column in the file.
        /// The site is part of the child's identity (docs/decisions/sites.md).
        public var site: String?

        /// Creates a request; the remaining properties have their defaults.
        public init(project: String, files: [String], instruments: InstrumentCatalog, profilesDirectory: String,
                    operator: String) {
            self.project = project
            self.files = files
            self.instruments = instruments
            self.profilesDirectory = profilesDirectory
            self.operator = `operator`
        }
    }

    /// What the store did with one file.
    public enum Outcome: Sendable {
        /// Stored (with ``Request/dryRun``: would have been), with the counts.
        case stored(ImportCounts)
        /// A file with the same SHA-256 was imported before; nothing changed.
        case alreadyImported(fileName: String, importedAt: String)
        /// Responses other files delivered; nothing from this file was stored.
        case conflicts([ImportConflict], counts: ImportCounts)
        /// The file could not be imported at all (unreadable, no occasion, scoring options).
        case failed(KortlaegError)
    }

    /// What became of one file.
    public struct FileResult: Sendable {
        /// The file.
        public var file: String
        /// How it was read, when it was read.
        public var summary: ImportFileSummary?
        /// What the store did with it.
        public var outcome: Outcome
        /// ``Severity/rowsRejected`` when problems were stored with it, ``Severity/conflict`` for
        /// conflicts, the failure's severity, else ``Severity/success``.
        public var severity: Severity
        /// The file's first problems (at most ``problemLimit``; CPR-shaped values dropped), for a
        /// front end that words them itself; all of them went to the sink or the rejects report.
        public var problems: [MappingRejection] = []
    }

    /// The number of problems kept per file in ``FileResult/problems``.
    public static let problemLimit = 200

    /// What the import did.
    public struct Result: Sendable {
        /// One entry per file, in order.
        public var files: [FileResult]
        /// The rejects report, when problems were written to a file.
        public var rejectsPath: String?
        /// The worst of the files' severities.
        public var severity: Severity
    }

    /// Imports `request.files` into the project, one transaction per file.
    /// - Returns: per-file outcomes and the worst severity.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when a file or the project does not
    ///   exist, ``Severity/usage`` when the profile is unknown, ``Severity/invalidInput`` when
    ///   the project cannot be opened, ``Severity/cannotWrite`` when the rejects report cannot be
    ///   written (the file being imported is then rolled back).
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        var setup = try ImportSetup(files: request.files, instruments: request.instruments,
                                    profilesDirectory: request.profilesDirectory, profile: request.profile,
                                    instrument: request.instrument, idColumn: request.idColumn,
                                    missingCodes: request.missingCodes, columns: request.columns,
                                    sheet: request.sheet, mappingProfile: request.mappingProfile)
        setup.job.readsChildAttributes = true
        if let site = request.site {
            if let problem = SiteName.problem(site) { throw KortlaegError(.usage, "--site '\(site)': \(problem).") }
            if CPRNumber.containsCPR(site) { throw KortlaegError(.usage, "--site: \(CPRGuard.Refusal(what: "site name")).") }
            sink.note("site: '\(SiteName.display(site)!)' for every record (--site); the site is part of each child's identity")
        }
        let store = try ProjectLocation.open(request.project)
        let options = ImportOptions(instruments: request.instruments, scoring: request.scoring, replace: request.replace,
                                    dryRun: request.dryRun, operator: request.operator)
        let rejectsPath = request.dryRun ? nil : request.rejects
        let rejects = ImportRejectsReport(path: rejectsPath, sink: sink)

        var files: [FileResult] = []
        var severity = Severity.success
        for file in request.files {
            let result: FileResult
            do {
                result = try importFile(file, into: store, setup: setup, options: options, request: request,
                                        rejects: rejects, sink: sink)
            } catch {
                rejects.discard()
                throw error
            }
            var kept = result
            kept.problems = rejects.takeKept()
            files.append(kept)
            severity = severity.worse(result.severity)
        }
        do { try rejects.finish() } catch {
            throw KortlaegError(.cannotWrite, "cannot write \(rejectsPath ?? ""): \(error)")
        }
        if request.dryRun { sink.note("dry run: nothing stored in \(request.project)") }
        if files.contains(where: { $0.severity == .rowsRejected }), let rejectsPath {
            sink.note("rejected records are listed in \(rejectsPath)")
        }
        return Result(files: files, rejectsPath: rejects.count > 0 ? rejectsPath : nil, severity: severity)
    }

    /// Imports one file as one transaction and reports what happened.
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite`` when the rejects report cannot
    ///   be written; every other problem is the file's outcome.
    private static func importFile(_ file: String, into store: any ProjectStore, setup: ImportSetup,
                                   options: ImportOptions, request: Request, rejects: ImportRejectsReport,
                                   sink: any ProgressSink) throws(KortlaegError) -> FileResult {
        func failed(_ severity: Severity, _ message: String, summary: ImportFileSummary? = nil) -> FileResult {
            sink.error(message)
            return FileResult(file: file, summary: summary, outcome: .failed(KortlaegError(severity, message)), severity: severity)
        }
        if CPRNumber.containsCPR(file) {
            // The file name would go into the store and every message: refuse it before reading.
            return failed(.invalidInput, "\(CPRGuard.masked(file)): \(CPRGuard.Refusal(what: "file name")). Rename the file and import it again; nothing was imported.")
        }
        let sha256: String
        do { sha256 = try FileDigest.sha256(path: file) } catch {
            return failed(.notFound, "\(file): cannot be read (\(error.localizedDescription)).")
        }
        var report: ImportFileReport?
        var announced: Int?
        let outcome: ImportOutcome
        do {
            let batch = ImportBatch(fileName: file, sha256: sha256, profile: setup.chosen?.id ?? "recognised")
            outcome = try store.importFile(batch, options: options) { stored in
                func toRejects(_ rejection: MappingRejection) throws {
                    do { try rejects.add(rejection) } catch {
                        throw ProjectImportError.rejectsReport("cannot write \(request.rejects ?? "the rejects report"): \(error)")
                    }
                }
                func reject(_ rejection: MappingRejection) throws {
                    try toRejects(rejection)
                    try stored.reject(ImportReject(rejection))
                }
                // Pseudonym, scores and stored answers are worked out on the reading thread while
                // the storing one is busy, else left to it (ResponsePreparer.prepare(_:complete:)).
                let preparer = stored.preparer()
                let occasion = request.occasion, site = request.site
                let read = try setup.job.run(file: file, prepare: { mapped, _, storingIsBusy in
                    Swift.Result { () throws in
                        var input = try StoredResponseInput(mapped, occasion: occasion)
                        if let site { input.attributes.site = SiteName.display(site) }
                        return preparer.prepare(input, complete: storingIsBusy)
                    }
                }, accept: { mapped, _, prepared in
                    do {
                        // The store's own refusals (in-file duplicates) reach stderr and the rejects file too.
                        if let refused = try stored.add(prepared.get()) {
                            try toRejects(MappingRejection(refused, file: file, location: mapped.location))
                        }
                    } catch let rejection as MappingRejection {
                        try reject(rejection)
                    }
                }, reject: reject, detected: { announced = setup.summary($0).announce(to: sink) },
                progress: { sink.progress(ProgressUpdate(subject: file, $0)) })
                sink.endProgress()
                report = read
                if let profile = read.profile { stored.useProfile(profile) }
                if let failure = read.failure { throw ProjectImportError.unreadable(failure) }
                if read.accepted == 0 && read.rejected == 0 {
                    throw ProjectImportError.unreadable(NothingImported.message(file: file, report: read))
                }
            }
        } catch let error as ProjectImportError {
            sink.endProgress()
            let summary = report.map(setup.summary)
            summary?.describe(to: sink, announced: announced)
            switch error {
            case .rejectsReport:
                throw KortlaegError(.cannotWrite, error.description)
            case .noOccasion:
                return failed(.usage, error.description, summary: summary)
            case .unreadable:
                let result = failed(.invalidInput, error.description, summary: summary)
                sink.note("\(file): not imported; records read before the problem: \(report?.read ?? 0)")
                return result
            }
        } catch {
            sink.endProgress()
            let summary = report.map(setup.summary)
            summary?.describe(to: sink, announced: announced)
            switch error as? StoreError {
            case .cannotWrite?, .busy?:
                // The whole store refuses writing: no later file could be imported either.
                rejects.discard()
                throw KortlaegError(.cannotWrite, "\(error) Nothing from \(file) was imported.")
            case .damaged?:
                rejects.discard()
                throw KortlaegError(.invalidInput, "\(error)")
            default: break
            }
            if case StoreError.scoringOptions = error {
                return failed(.usage, "\(file): \(error) Nothing from \(file) was imported.", summary: summary)
            }
            return failed(.invalidInput, "\(file): \(error) Nothing from \(file) was imported.", summary: summary)
        }
        let summary = report.map(setup.summary)
        summary?.describe(to: sink, announced: announced)
        let name = request.dryRun ? "\(file) (dry run, nothing stored)" : file
        switch outcome {
        case let .alreadyImported(fileName, importedAt):
            sink.note("\(file): already imported, nothing changed (same SHA-256 as \(fileName), imported \(importedAt)).")
            return FileResult(file: file, summary: summary, outcome: .alreadyImported(fileName: fileName, importedAt: importedAt),
                              severity: .success)
        case let .conflicts(conflicts, counts):
            let total = max(counts.conflicts, conflicts.count)
            sink.error("\(name): \(total) responses were already delivered by another file with other answers; nothing from this file was imported (\(counts.accepted) other records were fine\(counts.unchanged > 0 ? ", \(counts.unchanged) identical to the stored ones" : "")).")
            for conflict in conflicts.prefix(20) {
                sink.note("  row \(conflict.row): \(conflict.instrument) \(conflict.occasion) \(conflict.informant) (child \(conflict.pseudonym.prefix(12))): already from \(conflict.existingFile)"
                          + (conflict.onlyMissingReasonsDiffer ? " (same answers; only the reasons of missing answers differ)" : ""))
            }
            if total > 20 { sink.note("  … and \(total - 20) more") }
            sink.note("Use --replace to replace them (the replaced responses stay in the audit log).")
            return FileResult(file: file, summary: summary, outcome: .conflicts(conflicts, counts: counts), severity: .conflict)
        case let .imported(counts):
            var line = "\(name): records read \(report?.read ?? 0), responses stored \(counts.accepted), new children \(counts.newChildren), problems \(counts.rejected), without answers \(report?.empty ?? 0)"
            if counts.replaced > 0 { line += ", \(counts.replaced) responses replaced" }
            if counts.unchanged > 0 { line += ", unchanged \(counts.unchanged) (identical to the responses an earlier file delivered)" }
            sink.note(line)
            if counts.rejected > 0, !request.dryRun { sink.note("\(file): the problems are kept with the import in the project.") }
            return FileResult(file: file, summary: summary, outcome: .stored(counts),
                              severity: counts.rejected > 0 ? .rowsRejected : .success)
        }
    }
}

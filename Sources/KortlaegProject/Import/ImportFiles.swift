import KortlaegReaders

/// Imports questionnaire files (ODM, REDCap, FHIR, SurveyXact, CSV) as validated responses into
/// one output file (`kortlaeg import --output`): long CSV, one line per answer, or with
/// ``Request/score`` one line of scores per response.
///
/// Each file is recognised from its structure unless a mapping profile is named. A file that
/// cannot be read fails alone: its rows are not written and the other files are imported.
/// Every rejected record's problems go to the rejects report. What happens to each file is
/// reported through the sink as it happens.
public enum ImportFiles {
    /// What to import and where to.
    public struct Request {
        /// The files to import.
        public var files: [String]
        /// The instrument definitions.
        public var instruments: InstrumentCatalog
        /// The folder of mapping profiles (`Instruments/profiles`).
        public var profilesDirectory: String
        /// A mapping profile: an id in ``profilesDirectory`` or a profile file (nil: chosen per file).
        public var profile: String?
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
        /// The output file (nil: nothing is written, as in a dry run).
        public var output: String?
        /// The rejects report (nil: `OUTPUT-rejects.csv` next to the output).
        public var rejects: String?
        /// Validate and report only; write nothing (the problems go through the sink).
        public var dryRun = false
        /// Score the responses and write one row of scores per response (all files must be for
        /// one instrument).
        public var score = false
        /// The language of the band labels with ``score``.
        public var language: Language = .english
        /// Write cells as they are; by default a cell a spreadsheet would run as a formula
        /// (`=`, `+`, `-`, `@`, TAB, CR) gets a leading `'` (see ``CSVCellPolicy``).
        public var raw = false

        /// Creates a request; the remaining properties have their defaults.
        public init(files: [String], instruments: InstrumentCatalog, profilesDirectory: String, output: String?) {
            self.files = files
            self.instruments = instruments
            self.profilesDirectory = profilesDirectory
            self.output = output
        }
    }

    /// What became of one file.
    public struct FileResult: Hashable, Sendable {
        /// How it was read.
        public var summary: ImportFileSummary
        /// Why it failed as a whole, if it did (its rows were not written).
        public var failure: String?
        /// ``Severity/invalidInput`` when it failed, ``Severity/rowsRejected`` when records were
        /// rejected, else ``Severity/success``.
        public var severity: Severity
    }

    /// What the import did.
    public struct Result: Hashable, Sendable {
        /// One entry per file, in order.
        public var files: [FileResult]
        /// The rejects report, when problems were written to a file.
        public var rejectsPath: String?
        /// The worst of the files' severities.
        public var severity: Severity
    }

    /// Imports `request.files`.
    /// - Returns: per-file outcomes and the worst severity.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when a file does not exist,
    ///   ``Severity/usage`` when the profile is unknown, ``Severity/cannotWrite`` when the output
    ///   or the rejects report cannot be written (nothing is left behind then).
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        let setup = try ImportSetup(files: request.files, instruments: request.instruments,
                                    profilesDirectory: request.profilesDirectory, profile: request.profile,
                                    instrument: request.instrument, idColumn: request.idColumn,
                                    missingCodes: request.missingCodes, columns: request.columns,
                                    sheet: request.sheet)
        let output = ImportOutput(path: request.dryRun ? nil : request.output, score: request.score, language: request.language,
                                  cells: request.raw ? .raw : .spreadsheet)
        let rejectsPath = request.dryRun ? nil : (request.rejects ?? request.output.map(RejectsFile.defaultPath))
        let rejects = ImportRejectsReport(path: rejectsPath, sink: sink)
        func abandon(_ message: String) -> KortlaegError {
            sink.endProgress()
            output.abandon()
            rejects.discard()
            return KortlaegError(.cannotWrite, message)
        }

        var files: [FileResult] = []
        var severity = Severity.success
        for file in request.files {
            let report: ImportFileReport
            var announced: Int?
            do {
                try output.beginFile()
                report = try setup.job.run(
                    file: file, accept: { try output.write($0, instrument: $1) }, reject: { try rejects.add($0) },
                    detected: { announced = setup.summary($0).announce(to: sink) },
                    instrumentChosen: { try output.prepare(for: $0, file: file) },
                    progress: { sink.progress(ProgressUpdate(subject: file, $0)) })
                sink.endProgress()
            } catch {
                throw abandon("\(error)")
            }
            let summary = setup.summary(report)
            summary.describe(to: sink, announced: announced)
            let outcome: FileResult
            if let failure = report.failure {
                output.discardFile()
                sink.error(failure)
                sink.note("\(file): not imported; records read before the problem: \(report.read)")
                outcome = FileResult(summary: summary, failure: failure, severity: .invalidInput)
            } else {
                do { try output.commitFile() } catch {
                    throw abandon("cannot write \(request.output ?? ""): \(error)")
                }
                sink.note("\(file): records read \(report.read), accepted \(report.accepted), rejected \(report.rejected), without answers \(report.empty)")
                if report.accepted == 0 && report.rejected == 0 {
                    let message = NothingImported.message(file: file, report: report)
                    sink.error(message)
                    outcome = FileResult(summary: summary, failure: message, severity: .invalidInput)
                } else {
                    outcome = FileResult(summary: summary, failure: nil, severity: report.rejected > 0 ? .rowsRejected : .success)
                }
            }
            files.append(outcome)
            severity = severity.worse(outcome.severity)
        }
        let replaced = output.replacesOutput
        do {
            try output.finish()
            try rejects.finish()
        } catch {
            throw abandon("\(error)")
        }
        if let path = request.output, !request.dryRun, !replaced {
            sink.note("\(path): not written, no file was imported (an existing \(path) was left as it was)")
        }
        if request.dryRun { sink.note("dry run: nothing written") }
        let rejected = files.contains { $0.failure == nil && $0.summary.rejected > 0 }
        if rejected, let rejectsPath { sink.note("rejected records are listed in \(rejectsPath)") }
        return Result(files: files, rejectsPath: rejects.count > 0 ? rejectsPath : nil, severity: severity)
    }
}

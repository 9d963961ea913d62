import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegStore

/// Stores trivselsmåling results files in a project (`kortlaeg trivsel FILE --project P --store`):
/// one transaction per file, each result attached to the project's school of the same name, its
/// klassetrin and school year. The same file again changes nothing; figures another file delivered
/// are a conflict unless replaced.
public enum StoreTrivselResults {
    /// The profile recorded with every trivsel results import (the store's `trivsel-results`).
    static let profile = "trivsel-results"

    /// What to store.
    public struct Request: Sendable {
        /// The project, as the user names it (`--project`).
        public var project: String
        /// The results files (CSV), stored one by one.
        public var files: [String]
        /// Replace figures another file delivered (the old ones stay in the audit log).
        public var replace: Bool
        /// Check and count, but store nothing.
        public var dryRun: Bool
        /// Who stores (for the audit log).
        public var `operator`: String
        /// The files' separator: comma, semicolon or tab (nil: detected).
        public var delimiter: String?
        /// The school year of rows that give none.
        public var schoolYear: SchoolYear?
        /// The indicators (ids, names, results-file columns), from the instrument data.
        public var indicators: TrivselIndicators
        /// `--sheet`: the sheet of an Excel workbook, by name or 1-based number (nil: the first,
        /// which is then said on the sink).
        public var sheet: String?

        /// A request.
        public init(project: String, files: [String], replace: Bool = false, dryRun: Bool = false, operator: String,
                    delimiter: String? = nil, schoolYear: SchoolYear? = nil, indicators: TrivselIndicators) {
            self.project = project
            self.files = files
            self.replace = replace
            self.dryRun = dryRun
            self.operator = `operator`
            self.delimiter = delimiter
            self.schoolYear = schoolYear
            self.indicators = indicators
        }
    }

    /// How each file ended, and the worst of them.
    public struct Result: Hashable, Sendable {
        /// One file's outcome.
        public struct File: Hashable, Sendable {
            /// The file as given.
            public var path: String
            /// How it ended: stored, stored with problems, a conflict, or a failure.
            public var severity: Severity
        }

        /// The files in the order given.
        public var files: [File]
        /// The worst outcome (failure > conflict > rows rejected > success).
        public var severity: Severity { files.map(\.severity).reduce(.success) { $0.worse($1) } }
    }

    /// Stores every file; what happened to each is reported to `sink`. A file that fails does not
    /// stop the others.
    /// - Throws: ``KortlaegError`` when the project cannot be opened or the separator is unknown.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        guard !request.files.isEmpty else {
            throw KortlaegError(.usage, "Please give the results FILE to store, e.g. kortlaeg trivsel skoler.csv "
                + "--project \(request.project) --store.")
        }
        let reading = try TrivselFiles(delimiter: request.delimiter, schoolYear: request.schoolYear, indicators: request.indicators,
                                     sheet: request.sheet)
        let store = try ProjectLocation.open(request.project)
        let options = TrivselImportOptions(replace: request.replace, dryRun: request.dryRun, operator: request.operator)
        return Result(files: request.files.map { path in
            Result.File(path: path, severity: storeFile(path, in: store, reading: reading, options: options, sink: sink))
        })
    }

    private static func storeFile(_ input: String, in store: any ProjectStore, reading: TrivselFiles,
                                  options: TrivselImportOptions, sink: any ProgressSink) -> Severity {
        guard FileManager.default.fileExists(atPath: input) else {
            sink.error("\(input): no such file.")
            return .notFound
        }
        let sha256: String
        let file: TrivselResultsFile
        do {
            sha256 = try FileDigest.sha256(path: input)
            file = try reading.read(input, sink: sink)
        } catch {
            sink.error("\(error) Nothing from \(input) was stored.")
            return .invalidInput
        }
        let rejects = file.problems.map { problem in
            ImportReject(row: problem.row, line: problem.line, column: problem.column, value: problem.value,
                         reason: "expected \(problem.expected); the cell is read as absent")
        }
        let outcome: TrivselImportOutcome
        do {
            outcome = try store.importTrivselResults(ImportBatch(fileName: input, sha256: sha256, profile: profile),
                                                     results: file.results, rejects: rejects, options: options)
        } catch {
            sink.error("\(error) Nothing from \(input) was stored.")
            return .invalidInput
        }
        switch outcome {
        case let .alreadyImported(fileName, importedAt):
            sink.note("\(input): already imported (same SHA-256 as \(fileName), imported \(importedAt)); nothing changed.")
            return .success
        case let .conflicts(conflicts, counts):
            sink.error("\(input): \(conflicts.count) figures were already delivered by another file; nothing from "
                + "this file was stored (\(counts.figures) other figures were fine).")
            for conflict in conflicts.prefix(20) {
                let what = [conflict.school, conflict.grade, conflict.schoolYear?.description].compactMap { $0 }
                    .joined(separator: " ")
                sink.note("  line \(conflict.line): \(what) \(conflict.indicator.label(.danish)): already from \(conflict.existingFile)")
            }
            if conflicts.count > 20 { sink.note("  … and \(conflicts.count - 20) more") }
            sink.note("Use --replace to replace them (the replaced figures stay in the audit log).")
            return .conflict
        case let .imported(counts):
            for problem in file.problems.prefix(20) { sink.warning("\(problem.description) The cell is read as absent.") }
            for rejection in counts.storeRejects.prefix(20) {
                sink.note("\(input):\(rejection.line): row \(rejection.row): error: \(rejection.column): \(rejection.reason)")
            }
            if counts.rejected > min(file.problems.count, 20) + min(counts.storeRejects.count, 20) {
                sink.note("… \(counts.rejected) problems in all (kept with the import in the project).")
            }
            let prefix = options.dryRun ? "\(input) (dry run, nothing stored)" : input
            var line = "\(prefix): \(file.results.count) rows read, \(counts.results) results stored (\(counts.figures) figures), "
                + "\(counts.newSchools) new schools, \(counts.rejected) problems"
            if counts.replaced > 0 { line += ", \(counts.replaced) figures replaced" }
            sink.note(line)
            return counts.rejected > 0 ? .rowsRejected : .success
        }
    }
}

import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegStore

/// `kortlaeg project-import`: official-variable CSV files into a project store. To be folded into
/// `kortlaeg import --project` when the import work's mapping profiles land.
struct ProjectImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project-import",
        abstract: "Import CSV files of responses into a project store, one transaction per file.",
        discussion: """
            Columns: the child id (first column or --id), official variable names (pconsid, …), and \
            optionally occasion, class, school, sex, birth_year, birth_month, date. Child ids are \
            stored only as pseudonyms (keyed hash); a CPR number is never stored or printed. \
            Each file is stored whole (with its rejects report) or not at all. The same file \
            (SHA-256) is imported only once. A file that re-delivers a response another file \
            delivered (same child, occasion, informant, instrument) is refused as a conflict (exit 4) \
            unless --replace is given; replaced responses stay in the audit log.

            Example:
              kortlaeg project-import SampleData/sdq-parent-T1.csv --project p.kortlaeg --instrument sdq-p4-17 --occasion T1
            """
    )

    @Argument(help: "The CSV files to import.") var files: [String]
    @Option(help: "The project store (made with 'kortlaeg init').") var project: String
    @Option(help: "The instrument as ID or ID@VERSION.") var instrument: String
    @Option(help: "The occasion when the file has no 'occasion' column: T1, F1, F2, … or T2.") var occasion: String?
    @Option(help: "The id column (default: the first column).") var id: String?
    @Option(help: "The date of the answers (YYYY-MM-DD) when the file has no 'date' column.") var date: String?
    @Option(help: "Choose a scoring rule variant: OPTION=CHOICE.") var rule: [String] = []
    @Flag(help: "Also compute scores whose item membership is not officially verified.") var includeUnverified = false
    @Flag(help: "Check and count, but store nothing.") var dryRun = false
    @Flag(help: "Replace responses another file delivered (the old ones stay in the audit log).") var replace = false
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Please name at least one file to import.") }
        if let occasion, Occasion(occasion) == nil {
            throw ValidationError("Unknown --occasion '\(occasion)'. Please use T1, F1, F2, … or T2.")
        }
        if let date, date.count != 10 || ISO8601DateFormatter.dateOnly.date(from: date) == nil {
            throw ValidationError("--date '\(date)' is not a date. Please write it as YYYY-MM-DD.")
        }
        for choice in rule where !choice.contains("=") {
            throw ValidationError("--rule '\(choice)' must be OPTION=CHOICE.")
        }
    }

    func run() throws {
        let store = try ProjectStoreOpening.open(project)
        let catalog = try instruments.catalog()
        let definition: Instrument
        do {
            definition = try catalog.resolve(instrument)
        } catch let error as InstrumentError {
            throw ValidationError(error.description)
        }
        var choices: [String: String] = [:]
        for text in rule {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            choices[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let options = ImportOptions(instruments: catalog,
                                    scoring: ScoringOptions(ruleChoices: choices, includeUnverifiedScores: includeUnverified),
                                    replace: replace, dryRun: dryRun, operator: operatorOption.resolved)
        // The worst outcome decides the exit code: failure > conflict > rows rejected > success.
        func rank(_ code: ExitCode) -> Int {
            switch code {
            case .success: 0
            case KortlaegExit.rowsRejected: 1
            case KortlaegExit.conflict: 2
            default: 3
            }
        }
        var worst: ExitCode = .success
        func note(_ code: ExitCode) { if rank(code) > rank(worst) { worst = code } }
        for file in files {
            guard FileManager.default.fileExists(atPath: file) else {
                Diagnostics.error("\(file): no such file.")
                note(KortlaegExit.noInput)
                continue
            }
            note(try importOne(file, definition: definition, store: store, options: options))
        }
        if worst != .success { throw worst }
    }

    private func importOne(_ file: String, definition: Instrument, store: SQLiteProjectStore,
                           options: ImportOptions) throws -> ExitCode {
        let sha256: String
        do {
            sha256 = try FileDigest.sha256(path: file)
        } catch {
            Diagnostics.error("\(file): cannot be read (\(error.localizedDescription)).")
            return KortlaegExit.noInput
        }
        var job = OfficialCSVImport(path: file, instrument: definition, occasion: occasion.flatMap(Occasion.init),
                                    idColumn: id, date: date)
        let outcome: ImportOutcome
        do {
            outcome = try store.importFile(ImportBatch(fileName: file, sha256: sha256, profile: OfficialCSVImport.profile),
                                           options: options) { sink in try job.run(into: sink) }
        } catch let error as ScoringOptionError {
            throw ValidationError(error.description)
        } catch let error as ValidationFailure {
            throw ValidationError(error.description)
        } catch {
            Diagnostics.error("\(error) Nothing from \(file) was imported.")
            return KortlaegExit.dataError
        }
        let prefix = dryRun ? "\(file) (dry run, nothing stored)" : file
        switch outcome {
        case let .alreadyImported(fileName, importedAt):
            Diagnostics.note("\(file): already imported (same SHA-256 as \(fileName), imported \(importedAt)); nothing changed.")
            return .success
        case let .conflicts(conflicts, counts):
            Diagnostics.error("\(file): \(conflicts.count) responses were already delivered by another file; nothing from this file was imported (\(counts.accepted) other records were fine).")
            for conflict in conflicts.prefix(20) {
                Diagnostics.note("  row \(conflict.row): child \(conflict.pseudonym.prefix(12)) \(conflict.occasion) \(conflict.informant) \(conflict.instrument): already from \(conflict.existingFile)")
            }
            if conflicts.count > 20 { Diagnostics.note("  … and \(conflicts.count - 20) more") }
            Diagnostics.note("Use --replace to replace them (the replaced responses stay in the audit log).")
            return KortlaegExit.conflict
        case let .imported(counts):
            for rejection in job.firstRejects {
                let value = rejection.value.flatMap { CPRNumber.containsCPR($0) ? nil : " '\($0)'" } ?? ""
                Diagnostics.note("\(file):\(rejection.line): row \(rejection.row): error: \(rejection.column)\(value): \(rejection.reason)")
            }
            if counts.rejected > job.firstRejects.count {
                Diagnostics.note("… \(counts.rejected) problems in all (kept with the import in the project).")
            }
            var line = "\(prefix): \(job.rowsRead) rows read, \(counts.accepted) responses stored, \(counts.newChildren) new children, \(counts.rejected) problems"
            if counts.replaced > 0 { line += ", \(counts.replaced) responses replaced" }
            Diagnostics.note(line)
            return counts.rejected > 0 ? KortlaegExit.rowsRejected : .success
        }
    }
}

extension ISO8601DateFormatter {
    /// `YYYY-MM-DD`.
    static var dateOnly: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter
    }
}

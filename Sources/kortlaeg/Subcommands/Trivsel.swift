import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite

/// `kortlaeg trivsel`: a school's or class level's trivselsmåling indicators across years beside
/// the national figures, from results files or from a project's stored results (then also beside
/// the municipality, i.e. all the project's schools).
struct Trivsel: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a school's trivselsmåling indicators across years against the national figures.",
        discussion: """
            FILE holds aggregated results as municipal pipelines write them (År;Skolenavn;Trin;Social trivsel;\
            Faglig trivsel;Støtte og inspiration;Ro og orden;Generel trivsel, optionally Antal elever and \
            '<indicator> andel >4') or the public school-level sample (Institution,Generel trivsel,…). \
            Danish (3,7; 2.351) and English numbers are detected per column; empty cells are suppressed \
            figures and stay empty, never 0. Groups under 5 pupils are not shown and not combined. Several \
            rows (trin, schools) are combined pupil-weighted; without pupil counts the plain mean of group \
            means is shown and marked. Without --school a file with several schools is shown combined.

            With --project P --store the files' results are stored in the project instead (one transaction \
            per file, attached to the project's school of the same name, trin and school year; the same file \
            again changes nothing). 'kortlaeg trivsel --project P --school S' then shows the stored results \
            beside the municipality (all the project's schools combined) and the national figures.

            Examples:
              kortlaeg trivsel skoler.csv --school "Aabybro Skole" --trin 5 --lang en
              kortlaeg trivsel 2018.csv 2019.csv --project aarhus.kortlaeg --store
              kortlaeg trivsel --project aarhus.kortlaeg --school Byskolen --trin 4
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv
    }

    @Argument(help: "The results files (CSV).") var inputs: [String] = []
    @Option(help: "The school: its full name or a unique part of it (default: the only school, or all combined).")
    var school: String?
    @Option(help: "Only this klassetrin or group of trin (4, '4. klasse', Mellemtrin, Udskoling).") var trin: String?
    @Option(help: "Language of labels: da or en.") var lang: Language = .danish
    @Option(help: "table or csv.") var format: Format = .table
    @Option(help: "Input separator: comma, semicolon or tab (default: detected).") var delimiter: String?
    @Option(help: "National figures (default: trivsel/national-reference.json in the instruments folder).")
    var reference: String?
    @Option(help: "The school year of rows that give none (e.g. 2023/24 for the public school sample).")
    var schoolYear: String?
    @Flag(name: .customLong("store"), help: "Store the FILEs' results in the --project instead of showing them.")
    var storeResults = false
    @Flag(help: "With --store: replace figures another file delivered (the old ones stay in the audit log).")
    var replace = false
    @Flag(help: "With --store: check and count, but store nothing.") var dryRun = false
    @OptionGroup var project: ProjectOptions
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if let delimiter, CSVDelimiter(delimiter) == nil {
            throw ValidationError("Unknown --delimiter '\(delimiter)'. Please use comma, semicolon or tab.")
        }
        if let schoolYear, SchoolYear(schoolYear) == nil {
            throw ValidationError("--school-year '\(schoolYear)' is not a school year. Please write it like 2023/24.")
        }
        if storeResults {
            guard let path = project.path else {
                throw ValidationError("--store needs the project: kortlaeg trivsel FILE --project PATH --store.")
            }
            if inputs.isEmpty {
                throw ValidationError("Please give the results FILE to store, e.g. kortlaeg trivsel skoler.csv --project \(path) --store.")
            }
            if school != nil || trin != nil {
                throw ValidationError("--school and --trin choose what to show. Store the file first, then show it with "
                    + "kortlaeg trivsel --project \(path) --school NAME.")
            }
            return
        }
        if replace || dryRun {
            throw ValidationError("--replace and --dry-run apply only when storing: add --store and --project.")
        }
        if let path = project.path {
            if !inputs.isEmpty {
                throw ValidationError("To store the FILE in the project add --store (kortlaeg trivsel FILE --project \(path) --store); "
                    + "to show the stored results leave out FILE.")
            }
            if schoolYear != nil {
                throw ValidationError("--school-year applies to FILE rows without a school year; stored results keep theirs.")
            }
            return
        }
        if inputs.isEmpty {
            throw ValidationError("Please give the results FILE, e.g. kortlaeg trivsel skoler.csv --school NAME, "
                + "or a project: kortlaeg trivsel --project PATH --school NAME.")
        }
    }

    func run() throws {
        // The indicators (ids, names, results-file columns) are instrument data.
        let indicators = TrivselIndicators(catalog: try instruments.catalog())
        if storeResults {
            try storeFiles(project.path!, indicators: indicators)
        } else if let path = project.path {
            try showProject(path, indicators: indicators)
        } else {
            try showFiles(indicators: indicators)
        }
    }

    // MARK: - Showing files

    private func showFiles(indicators: TrivselIndicators) throws {
        var results: [TrivselResult] = []
        var problems: [TrivselCellProblem] = []
        for input in inputs {
            guard FileManager.default.fileExists(atPath: input) else {
                Diagnostics.error("\(input): no such file.")
                throw KortlaegExit.noInput
            }
            do {
                let file = try read(input, indicators: indicators)
                results += file.results
                problems += file.problems
            } catch {
                Diagnostics.error("\(error)")
                throw KortlaegExit.dataError
            }
        }
        for problem in problems { Diagnostics.warning(problem.description) }
        let report = try build(results, school: school, source: "the file", indicators: indicators)
        try render(TrivselRenderer(report: report, national: loadNational(indicators), language: lang, source: .files(inputs)))
        if !problems.isEmpty {
            Diagnostics.warning("\(problems.count) cell(s) could not be read and are shown as absent.")
            throw KortlaegExit.rowsRejected
        }
    }

    // MARK: - Showing a project

    private func showProject(_ path: String, indicators: TrivselIndicators) throws {
        let store = try ProjectStoreOpening.open(path)
        let results: [TrivselResult]
        do {
            results = try store.trivselResults()
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
        guard !results.isEmpty else {
            Diagnostics.error("\(path) holds no trivselsmåling results yet. Store a results file first: "
                + "kortlaeg trivsel FILE --project \(path) --store.")
            throw KortlaegExit.noInput
        }
        let report = try build(results, school: school, source: "the project", indicators: indicators)
        let schools = Set(results.compactMap(\.school)).count
        // One school's figures are compared with all the project's schools (the municipality).
        let municipality = report.school != nil && schools > 1
            ? try build(results, school: nil, source: "the project", indicators: indicators) : nil
        var files: [String] = []
        for result in results {
            let file = String(result.location[..<(result.location.lastIndex(of: ":") ?? result.location.endIndex)])
            if !files.contains(file) { files.append(file) }
        }
        try render(TrivselRenderer(report: report, municipality: municipality, national: loadNational(indicators), language: lang,
                                   source: .project(path: path, files: files, schools: schools)))
    }

    // MARK: - Storing files in a project

    private func storeFiles(_ path: String, indicators: TrivselIndicators) throws {
        let store = try ProjectStoreOpening.open(path)
        let options = TrivselImportOptions(replace: replace, dryRun: dryRun, operator: operatorOption.resolved)
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
        for input in inputs {
            let code = try storeFile(input, in: store, options: options, indicators: indicators)
            if rank(code) > rank(worst) { worst = code }
        }
        if !dryRun, rank(worst) < 2 {
            Diagnostics.note("Show them with: kortlaeg trivsel --project \(path) --school NAME [--trin T]")
        }
        if worst != .success { throw worst }
    }

    private func storeFile(_ input: String, in store: SQLiteProjectStore, options: TrivselImportOptions,
                           indicators: TrivselIndicators) throws -> ExitCode {
        guard FileManager.default.fileExists(atPath: input) else {
            Diagnostics.error("\(input): no such file.")
            return KortlaegExit.noInput
        }
        let sha256: String
        let file: TrivselResultsFile
        do {
            sha256 = try FileDigest.sha256(path: input)
            file = try read(input, indicators: indicators)
        } catch {
            Diagnostics.error("\(error) Nothing from \(input) was stored.")
            return KortlaegExit.dataError
        }
        let rejects = file.problems.map { problem in
            ImportReject(row: problem.row, line: problem.line, column: problem.column, value: problem.value,
                         reason: "expected \(problem.expected); the cell is read as absent")
        }
        let outcome: TrivselImportOutcome
        do {
            outcome = try store.importTrivselResults(
                ImportBatch(fileName: input, sha256: sha256, profile: SQLiteProjectStore.trivselResultsProfile),
                results: file.results, rejects: rejects, options: options)
        } catch {
            Diagnostics.error("\(error) Nothing from \(input) was stored.")
            return KortlaegExit.dataError
        }
        switch outcome {
        case let .alreadyImported(fileName, importedAt):
            Diagnostics.note("\(input): already imported (same SHA-256 as \(fileName), imported \(importedAt)); nothing changed.")
            return .success
        case let .conflicts(conflicts, counts):
            Diagnostics.error("\(input): \(conflicts.count) figures were already delivered by another file; nothing from "
                + "this file was stored (\(counts.figures) other figures were fine).")
            for conflict in conflicts.prefix(20) {
                let what = [conflict.school, conflict.grade, conflict.schoolYear?.description].compactMap { $0 }
                    .joined(separator: " ")
                Diagnostics.note("  line \(conflict.line): \(what) \(conflict.indicator.label(.danish)): already from \(conflict.existingFile)")
            }
            if conflicts.count > 20 { Diagnostics.note("  … and \(conflicts.count - 20) more") }
            Diagnostics.note("Use --replace to replace them (the replaced figures stay in the audit log).")
            return KortlaegExit.conflict
        case let .imported(counts):
            for problem in file.problems.prefix(20) { Diagnostics.warning("\(problem.description) The cell is read as absent.") }
            for rejection in counts.storeRejects.prefix(20) {
                Diagnostics.note("\(input):\(rejection.line): row \(rejection.row): error: \(rejection.column): \(rejection.reason)")
            }
            if counts.rejected > min(file.problems.count, 20) + min(counts.storeRejects.count, 20) {
                Diagnostics.note("… \(counts.rejected) problems in all (kept with the import in the project).")
            }
            let prefix = dryRun ? "\(input) (dry run, nothing stored)" : input
            var line = "\(prefix): \(file.results.count) rows read, \(counts.results) results stored (\(counts.figures) figures), "
                + "\(counts.newSchools) new schools, \(counts.rejected) problems"
            if counts.replaced > 0 { line += ", \(counts.replaced) figures replaced" }
            Diagnostics.note(line)
            return counts.rejected > 0 ? KortlaegExit.rowsRejected : .success
        }
    }

    // MARK: - Parts

    /// Reads a results file; rows without a school year get `--school-year`.
    private func read(_ input: String, indicators: TrivselIndicators) throws -> TrivselResultsFile {
        var file = try TrivselResultsReader(indicators: indicators).read(path: input, delimiter: delimiter.flatMap(CSVDelimiter.init))
        if let year = schoolYear.flatMap(SchoolYear.init) {
            for index in file.results.indices where file.results[index].schoolYear == nil {
                file.results[index].schoolYear = year
            }
        }
        return file
    }

    private func build(_ results: [TrivselResult], school: String?, source: String,
                       indicators: TrivselIndicators) throws -> TrivselReport {
        do {
            return try TrivselReport.build(results: results, school: school, grade: trin, indicators: indicators)
        } catch {
            throw ValidationError(error.description(source: source))
        }
    }

    private func render(_ renderer: TrivselRenderer) throws {
        switch format {
        case .table:
            print(renderer.table(), terminator: "")
            print(renderer.notes().map { "- " + $0 }.joined(separator: "\n"))
        case .csv:
            do {
                let writer = CSVWriter(fileHandle: .standardOutput, delimiter: .comma, lineEnding: .lf)
                for row in renderer.csvRows() { try writer.write(row) }
                try writer.flush()
            } catch {
                Diagnostics.error("cannot write the report: \(error)")
                throw KortlaegExit.cannotCreate
            }
            for note in renderer.notes() { Diagnostics.note("note: " + note) }
        }
    }

    private func loadNational(_ indicators: TrivselIndicators) -> NationalTrivselReference? {
        let path = reference ?? instruments.resolvedDirectory() + "/trivsel/national-reference.json"
        do {
            return try NationalTrivselReference.load(path: path, indicators: indicators)
        } catch {
            Diagnostics.warning("\(error) National figures are not shown.")
            return nil
        }
    }
}

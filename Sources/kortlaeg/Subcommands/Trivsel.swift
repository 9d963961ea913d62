import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders

/// `kortlaeg trivsel FILE`: a school's or class level's trivselsmåling indicators across years
/// beside the national figures.
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

            Example:
              kortlaeg trivsel skoler.csv --school "Aabybro Skole" --trin 5 --lang da --format table
            """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv
    }

    @Argument(help: "The results file (CSV).") var input: String?
    @Option(help: "The school: its full name or a unique part of it (default: the file's only school, or all combined).")
    var school: String?
    @Option(help: "Only this klassetrin or group of trin (4, '4. klasse', Mellemtrin, Udskoling).") var trin: String?
    @Option(help: "Language of labels: da or en.") var lang: Language = .danish
    @Option(help: "table or csv.") var format: Format = .table
    @Option(help: "Input separator: comma, semicolon or tab (default: detected).") var delimiter: String?
    @Option(help: "National figures (default: trivsel/national-reference.json in the instruments folder).")
    var reference: String?
    @OptionGroup var project: ProjectOptions
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if project.path != nil {
            throw ValidationError("'trivsel --project' is not yet available: results cannot be attached to a project "
                + "store yet. Please give the results FILE instead, e.g. kortlaeg trivsel skoler.csv --school NAME.")
        }
        if input == nil {
            throw ValidationError("Please give the results FILE, e.g. kortlaeg trivsel skoler.csv --school NAME.")
        }
        if let delimiter, CSVDelimiter(delimiter) == nil {
            throw ValidationError("Unknown --delimiter '\(delimiter)'. Please use comma, semicolon or tab.")
        }
    }

    func run() throws {
        let input = self.input!
        guard FileManager.default.fileExists(atPath: input) else {
            Diagnostics.error("\(input): no such file.")
            throw KortlaegExit.noInput
        }
        let file: TrivselResultsFile
        let report: TrivselReport
        do {
            file = try TrivselResultsReader().read(path: input, delimiter: delimiter.flatMap(CSVDelimiter.init))
            report = try TrivselReport.build(results: file.results, school: school, grade: trin)
        } catch let error as TrivselSelectionError {
            throw ValidationError(error.description)
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
        for problem in file.problems { Diagnostics.warning(problem.description) }
        let national = loadNational()

        let renderer = TrivselRenderer(report: report, national: national, language: lang, file: input)
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
        if !file.problems.isEmpty {
            Diagnostics.warning("\(file.problems.count) cell(s) could not be read and are shown as absent.")
            throw KortlaegExit.rowsRejected
        }
    }

    private func loadNational() -> NationalTrivselReference? {
        let path = reference ?? instruments.resolvedDirectory() + "/trivsel/national-reference.json"
        do {
            return try NationalTrivselReference.load(path: path)
        } catch {
            Diagnostics.warning("\(error) National figures are not shown.")
            return nil
        }
    }
}

import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a CSV file of questionnaire responses (file in, file out).",
        discussion: """
            Input columns are the official variable names (pconsid, prestles, …, pebddiff, pdistres, …; \
            t… for teacher, s… for self-report); ',' or ';' separated, UTF-8 or Windows-1252. Blank = unanswered. \
            Output: the id, the scores, one band column per score and band table, and a status \
            (complete, incomplete, rejected). A row with an invalid answer is not scored; its problems \
            go to the rejects report (default: OUTPUT-rejects.csv, or stderr without --output).

            Examples:
              kortlaeg score SampleData/sdq-parent-T1.csv --instrument sdq-p4-17 --output scores.csv
              kortlaeg score t2.csv --instrument sdq-t4-17@1.0.0 --id elev --lang da --rule impact-when-ebddiff-missing=missing
            """
    )

    @Argument(help: "The CSV file of responses.") var input: String
    @Option(help: "The instrument as ID or ID@VERSION (see 'kortlaeg instruments list').") var instrument: String
    @Option(name: .shortAndLong, help: "Write scores here instead of stdout.") var output: String?
    @Option(help: "Write rejected rows' problems here (CSV).") var rejects: String?
    @Option(help: "The id column passed through (default: the first column).") var id: String?
    @Option(parsing: .upToNextOption, help: "Other input columns to copy to the output after the id (e.g. class school sex), for 'kortlaeg progress --by'.")
    var keep: [String] = []
    @Option(help: "Language of band labels: en or da.") var lang: Language = .english
    @Option(help: "Choose a scoring rule variant: OPTION=CHOICE (see 'kortlaeg instruments show').")
    var rule: [String] = []
    @Flag(help: "Also compute scores whose item membership is not officially verified (labelled in the summary).")
    var includeUnverified = false
    @Option(help: "Input separator: comma, semicolon or tab (default: detected).") var delimiter: String?
    @Option(help: "Input encoding: utf-8, utf-16le, utf-16be or windows-1252 (default: detected).") var encoding: String?
    @Option(help: "Output separator: comma or semicolon.") var outputDelimiter: String = "comma"
    @OptionGroup var project: ProjectOptions
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if project.path != nil {
            throw ValidationError("'score' works file in, file out; use 'kortlaeg import --project' to score into a project.")
        }
        if let delimiter, CSVDelimiter(delimiter) == nil {
            throw ValidationError("Unknown --delimiter '\(delimiter)'. Please use comma, semicolon or tab.")
        }
        if let encoding, TextEncodingKind(name: encoding) == nil {
            throw ValidationError("Unknown --encoding '\(encoding)'. Please use utf-8, utf-16le, utf-16be or windows-1252.")
        }
        if CSVDelimiter(outputDelimiter) == nil {
            throw ValidationError("Unknown --output-delimiter '\(outputDelimiter)'. Please use comma or semicolon.")
        }
        for choice in rule where !choice.contains("=") {
            throw ValidationError("--rule '\(choice)' must be OPTION=CHOICE, e.g. impact-when-ebddiff-missing=missing.")
        }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: input) else {
            Diagnostics.error("\(input): no such file.")
            throw KortlaegExit.noInput
        }
        let definition = try instruments.resolve(instrument)
        var choices: [String: String] = [:]
        for text in rule {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            choices[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        var configuration = ScoreJob.Configuration(
            inputPath: input, instrument: definition,
            options: ScoringOptions(ruleChoices: choices, includeUnverifiedScores: includeUnverified),
            idColumn: id, language: lang, delimiter: delimiter.flatMap(CSVDelimiter.init),
            encoding: encoding.flatMap { TextEncodingKind(name: $0) })
        configuration.keepColumns = keep.flatMap { $0.split(separator: ",").map(String.init) }

        let outputDelimiter = CSVDelimiter(self.outputDelimiter) ?? .comma
        // Write to a temporary file and move it into place, so a failed run never leaves a half-written output.
        let outputWriter: CSVWriter
        let temporaryOutput = output.map { $0 + ".partial" }
        do {
            if let temporaryOutput {
                outputWriter = try CSVWriter(path: temporaryOutput, delimiter: outputDelimiter, lineEnding: .lf)
            } else {
                outputWriter = CSVWriter(fileHandle: .standardOutput, delimiter: outputDelimiter, lineEnding: .lf)
            }
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.cannotCreate
        }
        let rejectsPath = rejects ?? output.map(Self.defaultRejectsPath)
        let rejectsReport = RejectsReport(path: rejectsPath, file: input)

        let summary: ScoreJob.Summary
        do {
            summary = try ScoreJob(configuration).run(
                output: outputWriter, rejected: { try rejectsReport.add($0) },
                progress: { Diagnostics.progress("\($0) rows read") })
            Diagnostics.endProgress()
            try rejectsReport.finish()
        } catch let error as ScoringOptionError {
            Diagnostics.endProgress()
            if let temporaryOutput { try? FileManager.default.removeItem(atPath: temporaryOutput) }
            throw ValidationError(error.description)
        } catch {
            Diagnostics.endProgress()
            if let temporaryOutput { try? FileManager.default.removeItem(atPath: temporaryOutput) }
            rejectsReport.discard()
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
        if let output, let temporaryOutput {
            try? FileManager.default.removeItem(atPath: output)
            do {
                try FileManager.default.moveItem(atPath: temporaryOutput, toPath: output)
            } catch {
                Diagnostics.error("cannot write \(output): \(error.localizedDescription)")
                throw KortlaegExit.cannotCreate
            }
        }

        Diagnostics.note("\(input): \(summary.dialect)")
        Diagnostics.note("instrument \(definition.reference); rules: "
            + summary.ruleChoices.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
        for table in summary.bandTables { Diagnostics.note("bands: \(table)") }
        for warning in summary.warnings { Diagnostics.warning(warning) }
        Diagnostics.note("rows read: \(summary.rowsRead), scored: \(summary.rowsScored) (complete \(summary.rowsComplete), incomplete \(summary.rowsIncomplete)), rejected: \(summary.rowsRejected)")
        if summary.rowsRejected > 0 {
            Diagnostics.note(rejectsPath.map { "rejected rows are listed in \($0)" } ?? "rejected rows are listed above")
            throw KortlaegExit.rowsRejected
        }
    }

    static func defaultRejectsPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent("\(base)-rejects.csv").path
    }
}

import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegReaders

struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Progress between two mappings: per child (change, RCI, bands, AVS) and per group.",
        discussion: """
            Reads two files written by 'kortlaeg score' (use 'score --keep klasse koen' to carry grouping \
            columns) and pairs children by id. Unpaired children are listed, never dropped. Groups under \
            --suppress children show counts only. The reliable change index needs a reliability per score: \
            the shipped SDQ norm data has none (Goodman 2001's per-scale values are not entered), so give \
            --reliability or no RCI is computed.

            Examples:
              kortlaeg progress --t1 scores-T1.csv --t2 scores-T2.csv --instrument sdq-p4-17 --by klasse --lang da
              kortlaeg progress --t1 a.csv --t2 b.csv --instrument sdq-p4-17 --reliability pebdtot=0.80 --sd pebdtot=5.8 --per-child children.csv --format csv
            """)

    @Option(help: "Scores at the earlier occasion (a file written by 'kortlaeg score').") var t1: String?
    @Option(help: "Scores at the later occasion.") var t2: String?
    @Option(help: "The instrument the scores come from (ID or ID@VERSION).") var instrument: String
    @Option(help: "The later file's instrument when it differs (scores pair through declared equivalences).") var t2Instrument: String?
    @Option(help: "The id column (default: the first column).") var id: String?
    @Option(help: "Names for the two occasions in the output.") var from: String = "T1"
    @Option(help: "") var to: String = "T2"
    @Option(help: "Group by this column (e.g. klasse, skole, koen).") var by: String?
    @Option(help: "The column holding the child's sex, for norm SDs given by sex (default: sex, koen or køn).") var sexColumn: String?
    @Option(help: "Band table for transitions and the cut-off (default: the instrument's first).") var bandTable: String?
    @Option(help: "Band level counted as above the cut-off (2 = abnormal/high).") var cutoffLevel: Int = 2
    @Option(help: "Norm set for RCI constants (default: the instrument's first).") var normSet: String?
    @Option(help: "Reliability for the RCI, SCORE=R (repeatable), e.g. pebdtot=0.80.") var reliability: [String] = []
    @Option(help: "SD for the RCI, SCORE=SD (repeatable); overrides the norm SD.") var sd: [String] = []
    @Flag(help: "Use the SD of the T1 scores in this sample for the RCI.") var sdFromBaseline = false
    @Option(help: "Show statistics only for groups of at least this many paired children.") var suppress: Int = 5
    @Option(help: "Output format: table, csv or json.") var format: OutputFormat = .table
    @Option(help: "Also write one row per child and score (and the unpaired children) to this CSV.") var perChild: String?
    @Option(name: .shortAndLong, help: "Write the result here instead of stdout.") var output: String?
    @Option(help: "Language: da or en.") var lang: Language = .danish
    @Flag(help: "Include scores with unverified item membership.") var includeUnverified = false
    @OptionGroup var project: ProjectOptions
    @OptionGroup var instruments: InstrumentOptions

    enum OutputFormat: String, ExpressibleByArgument { case table, csv, json }

    func validate() throws {
        if project.path != nil {
            throw ValidationError("'progress --project' is not yet available; use --t1 and --t2 with files written by 'kortlaeg score'.")
        }
        guard t1 != nil, t2 != nil else { throw ValidationError("Please give both --t1 and --t2 (files written by 'kortlaeg score').") }
        guard suppress >= 1 else { throw ValidationError("--suppress must be at least 1.") }
    }

    func run() throws {
        guard let t1, let t2 else { return }
        for path in [t1, t2] where !FileManager.default.fileExists(atPath: path) {
            Diagnostics.error("\(path): no such file.")
            throw KortlaegExit.noInput
        }
        let first = try instruments.resolve(instrument)
        let second = try t2Instrument.map { try instruments.resolve($0) } ?? first
        let builder = ProgressScoreBuilder(
            instrument: first, language: lang, bandTableID: bandTable, normSetID: normSet,
            reliabilities: try ProgressScoreBuilder.parseAssignments(reliability, flag: "--reliability", instrument: first),
            standardDeviations: try ProgressScoreBuilder.parseAssignments(sd, flag: "--sd", instrument: first),
            sdFromBaseline: sdFromBaseline, cutoffLevel: cutoffLevel, includeUnverified: includeUnverified)
        let (scores, notes) = try builder.build()
        let before: ScoredFileReader.Result, after: ScoredFileReader.Result
        do {
            before = try ScoredFileReader.read(path: t1, instrument: first, target: first, idColumn: id)
            after = try ScoredFileReader.read(path: t2, instrument: second, target: first, idColumn: id)
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
        if let by, !before.attributeColumns.contains(by), !after.attributeColumns.contains(by) {
            throw ValidationError("Neither file has a column '\(by)' to group by. Score with 'kortlaeg score --keep \(by)'. Columns: \(before.attributeColumns.joined(separator: ", ")).")
        }
        var allNotes = notes
        if second.reference != first.reference {
            allNotes.append("\(to) scored with \(second.reference); paired with \(first.reference) through declared equivalences")
        }
        if before.rejectedRows + after.rejectedRows > 0 {
            allNotes.append("rows with status 'rejected' were left out: \(before.rejectedRows) at \(from), \(after.rejectedRows) at \(to)")
        }
        let sexNames = sexColumn.map { [$0] } ?? ["sex", "koen", "køn", "gender"]
        func withSex(_ observations: [ChildObservation]) -> [ChildObservation] {
            observations.map { observation in
                var copy = observation
                if let name = sexNames.first(where: { observation.attributes[$0] != nil }) { copy.attributes["sex"] = observation.attributes[name] }
                return copy
            }
        }
        let analysis = ProgressAnalysis(before: withSex(before.observations), after: withSex(after.observations), scores: scores,
                                        addedValue: first.addedValueScore, groupBy: by, suppressionThreshold: suppress)
        let report = ProgressReport(analysis: analysis, language: lang, from: from, to: to, notes: allNotes)
        let text: String
        switch format {
        case .table: text = report.table + "\n"
        case .json: text = report.json + "\n"
        case .csv: text = report.csvRows.map(csvLine).joined()
        }
        do {
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
            if let perChild {
                try report.perChildRows.map(csvLine).joined().write(toFile: perChild, atomically: true, encoding: .utf8)
            }
        } catch {
            Diagnostics.error("cannot write the output: \(error.localizedDescription)")
            throw KortlaegExit.cannotCreate
        }
        let pairing = analysis.pairing
        Diagnostics.note("paired: \(pairing.pairs.count); only \(from): \(pairing.onlyBefore.count); only \(to): \(pairing.onlyAfter.count); duplicates: \(pairing.duplicates.count)")
        for note in allNotes { Diagnostics.note(note) }
    }

    private func csvLine(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\n"
    }
}

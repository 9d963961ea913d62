import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite

struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Progress between two mappings: per child (change, RCI, bands, AVS) and per group.",
        discussion: """
            Reads two files written by 'kortlaeg score' (use 'score --keep klasse koen' to carry grouping \
            columns), or with --project the stored scores at the occasions --from and --to (T1, F1, …, \
            T2; group with --by class, school, sex or birth-year — an age band within a school year), and pairs children by id. Responses stored under \
            another version of the instrument are paired through the scores it declares equivalent. Unpaired children are listed, never dropped. Groups under \
            --suppress children show counts only. The reliable change index needs a reliability per score: \
            the shipped SDQ norm data has none (Goodman 2001's per-scale values are not entered), so give \
            --reliability or no RCI is computed.

            Examples:
              kortlaeg progress --t1 scores-T1.csv --t2 scores-T2.csv --instrument sdq-p4-17 --by klasse --lang da
              kortlaeg progress --project ppr.kortlaeg --instrument sdq-p4-17 --from T1 --to T2 --by class
              kortlaeg progress --t1 a.csv --t2 b.csv --instrument sdq-p4-17 --reliability pebdtot=0.80 --sd pebdtot=5.8 --per-child children.csv --format csv
            """)

    @Option(help: "Scores at the earlier occasion (a file written by 'kortlaeg score').") var t1: String?
    @Option(help: "Scores at the later occasion.") var t2: String?
    @Option(help: "The instrument the scores come from (ID or ID@VERSION).") var instrument: String
    @Option(help: "The later file's instrument when it differs (scores pair through declared equivalences).") var t2Instrument: String?
    @Option(help: "The id column (default: the first column).") var id: String?
    @Option(help: "The earlier occasion: its name in the output, and with --project the occasion read (T1, F1, …).") var from: String = "T1"
    @Option(help: "The later occasion (name in the output; with --project the occasion read).") var to: String = "T2"
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
        guard suppress >= 1 else { throw ValidationError("--suppress must be at least 1.") }
        if project.path != nil {
            guard t1 == nil, t2 == nil, t2Instrument == nil else {
                throw ValidationError("With --project the scores come from the store: leave out --t1, --t2 and --t2-instrument, and name the occasions with --from and --to.")
            }
            for code in [from, to] where Occasion(code) == nil {
                throw ValidationError("'\(code)' is not an occasion. Please use T1, F1, F2, … or T2 with --from and --to.")
            }
            guard Occasion(from)! < Occasion(to)! else {
                throw ValidationError("--from \(from) must come before --to \(to).")
            }
            if let by, !StoredObservations.groupNames.contains(by) {
                throw ValidationError("With --project, --by takes class, school, sex or birth-year (not '\(by)').")
            }
            return
        }
        guard t1 != nil, t2 != nil else {
            throw ValidationError("Please give both --t1 and --t2 (files written by 'kortlaeg score'), or --project.")
        }
    }

    func run() throws {
        let first = try instruments.resolve(instrument)
        let (before, after, allNotes) = try project.path.map { try readProject($0, instrument: first) } ?? readFiles(instrument: first)
        let builder = ProgressScoreBuilder(
            instrument: first, language: lang, bandTableID: bandTable, normSetID: normSet,
            reliabilities: try ProgressScoreBuilder.parseAssignments(reliability, flag: "--reliability", instrument: first),
            standardDeviations: try ProgressScoreBuilder.parseAssignments(sd, flag: "--sd", instrument: first),
            sdFromBaseline: sdFromBaseline, cutoffLevel: cutoffLevel, includeUnverified: includeUnverified)
        let (scores, notes) = try builder.build()
        try analyse(before: before, after: after, scores: scores, instrument: first, notes: notes + allNotes)
    }

    /// The two occasions' observations from the project store.
    private func readProject(_ path: String, instrument first: Instrument) throws
        -> ([ChildObservation], [ChildObservation], [String]) {
        let store = try ProjectStoreOpening.open(path)
        let reader = StoredObservations(target: first, catalog: try instruments.catalog(), informant: nil)
        let before: (observations: [ChildObservation], versions: Set<String>, uncomparable: Int)
        let after: (observations: [ChildObservation], versions: Set<String>, uncomparable: Int)
        do {
            before = try reader.read(from: store, occasion: Occasion(from)!)
            after = try reader.read(from: store, occasion: Occasion(to)!)
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
        if before.observations.isEmpty && after.observations.isEmpty {
            Diagnostics.error("\(path) has no responses to \(first.id) at \(from) or \(to). 'kortlaeg status --project \(path)' shows what is stored.")
            throw KortlaegExit.dataError
        }
        var notes: [String] = []
        let versions = before.versions.union(after.versions).subtracting([first.version])
        if !versions.isEmpty {
            notes.append("responses collected with \(first.id) version \(versions.sorted().joined(separator: ", ")) paired with \(first.reference) through declared equivalences")
        }
        if before.uncomparable + after.uncomparable > 0 {
            notes.append("\(before.uncomparable + after.uncomparable) stored scores have no equivalent in \(first.reference) and were left out")
        }
        return (before.observations, after.observations, notes)
    }

    /// The two occasions' observations from two score files.
    private func readFiles(instrument first: Instrument) throws -> ([ChildObservation], [ChildObservation], [String]) {
        guard let t1, let t2 else { throw ValidationError("Please give both --t1 and --t2.") }
        for path in [t1, t2] where !FileManager.default.fileExists(atPath: path) {
            Diagnostics.error("\(path): no such file.")
            throw KortlaegExit.noInput
        }
        let second = try t2Instrument.map { try instruments.resolve($0) } ?? first
        let before: ScoreFileContents, after: ScoreFileContents
        do {
            before = try ScoreFileReader(instrument: first, target: first, idColumn: id).read(path: t1)
            after = try ScoreFileReader(instrument: second, target: first, idColumn: id).read(path: t2)
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
        if let by, !before.attributeColumns.contains(by), !after.attributeColumns.contains(by) {
            throw ValidationError("Neither file has a column '\(by)' to group by. Score with 'kortlaeg score --keep \(by)'. Columns: \(before.attributeColumns.joined(separator: ", ")).")
        }
        var allNotes: [String] = []
        if second.reference != first.reference {
            allNotes.append("\(to) scored with \(second.reference); paired with \(first.reference) through declared equivalences")
        }
        if before.rejectedRows + after.rejectedRows > 0 {
            allNotes.append("rows with status 'rejected' were left out: \(before.rejectedRows) at \(from), \(after.rejectedRows) at \(to)")
        }
        return (before.observations, after.observations, allNotes)
    }

    private func analyse(before: [ChildObservation], after: [ChildObservation], scores: [ProgressScore],
                         instrument first: Instrument, notes allNotes: [String]) throws {
        let sexNames = sexColumn.map { [$0] } ?? ["sex", "koen", "køn", "gender"]
        func withSex(_ observations: [ChildObservation]) -> [ChildObservation] {
            observations.map { observation in
                var copy = observation
                if let name = sexNames.first(where: { observation.attributes[$0] != nil }) { copy.attributes["sex"] = observation.attributes[name] }
                return copy
            }
        }
        let analysis = ProgressAnalysis(before: withSex(before), after: withSex(after), scores: scores,
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

import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegReaders
import KortlaegStatistics
import KortlaegReports
import KortlaegStore

/// Progress between two mappings (`kortlaeg progress`): pairs the children seen at both occasions
/// and computes per child and per group the change, the tests, the effect sizes, the cut-off
/// shares, the reliable change and the Added Value Score.
///
/// The scores come from two files written by `kortlaeg score` or from a project's stored scores
/// at two occasions. Unpaired children are listed, never dropped.
public enum AnalyseProgress {
    /// Where the scores come from.
    public enum Source: Hashable, Sendable {
        /// Two score files; the later one may be scored with another version of the instrument
        /// (`laterInstrument`, ID or ID@VERSION). Children are paired by `idColumn` (default: the first column).
        case files(earlier: String, later: String, laterInstrument: String? = nil, idColumn: String? = nil)
        /// Several score files per occasion (one per site, say: `--t1 a.csv b.csv --t2 c.csv d.csv`):
        /// the files of an occasion are read as one. A child is known by site and id when a file
        /// has a site column, so the same id at two sites is two children; the same child twice
        /// at one occasion is a duplicate (not paired, counted).
        case fileSets(earlier: [String], later: [String], laterInstrument: String? = nil, idColumn: String? = nil)
        /// A project: the scores stored at the occasions `from` and `to` of the request.
        case project(String)
    }

    /// What to analyse and how.
    public struct Request: Sendable {
        /// Where the scores come from.
        public var source: Source
        /// The instrument (ID or ID@VERSION) whose scores are analysed.
        public var instrument: String
        /// The instrument files.
        public var instruments: InstrumentCatalog
        /// The earlier occasion: its name in the output, and for a project the occasion read (`T1`).
        public var from: String
        /// The later occasion (`T2`, `F2`).
        public var to: String
        /// Group by this attribute: a kept column of the files (`klasse`), or for a project class,
        /// school, sex or birth-year (or their Danish names).
        public var groupBy: String?
        /// The column holding the child's sex for norm SDs given by sex (default: sex, koen, køn or gender).
        public var sexColumn: String?
        /// Band table, norm set, RCI constants, cut-off.
        public var settings: ProgressSettings
        /// Groups with fewer paired children show counts only.
        public var suppressionThreshold: Int
        /// The language of band labels (in transitions and the per-child table).
        public var language: Language

        /// A request.
        public init(source: Source, instrument: String, instruments: InstrumentCatalog, from: String = "T1", to: String = "T2",
                    groupBy: String? = nil, sexColumn: String? = nil, settings: ProgressSettings = ProgressSettings(),
                    suppressionThreshold: Int = 5, language: Language = .danish) {
            self.source = source
            self.instrument = instrument
            self.instruments = instruments
            self.from = from
            self.to = to
            self.groupBy = groupBy
            self.sexColumn = sexColumn
            self.settings = settings
            self.suppressionThreshold = suppressionThreshold
            self.language = language
        }
    }

    /// Runs the analysis. The pairing counts and the notes go to `sink` (in English, as every message).
    /// - Throws: ``KortlaegError``: ``Severity/usage`` for an unknown instrument, occasion, grouping,
    ///   band table, norm set or score; ``Severity/notFound`` for a missing file or project;
    ///   ``Severity/invalidInput`` for an unreadable file or store, or a project without the responses.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> ProgressReport {
        guard request.suppressionThreshold >= 1 else {
            throw KortlaegError(.usage, "--suppress must be at least 1.",
                                danish: "Grænsen for, hvor små grupper der skjules, skal være mindst 1.")
        }
        if case .project = request.source {
            _ = try projectOccasions(request)
            if let by = request.groupBy, !StoredObservations.groupNames.contains(by) {
                throw KortlaegError(.usage, "With --project, --by takes class, school, sex, birth-year or site (not '\(by)').",
                                    danish: "Der kan grupperes efter klasse, skole, køn, fødselsår eller sted (ikke »\(by)«).")
            }
        }
        let instrument = try resolve(request.instrument, in: request.instruments)
        let (sample, sampleNotes) = try sampleReliability(request, instrument: instrument)
        let scores: [ProgressScore], settingsNotes: [ProgressNote]
        do {
            (scores, settingsNotes) = try request.settings.scores(for: instrument, language: request.language, sample: sample)
        } catch {
            throw KortlaegError(error.isUsageError ? .usage : .invalidInput, error.description, danish: error.danish)
        }
        let observations: Observations
        switch request.source {
        case let .files(earlier, later, laterInstrument, idColumn):
            var second = instrument
            if let laterInstrument { second = try resolve(laterInstrument, in: request.instruments) }
            observations = try readFiles(earlier: [earlier], later: [later], instrument: instrument, laterInstrument: second,
                                         idColumn: idColumn, request: request)
        case let .fileSets(earlier, later, laterInstrument, idColumn):
            var second = instrument
            if let laterInstrument { second = try resolve(laterInstrument, in: request.instruments) }
            observations = try readFiles(earlier: earlier, later: later, instrument: instrument, laterInstrument: second,
                                         idColumn: idColumn, request: request)
        case let .project(location):
            let (from, to) = try projectOccasions(request)
            observations = try readProject(location, from: from, to: to, instrument: instrument, request: request)
        }
        let sexNames = request.sexColumn.map { [$0] } ?? ["sex", "koen", "køn", "gender"]
        func withSex(_ observations: [ChildObservation]) -> [ChildObservation] {
            observations.map { observation in
                var copy = observation
                if let name = sexNames.first(where: { observation.attributes[$0] != nil }) { copy.attributes["sex"] = observation.attributes[name] }
                return copy
            }
        }
        let analysis = ProgressAnalysis(before: withSex(observations.before), after: withSex(observations.after), scores: scores,
                                        addedValue: instrument.addedValueScore, groupBy: request.groupBy,
                                        suppressionThreshold: request.suppressionThreshold)
        var report = ProgressReport(analysis: analysis, from: request.from, to: request.to, groupBy: request.groupBy,
                                    notes: settingsNotes + sampleNotes.filter { note in
                                        // Only the analysed scores.
                                        switch note {
                                        case let .sampleAlpha(variable, _, _, _, _, _, _, _), let .noSampleAlpha(variable, _):
                                            return scores.contains { $0.definition.variable == variable }
                                        default: return true
                                        }
                                    } + observations.notes)
        if case .project = request.source { report.childIDs = .pseudonyms }
        let pairing = analysis.pairing
        sink.note("paired: \(pairing.pairs.count); only \(request.from): \(pairing.onlyBefore.count); "
                  + "only \(request.to): \(pairing.onlyAfter.count); duplicates: \(pairing.duplicates.count)"
                  + duplicatesByGroup(analysis, groupBy: request.groupBy))
        for note in report.notes { sink.note(note.text(.english)) }
        return report
    }

    /// " (5A: 2, 5B: 1)": the duplicates per group, for the summary line; empty without grouping or duplicates.
    static func duplicatesByGroup(_ analysis: ProgressAnalysis, groupBy: String?) -> String {
        guard groupBy != nil, !analysis.duplicatesByGroup.isEmpty else { return "" }
        return " (" + analysis.duplicatesByGroup.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + ")"
    }

    // MARK: - Reliability from the data

    /// The least number of complete T1 responses for which a project run takes the reliability from
    /// the sample without being asked.
    public static let sampleReliabilityMinimum = 50

    /// Cronbach's alpha per score from the earlier occasion's item answers, when asked for
    /// (`--reliability sample`) or, in a project without user reliabilities, when at least
    /// ``sampleReliabilityMinimum`` complete responses exist. Score files carry no item answers:
    /// `--reliability sample` needs `--project`.
    static func sampleReliability(_ request: Request, instrument: Instrument) throws(KortlaegError)
        -> (SampleReliability?, [ProgressNote]) {
        let asked = request.settings.reliabilityFromSample
        guard case let .project(location) = request.source else {
            if asked {
                throw KortlaegError(.usage, "--reliability sample computes Cronbach's alpha from the item answers stored in a project; "
                    + "score files have no item answers. Use --project, or give --reliability SCORE=R.",
                                    danish: "Reliabiliteten fra stikprøven beregnes ud fra de svar på spørgsmålene, der er gemt i et projekt; "
                    + "scorefiler har ingen svar på spørgsmålene. Brug et projekt, eller angiv reliabiliteten for hver score.")
            }
            return (nil, [])
        }
        guard asked || request.settings.reliabilities.isEmpty else { return (nil, []) }
        let (from, _) = try projectOccasions(request)
        let answers: [[String: AnswerValue]]
        do {
            let store = try ProjectLocation.open(location)
            answers = try StoredObservations(target: instrument, catalog: request.instruments, informant: nil).answers(from: store, occasion: from)
        } catch let error as KortlaegError {
            throw error
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets svar på spørgsmålene kunne ikke læses.")
        }
        let sample = SampleReliability(instrument: instrument, answers: answers)
        guard asked || sample.completeResponses >= sampleReliabilityMinimum else { return (nil, []) }
        var notes: [ProgressNote] = []
        let definitions = (try? Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true)).scores) ?? []
        for definition in definitions {
            switch sample.estimates[definition.id] {
            case let .alpha(alpha, lower, upper)?:
                notes.append(.sampleAlpha(variable: definition.variable, occasion: request.from, alpha: alpha.alpha, n: alpha.count,
                                          items: alpha.items, lower: lower, upper: upper, byDefault: !asked))
            default:
                notes.append(.noSampleAlpha(variable: definition.variable, occasion: request.from))
            }
        }
        return (sample, notes)
    }

    // MARK: - Reading

    /// The observations of both occasions and what a reader must know about them.
    private struct Observations {
        var before: [ChildObservation]
        var after: [ChildObservation]
        var notes: [ProgressNote]
    }

    static func resolve(_ reference: String, in catalog: InstrumentCatalog) throws(KortlaegError) -> Instrument {
        do {
            return try catalog.resolve(reference)
        } catch {
            throw KortlaegError(.usage, "\(error)",
                                danish: "Skemaet »\(CPRNumber.masked(reference))« findes ikke blandt instrumentfilerne. Vælg et skema på listen.")
        }
    }

    private static func projectOccasions(_ request: Request) throws(KortlaegError) -> (Occasion, Occasion) {
        guard let from = Occasion(request.from), let to = Occasion(request.to) else {
            let code = Occasion(request.from) == nil ? request.from : request.to
            throw KortlaegError(.usage, "'\(code)' is not an occasion. Please use T1, F1, F2, … or T2 with --from and --to.",
                                danish: "»\(code)« er ikke en måling. Brug T1, F1, F2, … eller T2.")
        }
        guard from < to else {
            throw KortlaegError(.usage, "--from \(request.from) must come before --to \(request.to).",
                                danish: "Den første måling (\(request.from)) skal komme før den anden (\(request.to)).")
        }
        return (from, to)
    }

    /// The two occasions' observations from the project store.
    private static func readProject(_ location: String, from: Occasion, to: Occasion, instrument: Instrument,
                                    request: Request) throws(KortlaegError) -> Observations {
        let store = try ProjectLocation.open(location)
        let reader = StoredObservations(target: instrument, catalog: request.instruments, informant: nil)
        let before: (observations: [ChildObservation], versions: Set<String>, uncomparable: Int)
        let after: (observations: [ChildObservation], versions: Set<String>, uncomparable: Int)
        do {
            before = try reader.read(from: store, occasion: from)
            after = try reader.read(from: store, occasion: to)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
        }
        if before.observations.isEmpty && after.observations.isEmpty {
            throw KortlaegError(.invalidInput, "\(location) has no responses to \(instrument.id) at \(from) or \(to). "
                + "'kortlaeg status --project \(location)' shows what is stored.",
                                danish: "Projektet har ingen besvarelser af \(instrument.id) ved \(from) eller \(to). "
                + "Overblikket viser, hvad der er gemt.")
        }
        var notes: [ProgressNote] = []
        let versions = before.versions.union(after.versions).subtracting([instrument.version])
        if !versions.isEmpty {
            notes.append(.otherVersions(instrument: instrument.id, versions: versions.sorted(), target: instrument.reference.description))
        }
        if before.uncomparable + after.uncomparable > 0 {
            notes.append(.uncomparableScores(count: before.uncomparable + after.uncomparable, target: instrument.reference.description))
        }
        return Observations(before: before.observations, after: after.observations, notes: notes)
    }

    /// The two occasions' observations from score files, one or more per occasion (the one place
    /// progress reads them).
    private static func readFiles(earlier: [String], later: [String], instrument: Instrument, laterInstrument: Instrument,
                                  idColumn: String?, request: Request) throws(KortlaegError) -> Observations {
        guard !earlier.isEmpty, !later.isEmpty else {
            throw KortlaegError(.usage, "Please give at least one score file for each occasion (--t1 and --t2).",
                                danish: "Angiv mindst én scorefil for hver måling.")
        }
        for (paths, occasion) in [(earlier, request.from), (later, request.to)] where Set(paths).count < paths.count {
            let twice = paths.first { path in paths.filter { $0 == path }.count > 1 } ?? ""
            throw KortlaegError(.usage, "\(twice) is given twice for \(occasion); give each score file once.",
                                danish: "\(twice) er angivet to gange for \(occasion); angiv hver scorefil én gang.")
        }
        for path in earlier + later where !FileManager.default.fileExists(atPath: path) {
            throw KortlaegError(.notFound, "\(path): no such file.", danish: "\(path): filen findes ikke.")
        }
        // The files are read at the same time (one per core); the first failing file, in the
        // order given, is the one reported.
        let jobs = earlier.map { ($0, ScoreFileReader(instrument: instrument, target: instrument, idColumn: idColumn)) }
            + later.map { ($0, ScoreFileReader(instrument: laterInstrument, target: instrument, idColumn: idColumn)) }
        // Each file's observations are made on its reading thread too (a dictionary per child).
        let results = ConcurrentResults<Result<(ScoreFileContents, [ChildObservation]), ScoreFileError>>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            results.set(index, Result { () throws(ScoreFileError) in
                let contents = try jobs[index].1.read(path: jobs[index].0)
                return (contents, contents.observations)
            })
        }
        let contents: [ScoreFileContents], observations: [[ChildObservation]]
        do {
            let read = try results.values.map { result throws(ScoreFileError) in try result.get() }
            contents = read.map(\.0)
            observations = read.map(\.1)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "En af scorefilerne kunne ikke læses.")
        }
        let beforeFiles = Array(contents.prefix(earlier.count)), afterFiles = Array(contents.dropFirst(earlier.count))
        let sets = ScoreFileSets(earlier: zip(earlier, beforeFiles).map { ($0, $1) }, later: zip(later, afterFiles).map { ($0, $1) },
                                 from: request.from, to: request.to)
        if let by = request.groupBy, !sets.canGroup(by: by) {
            let columns = sets.attributeColumns
            if ScoreFileSets.isSite(by) {
                throw KortlaegError(.usage, "No file has a site column to group by '\(by)'. Score each site's file with "
                    + "'kortlaeg score --site NAME' (or keep a column named site, kommune, municipality or sted).",
                                    danish: "Ingen fil har en kolonne med sted at gruppere efter »\(by)«. Scor hvert steds fil med stedets navn "
                    + "(eller behold en kolonne ved navn site, kommune, municipality eller sted).")
            }
            throw KortlaegError(.usage, "No file has a column '\(by)' to group by. Score with 'kortlaeg score --keep \(by)'. "
                + "Columns: \(columns.joined(separator: ", ")).",
                                danish: "Ingen fil har en kolonne »\(by)« at gruppere efter. Behold kolonnen, når filerne scores. "
                    + "Kolonner: \(columns.joined(separator: ", ")).")
        }
        let before = sets.before, after = sets.after
        var notes: [ProgressNote] = []
        if laterInstrument.reference != instrument.reference {
            notes.append(.otherInstrument(occasion: request.to, instrument: laterInstrument.reference.description,
                                          target: instrument.reference.description))
        }
        if before.rejectedRows + after.rejectedRows > 0 {
            notes.append(.rejectedRows(from: request.from, before: before.rejectedRows, to: request.to, after: after.rejectedRows))
        }
        notes += sets.notes
        // The merged rows are the files' rows in order, so their observations are the files' in order.
        return Observations(before: Array(observations.prefix(earlier.count).joined()),
                            after: Array(observations.dropFirst(earlier.count).joined()), notes: notes)
    }
}

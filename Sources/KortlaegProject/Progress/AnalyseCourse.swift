import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegReaders
import KortlaegReports
import KortlaegStore

/// Progress over the whole course (`kortlaeg progress --occasions T1,F1,F2,T2`, and the project
/// default when more than two occasions have data): per group and score the mean with its 95 %
/// CI at every occasion, per child the trajectory with the change and reliable change from the
/// first occasion at each follow-up.
///
/// The RCI settings, the bands and the sample reliability are those of ``AnalyseProgress`` (the
/// sample is the first occasion's).
public enum AnalyseCourse {
    /// One score file and the occasion it holds.
    public struct OccasionFile: Hashable, Sendable {
        /// `T1`, `F1`, …, `T2`.
        public var occasion: String
        public var path: String

        public init(occasion: String, path: String) {
            self.occasion = occasion
            self.path = path
        }
    }

    /// Where the scores come from.
    public enum Source: Hashable, Sendable {
        /// Score files written by `kortlaeg score`, one per occasion; children are paired by
        /// `idColumn` (default: the first column).
        case files([OccasionFile], idColumn: String? = nil)
        /// A project's stored scores.
        case project(String)
    }

    /// What to analyse and how.
    public struct Request: Sendable {
        public var source: Source
        /// The instrument (ID or ID@VERSION).
        public var instrument: String
        public var instruments: InstrumentCatalog
        /// The occasions in course order (the first is the baseline); nil: every occasion with
        /// data (project) or of the files, in course order.
        public var occasions: [String]?
        public var groupBy: String?
        public var sexColumn: String?
        public var settings: ProgressSettings
        public var suppressionThreshold: Int
        public var language: Language

        public init(source: Source, instrument: String, instruments: InstrumentCatalog, occasions: [String]? = nil,
                    groupBy: String? = nil, sexColumn: String? = nil, settings: ProgressSettings = ProgressSettings(),
                    suppressionThreshold: Int = 5, language: Language = .danish) {
            self.source = source
            self.instrument = instrument
            self.instruments = instruments
            self.occasions = occasions
            self.groupBy = groupBy
            self.sexColumn = sexColumn
            self.settings = settings
            self.suppressionThreshold = suppressionThreshold
            self.language = language
        }
    }

    /// The occasions at which `project` has responses to `instrument`, in course order (the
    /// project default of `progress`).
    /// - Throws: ``KortlaegError``: usage for an unknown instrument, notFound/invalidInput for the store.
    public static func storedOccasions(project: String, instrument: String, instruments: InstrumentCatalog) throws(KortlaegError) -> [String] {
        let target = try AnalyseProgress.resolve(instrument, in: instruments)
        let store = try ProjectLocation.open(project)
        var found: Set<Occasion> = []
        do {
            var query = ResponseQuery(instrumentID: target.id, informant: nil)
            query.includeAnswers = false
            try store.responses(query) { found.insert($0.occasion) }
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
        }
        return found.sorted().map(\.code)
    }

    /// `files` sorted by occasion (T1, F1, F2, …, T2); unknown codes last, in the order given.
    public static func inCourseOrder(_ files: [OccasionFile]) -> [OccasionFile] {
        files.enumerated().sorted { a, b in
            (Occasion(a.element.occasion)?.sequence ?? Int.max, a.offset) < (Occasion(b.element.occasion)?.sequence ?? Int.max, b.offset)
        }.map(\.element)
    }

    /// Parses `T1,F1,F2,T2` into occasion codes in the order given.
    /// - Throws: ``KortlaegError`` (usage) for an unknown code, a repeated one, fewer than two, or
    ///   codes out of course order.
    public static func occasions(parsing text: String) throws(KortlaegError) -> [String] {
        let codes = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var parsed: [Occasion] = []
        for code in codes {
            guard let occasion = Occasion(code) else {
                throw KortlaegError(.usage, "--occasions: '\(code)' is not an occasion. Please use T1, F1, F2, … or T2, e.g. --occasions T1,F1,F2,T2.",
                                    danish: "»\(code)« er ikke en måling. Brug T1, F1, F2, … eller T2.")
            }
            if let last = parsed.last, !(last < occasion) {
                throw KortlaegError(.usage, "--occasions must list each occasion once, in course order (T1, F1, F2, …, T2); '\(code)' comes after \(last.code).",
                                    danish: "Hver måling må kun vælges én gang og i forløbets rækkefølge (T1, F1, F2, …, T2); »\(code)« kommer efter \(last.code).")
            }
            parsed.append(occasion)
        }
        guard parsed.count >= 2 else {
            throw KortlaegError(.usage, "--occasions needs at least two occasions, e.g. --occasions T1,F1,F2,T2.",
                                danish: "Udviklingen over forløbet kræver mindst to målinger.")
        }
        return parsed.map(\.code)
    }

    /// Checks a project run's `--by` before the store is opened.
    /// - Throws: ``KortlaegError`` (usage) for a name other than class, school, sex, birth-year or site.
    public static func checkProjectGrouping(_ by: String?) throws(KortlaegError) {
        if let by, !StoredObservations.groupNames.contains(by) {
            throw KortlaegError(.usage, "With --project, --by takes class, school, sex, birth-year or site (not '\(by)').",
                                danish: "Der kan grupperes efter klasse, skole, køn, fødselsår eller sted (ikke »\(by)«).")
        }
    }

    /// Runs the analysis; the counts per occasion and the notes go to `sink`.
    /// - Throws: ``KortlaegError`` as ``AnalyseProgress/run(_:sink:)``.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> CourseReport {
        guard request.suppressionThreshold >= 1 else {
            throw KortlaegError(.usage, "--suppress must be at least 1.",
                                danish: "Grænsen for, hvor små grupper der skjules, skal være mindst 1.")
        }
        if case .project = request.source { try checkProjectGrouping(request.groupBy) }
        let instrument = try AnalyseProgress.resolve(request.instrument, in: request.instruments)
        let read: (occasions: [CourseAnalysis.Occasion], rejected: [String: Int], notes: [ProgressNote])
        switch request.source {
        case let .files(files, idColumn): read = try readFiles(files, idColumn: idColumn, instrument: instrument, request: request)
        case let .project(location): read = try readProject(location, instrument: instrument, request: request)
        }
        guard read.occasions.count >= 2 else {
            throw KortlaegError(.invalidInput, "Progress over the course needs at least two occasions with data; found "
                + (read.occasions.isEmpty ? "none" : read.occasions.map(\.code).joined(separator: ", ")) + ".",
                                danish: "Udviklingen over forløbet kræver mindst to målinger med data; fundet "
                + (read.occasions.isEmpty ? "ingen" : read.occasions.map(\.code).joined(separator: ", ")) + ".")
        }
        // The settings and the sample reliability exactly as for a two-occasion run from the first occasion.
        let pairwise = AnalyseProgress.Request(source: sampleSource(request.source), instrument: request.instrument,
                                               instruments: request.instruments, from: read.occasions[0].code,
                                               to: read.occasions[1].code, groupBy: request.groupBy, sexColumn: request.sexColumn,
                                               settings: request.settings, suppressionThreshold: request.suppressionThreshold,
                                               language: request.language)
        let (sample, sampleNotes) = try AnalyseProgress.sampleReliability(pairwise, instrument: instrument)
        let scores: [ProgressScore], settingsNotes: [ProgressNote]
        do {
            (scores, settingsNotes) = try request.settings.scores(for: instrument, language: request.language, sample: sample)
        } catch {
            throw KortlaegError(error.isUsageError ? .usage : .invalidInput, error.description, danish: error.danish)
        }
        let sexNames = request.sexColumn.map { [$0] } ?? ["sex", "koen", "køn", "gender"]
        let occasions = read.occasions.map { occasion in
            CourseAnalysis.Occasion(code: occasion.code, observations: occasion.observations.map { observation in
                var copy = observation
                if let name = sexNames.first(where: { observation.attributes[$0] != nil }) { copy.attributes["sex"] = observation.attributes[name] }
                return copy
            })
        }
        let analysis = CourseAnalysis(occasions: occasions, scores: scores, addedValue: instrument.addedValueScore,
                                      groupBy: request.groupBy, suppressionThreshold: request.suppressionThreshold)
        let analysed = Set(scores.map(\.definition.variable))
        let notes = settingsNotes + sampleNotes.filter { note in
            switch note {
            case let .sampleAlpha(variable, _, _, _, _, _, _, _), let .noSampleAlpha(variable, _): analysed.contains(variable)
            default: true
            }
        } + read.notes
        let report = CourseReport(analysis: analysis, groupBy: request.groupBy, notes: notes,
                                  rejectedRows: analysis.occasions.map { read.rejected[$0] ?? 0 })
        var counts: [String] = []
        for (index, code) in analysis.occasions.enumerated() {
            let seen = occasions[index].observations.count
            if index == 0 {
                counts.append("\(code): \(seen)")
            } else {
                counts.append("\(code): \(seen) (paired with \(analysis.occasions[0]): \(analysis.followUps[index - 1].pairing.pairs.count))")
            }
        }
        sink.note("occasions: " + counts.joined(separator: "; "))
        // Duplicates per occasion, and per group when grouped.
        let duplicates = analysis.occasions.enumerated().compactMap { index, code -> String? in
            guard !analysis.duplicates[index].isEmpty else { return nil }
            let groups = analysis.groups.filter { $0.duplicates[index] > 0 }.map { "\($0.name): \($0.duplicates[index])" }
            return "\(code): \(analysis.duplicates[index].count)" + (request.groupBy == nil ? "" : " (" + groups.joined(separator: ", ") + ")")
        }
        if !duplicates.isEmpty { sink.note("duplicates (not paired): " + duplicates.joined(separator: "; ")) }
        for note in report.notes { sink.note(note.text(.english)) }
        return report
    }

    // MARK: - Reading

    /// The source the sample reliability reads: only a project has item answers.
    private static func sampleSource(_ source: Source) -> AnalyseProgress.Source {
        switch source {
        case let .project(location): .project(location)
        case .files: .files(earlier: "", later: "")
        }
    }

    /// The score files of every occasion: several files for one occasion (one per class, site or
    /// informant's batch) are read as one, as in the two-occasion analysis (``ScoreFileSets``); a
    /// child twice at one occasion, within a file or across its files, is a duplicate (left out
    /// there, counted, its rows named by file and row in a note).
    private static func readFiles(_ files: [OccasionFile], idColumn: String?, instrument: Instrument, request: Request)
        throws(KortlaegError) -> (occasions: [CourseAnalysis.Occasion], rejected: [String: Int], notes: [ProgressNote]) {
        var byOccasion: [(occasion: Occasion, files: [OccasionFile])] = []
        for file in files {
            guard let occasion = Occasion(file.occasion) else {
                throw KortlaegError(.usage, "'\(file.occasion)' is not an occasion. Please write --occasion T1=FILE, F1=FILE, … or T2=FILE.",
                                    danish: "»\(file.occasion)« er ikke en måling. Brug T1, F1, F2, … eller T2.")
            }
            if let index = byOccasion.firstIndex(where: { $0.occasion == occasion }) {
                if byOccasion[index].files.contains(where: { $0.path == file.path }) {
                    throw KortlaegError(.usage, "\(file.path) is given twice for \(occasion.code); give each score file once.",
                                        danish: "\(file.path) er angivet to gange for \(occasion.code); angiv hver scorefil én gang.")
                }
                byOccasion[index].files.append(file)
            } else {
                byOccasion.append((occasion, [file]))
            }
        }
        byOccasion.sort { $0.occasion < $1.occasion }
        if let wanted = request.occasions {
            for code in wanted where !byOccasion.contains(where: { $0.occasion.code == Occasion(code)?.code }) {
                throw KortlaegError(.usage, "--occasions names \(code), but no score file is given for it (--occasion \(code)=FILE).",
                                    danish: "Målingen \(code) er valgt, men der er ingen scorefil til den.")
            }
            byOccasion = byOccasion.filter { pair in wanted.contains { Occasion($0) == pair.occasion } }
        }
        for file in byOccasion.flatMap(\.files) where !FileManager.default.fileExists(atPath: file.path) {
            throw KortlaegError(.notFound, "\(file.path): no such file.", danish: "\(file.path): filen findes ikke.")
        }
        var occasions: [CourseAnalysis.Occasion] = []
        var rejected: [String: Int] = [:]
        var read: [(code: String, files: [(String, ScoreFileContents)])] = []
        var merged: [ScoreFileContents] = []
        for (occasion, files) in byOccasion {
            var contents: [(String, ScoreFileContents)] = []
            for file in files {
                do {
                    contents.append((file.path, try ScoreFileReader(instrument: instrument, target: instrument, idColumn: idColumn).read(path: file.path)))
                } catch {
                    throw KortlaegError(.invalidInput, "\(error)", danish: "\(file.path): scorefilen kunne ikke læses.")
                }
            }
            let one = ScoreFileSets.merge(contents.map(\.1))
            read.append((occasion.code, contents))
            merged.append(one)
            rejected[occasion.code] = contents.map { $0.1.rejectedRows }.reduce(0, +)
            occasions.append(CourseAnalysis.Occasion(code: occasion.code, observations: one.observations))
        }
        if let by = request.groupBy {
            let grouped = ScoreFileSets.isSite(by) ? merged.contains { $0.siteColumn != nil }
                                                   : merged.contains { $0.attributeColumns.contains(by) }
            if !grouped {
                if ScoreFileSets.isSite(by) {
                    throw KortlaegError(.usage, "No file has a site column to group by '\(by)'. Score each site's file with "
                        + "'kortlaeg score --site NAME' (or keep a column named site, kommune, municipality or sted).",
                                        danish: "Ingen fil har en kolonne med sted at gruppere efter »\(by)«. Scor hvert steds fil med stedets navn "
                    + "(eller behold en kolonne ved navn site, kommune, municipality eller sted).")
                }
                var seen: Set<String> = []
                let columns = merged.flatMap(\.attributeColumns).filter { seen.insert($0).inserted }
                throw KortlaegError(.usage, "No file has a column '\(by)' to group by. Score with 'kortlaeg score --keep \(by)'. "
                    + "Columns: \(columns.joined(separator: ", ")).",
                                    danish: "Ingen fil har en kolonne »\(by)« at gruppere efter. Behold kolonnen, når filerne scores. "
                    + "Kolonner: \(columns.joined(separator: ", ")).")
            }
        }
        return (occasions, rejected, ScoreFileSets.notes(read))
    }

    private static func readProject(_ location: String, instrument: Instrument, request: Request)
        throws(KortlaegError) -> (occasions: [CourseAnalysis.Occasion], rejected: [String: Int], notes: [ProgressNote]) {
        var wanted: [Occasion]?
        if let codes = request.occasions {
            var parsed: [Occasion] = []
            for code in codes {
                guard let occasion = Occasion(code) else {
                    throw KortlaegError(.usage, "--occasions: '\(code)' is not an occasion. Please use T1, F1, F2, … or T2.",
                                        danish: "»\(code)« er ikke en måling. Brug T1, F1, F2, … eller T2.")
                }
                parsed.append(occasion)
            }
            wanted = parsed.sorted()
        }
        let store = try ProjectLocation.open(location)
        let reader = StoredObservations(target: instrument, catalog: request.instruments, informant: nil)
        let all: (byOccasion: [(occasion: Occasion, observations: [ChildObservation])], versions: Set<String>, uncomparable: Int)
        do {
            all = try reader.readAll(from: store)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
        }
        let stored = Dictionary(all.byOccasion.map { ($0.occasion, $0.observations) }, uniquingKeysWith: { first, _ in first })
        let chosen = wanted ?? all.byOccasion.map(\.occasion)
        var notes: [ProgressNote] = []
        let versions = all.versions.subtracting([instrument.version])
        if !versions.isEmpty {
            notes.append(.otherVersions(instrument: instrument.id, versions: versions.sorted(), target: instrument.reference.description))
        }
        if all.uncomparable > 0 { notes.append(.uncomparableScores(count: all.uncomparable, target: instrument.reference.description)) }
        if stored.isEmpty {
            throw KortlaegError(.invalidInput, "\(location) has no responses to \(instrument.id). "
                + "'kortlaeg status --project \(location)' shows what is stored.",
                                danish: "Projektet har ingen besvarelser af \(instrument.id). Overblikket viser, hvad der er gemt.")
        }
        return (chosen.map { CourseAnalysis.Occasion(code: $0.code, observations: stored[$0] ?? []) }, [:], notes)
    }
}

import KortlaegDomain
import KortlaegExport
import KortlaegStore

/// Reads a project's stored responses into export sources: one ``ExportSource`` per instrument,
/// its occasions in course order (T1, F1, F2, …, T2).
///
/// The child ids handed on are the store's pseudonyms (raw ids were never stored); the export
/// pseudonymises them once more with its own key and salt. Responses of one instrument stored
/// under two versions, or scored with two rule variants, are refused (docs/decisions.md).
struct StoreExportSource {
    /// Which responses to read.
    struct Selection: Sendable {
        /// Instruments as `ID` or `ID@VERSION`; empty = every instrument.
        var instruments: [String] = []
        /// One class; nil = every class.
        var className: String?
        /// Whether item answers are read (only with `--items`).
        var includeAnswers = true

        /// The filters in words, for notes, manifest and audit log.
        var descriptions: [String] {
            instruments.map { "instrument=\($0)" } + (className.map { ["class=\($0)"] } ?? [])
        }

        func admits(_ reference: InstrumentReference) -> Bool {
            instruments.isEmpty || instruments.contains(reference.id) || instruments.contains(reference.description)
        }
    }

    /// The sources and what the manifest and notes say about them.
    var sources: [ExportSource]
    /// Responses read after filtering.
    var responses: Int
    /// Instruments for which some responses were scored with unverified scores included.
    var unverifiedIncluded: [String]

    /// Reads every admitted stored response.
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) naming instruments, versions and
    ///   counts, never a child.
    /// - Parameter counter: counts the work done (tests of issue 15: loading is linear).
    static func load(from store: any ProjectStore, catalog: InstrumentCatalog, selection: Selection,
                     counter: WorkCounter? = nil) throws(KortlaegError) -> StoreExportSource {
        struct Gathered {
            var versions: [String: Int] = [:]
            var variants: [String: Int] = [:]
            var ruleChoices: [String: String] = [:]
            var unverified = false
            var occasions: Set<Occasion> = []
            var responses: [ExportResponse] = []
        }
        var gathered: [String: Gathered] = [:]
        var count = 0
        var lastChoices: [String: String]?
        var lastVariant = ""
        // The instrument, version and occasion of the previous response: responses come in
        // runs of one instrument and occasion (one import file after another), so the
        // instrument's entry is looked up, and its counts are added, once per run.
        var current: (key: String, entry: Gathered)?
        var runVersion = "", runVariant = "", runLength = 0
        var runOccasion: Occasion?
        func endRun() {
            guard runLength > 0, current != nil else { return }
            current!.entry.versions[runVersion, default: 0] += runLength
            current!.entry.variants[runVariant, default: 0] += runLength
            runLength = 0
        }
        func switchTo(_ key: String) {
            endRun()
            if let current { gathered[current.key] = current.entry }
            current = (key, gathered.removeValue(forKey: key) ?? Gathered())
            runOccasion = nil
        }
        do {
            var query = ResponseQuery(className: selection.className)
            query.includeAnswers = selection.includeAnswers
            query.ordered = false  // the dataset builder sorts its rows by the export's pseudonym
            try store.responses(query) { stored in
                counter?.add("responses read")
                if !stored.answers.isEmpty { counter?.add("answers decoded") }
                guard selection.admits(stored.instrument) else { return }
                count += 1
                if stored.instrument.id != current?.key { switchTo(stored.instrument.id) }
                // The variant's text once per distinct rule choices (they are the same for almost every response).
                if stored.ruleChoices != lastChoices {
                    lastChoices = stored.ruleChoices
                    lastVariant = variant(stored.ruleChoices)
                }
                if stored.instrument.version != runVersion || lastVariant != runVariant {
                    endRun()
                    runVersion = stored.instrument.version
                    runVariant = lastVariant
                }
                runLength += 1
                // Mutated in place (no copy of the instrument's response array per response).
                current!.entry.ruleChoices = stored.ruleChoices
                if stored.includeUnverified { current!.entry.unverified = true }
                if stored.occasion != runOccasion {
                    runOccasion = stored.occasion
                    current!.entry.occasions.insert(stored.occasion)
                }
                var scores: [String: Double?] = Dictionary(minimumCapacity: stored.scores.count)
                for score in stored.scores { scores[score.id] = .some(score.value) }
                var response = ExportResponse(childID: stored.child, occasion: stored.occasion.code,
                                              scores: scores, answers: stored.answers,
                                              attributes: stored.attributes, date: stored.date)
                response.missingReasons = stored.missingReasons
                current!.entry.responses.append(response, counting: counter)
            }
            switchTo("")  // store the last instrument's entry
            gathered[""] = nil
        } catch {
            throw KortlaegError(.invalidInput, "\(error)", danish: "Projektets besvarelser kunne ikke læses.")
        }
        guard count > 0 else {
            throw KortlaegError(.invalidInput, "The project has no stored responses"
                                + (selection.descriptions.isEmpty ? "" : " matching --instrument/--class") + "; nothing was written.",
                                danish: "Projektet har ingen gemte besvarelser"
                                + (selection.descriptions.isEmpty ? "" : " til det valgte skema eller den valgte klasse") + "; der blev ikke skrevet noget.")
        }

        var sources: [ExportSource] = []
        var unverified: [String] = []
        for id in gathered.keys.sorted() {
            let entry = gathered[id]!
            guard entry.versions.count == 1, let version = entry.versions.keys.first else {
                let counts = entry.versions.sorted { $0.key < $1.key }
                throw KortlaegError(.invalidInput, "Responses to \(id) are stored under \(counts.count) instrument versions ("
                                    + counts.map { "\($0.key): \(responses($0.value))" }.joined(separator: ", ") + "). "
                                    + "One export holds one version per instrument, so that each variable means one thing. "
                                    + "Export one version at a time, e.g. --instrument \(id)@\(counts[0].key).",
                                    danish: "Besvarelser af \(id) er gemt under \(counts.count) versioner af instrumentet ("
                                    + counts.map { "\($0.key): \($0.value) besvarelse\($0.value == 1 ? "" : "r")" }.joined(separator: ", ") + "). "
                                    + "Et udtræk rummer én version pr. instrument, så hver variabel betyder én ting. "
                                    + "Udtræk én version ad gangen, fx \(id)@\(counts[0].key).")
            }
            guard entry.variants.count == 1 else {
                let counts = entry.variants.sorted { $0.value > $1.value }
                throw KortlaegError(.invalidInput, "Responses to \(id)@\(version) were scored with different rule variants ("
                                    + counts.map { "\($0.key): \(responses($0.value))" }.joined(separator: "; ") + "). "
                                    + "An export states one rule variant per instrument. Re-import the responses scored otherwise "
                                    + "with the same --rule and --replace, or leave the instrument out with --instrument.",
                                    danish: "Besvarelser af \(id)@\(version) er scoret med forskellige regelvarianter. Et udtræk angiver én regelvariant "
                                    + "pr. instrument. Indlæs de anderledes scorede besvarelser igen med samme regel, eller udelad instrumentet.")
            }
            let reference = InstrumentReference(id: id, version: version)
            let instrument: Instrument
            do {
                instrument = try catalog.instrument(reference)
            } catch {
                throw KortlaegError(.invalidInput, "\(reference) is stored in the project but cannot be used (\(error)). "
                                    + "Point --instruments at the folder with its file.",
                                    danish: "\(reference) er gemt i projektet, men kan ikke bruges. Den, der driver Kortlæg, skal pege på mappen med instrumentets fil.")
            }
            if entry.unverified { unverified.append(reference.description) }
            sources.append(ExportSource(instrument: instrument, occasions: entry.occasions.sorted().map(\.code),
                                        responses: entry.responses, ruleChoices: entry.ruleChoices))
        }
        return StoreExportSource(sources: sources, responses: count, unverifiedIncluded: unverified)
    }

    private static func responses(_ count: Int) -> String { count == 1 ? "1 response" : "\(count) responses" }

    /// Rule choices as one comparable text (`option=choice, …`, sorted).
    private static func variant(_ choices: [String: String]) -> String {
        choices.isEmpty ? "(none)" : choices.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}

import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegStore
import KortlaegStoreSQLite

/// Reads a project's stored responses into export sources: one ``ExportSource`` per instrument,
/// its occasions in course order (T1, F1, F2, …, T2).
///
/// The child ids handed on are the store's pseudonyms (raw ids were never stored); the export
/// pseudonymises them once more with its own key and salt. Responses of one instrument stored
/// under two versions, or scored with two rule variants, are refused (docs/decisions.md).
struct StoreExportSource {
    /// Which responses to read.
    struct Selection {
        /// Instruments as `ID` or `ID@VERSION`; empty = every instrument.
        var instruments: [String] = []
        /// One class; nil = every class.
        var className: String?

        /// The filters in words, for notes, manifest and audit log.
        var descriptions: [String] {
            instruments.map { "instrument=\($0)" } + (className.map { ["class=\($0)"] } ?? [])
        }

        func admits(_ reference: InstrumentReference) -> Bool {
            instruments.isEmpty || instruments.contains(reference.id) || instruments.contains(reference.description)
        }
    }

    /// Why the stored responses cannot be exported as they are. Messages name instruments,
    /// versions and counts, never a child.
    enum Problem: Error, CustomStringConvertible {
        case noResponses(filtered: Bool)
        case mixedVersions(instrument: String, counts: [(version: String, responses: Int)])
        case mixedRuleVariants(instrument: String, counts: [(variant: String, responses: Int)])
        case unknownInstrument(reference: String, reason: String)

        private func responses(_ count: Int) -> String { count == 1 ? "1 response" : "\(count) responses" }

        var description: String {
            switch self {
            case let .noResponses(filtered):
                return "The project has no stored responses\(filtered ? " matching --instrument/--class" : ""); nothing was written."
            case let .mixedVersions(instrument, counts):
                let list = counts.map { "\($0.version): \(responses($0.responses))" }.joined(separator: ", ")
                return "Responses to \(instrument) are stored under \(counts.count) instrument versions (\(list)). "
                    + "One export holds one version per instrument, so that each variable means one thing. "
                    + "Export one version at a time, e.g. --instrument \(instrument)@\(counts[0].version)."
            case let .mixedRuleVariants(instrument, counts):
                let list = counts.map { "\($0.variant): \(responses($0.responses))" }.joined(separator: "; ")
                return "Responses to \(instrument) were scored with different rule variants (\(list)). "
                    + "An export states one rule variant per instrument. Re-import the responses scored otherwise "
                    + "with the same --rule and --replace, or leave the instrument out with --instrument."
            case let .unknownInstrument(reference, reason):
                return "\(reference) is stored in the project but cannot be used (\(reason)). Point --instruments at the folder with its file."
            }
        }
    }

    /// The sources and what the manifest and notes say about them.
    struct Result {
        var sources: [ExportSource]
        /// Responses read after filtering.
        var responses: Int
        /// Instruments for which some responses were scored with unverified scores included.
        var unverifiedIncluded: [String]
    }

    /// Reads every admitted stored response.
    /// - Throws: ``Problem`` or the store's error.
    static func load(from store: any ProjectStore, catalog: InstrumentCatalog, selection: Selection) throws -> Result {
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
        try store.responses(ResponseQuery(className: selection.className)) { stored in
            guard selection.admits(stored.instrument) else { return }
            count += 1
            var entry = gathered[stored.instrument.id] ?? Gathered()
            entry.versions[stored.instrument.version, default: 0] += 1
            entry.variants[variant(stored.ruleChoices), default: 0] += 1
            entry.ruleChoices = stored.ruleChoices
            entry.unverified = entry.unverified || stored.includeUnverified
            entry.occasions.insert(stored.occasion)
            var scores: [String: Double?] = [:]
            for score in stored.scores { scores[score.id] = .some(score.value) }
            entry.responses.append(ExportResponse(childID: stored.child, occasion: stored.occasion.code,
                                                  scores: scores, answers: stored.answers))
            gathered[stored.instrument.id] = entry
        }
        guard count > 0 else { throw Problem.noResponses(filtered: !selection.descriptions.isEmpty) }

        var sources: [ExportSource] = []
        var unverified: [String] = []
        for id in gathered.keys.sorted() {
            let entry = gathered[id]!
            guard entry.versions.count == 1, let version = entry.versions.keys.first else {
                throw Problem.mixedVersions(instrument: id, counts: entry.versions.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
            }
            guard entry.variants.count == 1 else {
                throw Problem.mixedRuleVariants(instrument: "\(id)@\(version)",
                                                counts: entry.variants.sorted { $0.value > $1.value }.map { ($0.key, $0.value) })
            }
            let reference = InstrumentReference(id: id, version: version)
            let instrument: Instrument
            do {
                instrument = try catalog.instrument(reference)
            } catch {
                throw Problem.unknownInstrument(reference: reference.description, reason: "\(error)")
            }
            if entry.unverified { unverified.append(reference.description) }
            sources.append(ExportSource(instrument: instrument, occasions: entry.occasions.sorted().map(\.code),
                                        responses: entry.responses, ruleChoices: entry.ruleChoices))
        }
        return Result(sources: sources, responses: count, unverifiedIncluded: unverified)
    }

    /// Rule choices as one comparable text (`option=choice, …`, sorted).
    private static func variant(_ choices: [String: String]) -> String {
        choices.isEmpty ? "(none)" : choices.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }
}

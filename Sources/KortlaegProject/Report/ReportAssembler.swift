import KortlaegDomain
import KortlaegReports

/// Builds child and class reports from observations, whatever their source (score files or a
/// project store): the one place that decides what a report shows.
///
/// - Observations are grouped by informant and instrument family, so a follow-up version at F1
///   joins the base version at T1 and T2 (their scores share ids); the instrument of a group is
///   that of its earliest observation (labels, bands). Groups run parent, teacher, child,
///   professional.
/// - Bands come from one band table per instrument: `bandTableID`, else the instrument's first.
struct ReportAssembler {
    /// The instrument files: their ``ReportSection``s are the child report's sections.
    var catalog: InstrumentCatalog
    var language: Language
    /// The band table to draw (nil: each instrument's first).
    var bandTableID: String?

    /// One informant's observations of one instrument family.
    struct Group {
        var informant: Informant
        var instrument: Instrument
        var observations: [ReportObservation]

        /// The group's occasions in course order.
        var occasions: [String] { ReportAssembler.occasions(observations) }
    }

    /// Parent, teacher, child, professional: the order the mapping tool names the perspectives in.
    static let informantOrder: [Informant] = [.parent, .teacher, .child, .professional]

    /// `observations` grouped by informant and instrument family, each group in course order.
    static func groups(_ observations: [ReportObservation]) -> [Group] {
        var groups: [(key: String, group: Group)] = []
        for observation in inCourseOrder(observations) {
            let key = "\(observation.informant.rawValue)|\(observation.instrument.family)"
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].group.observations.append(observation)
            } else {
                groups.append((key, Group(informant: observation.informant, instrument: observation.instrument, observations: [observation])))
            }
        }
        func rank(_ entry: (key: String, group: Group)) -> Int { informantOrder.firstIndex(of: entry.group.informant) ?? informantOrder.count }
        return groups.sorted { (rank($0), $0.key) < (rank($1), $1.key) }.map(\.group)
    }

    /// The observations sorted by occasion, keeping the source's order within an occasion.
    static func inCourseOrder(_ observations: [ReportObservation]) -> [ReportObservation] {
        observations.enumerated().sorted { ($0.element.order, $0.offset) < ($1.element.order, $1.offset) }.map(\.element)
    }

    /// The distinct occasions of `observations` in course order.
    static func occasions(_ observations: [ReportObservation]) -> [String] {
        var seen: [String] = []
        for observation in inCourseOrder(observations) where !seen.contains(observation.occasion) { seen.append(observation.occasion) }
        return seen
    }

    /// The band table drawn for `instrument`: the one asked for, else the first; nil when it has none.
    func bandTable(of instrument: Instrument) -> BandTable? {
        let tables = instrument.bandTables ?? []
        guard let bandTableID else { return tables.first }
        return tables.first { $0.id == bandTableID }
    }

    /// Refuses a band table that none of `instruments` has (it would silently draw no bands).
    func requireBandTable(among instruments: [Instrument]) throws(KortlaegError) {
        guard let bandTableID, !instruments.contains(where: { ($0.bandTables ?? []).contains { $0.id == bandTableID } }) else { return }
        var known: [String] = []
        for table in instruments.flatMap({ $0.bandTables ?? [] }) where !known.contains(table.id) { known.append(table.id) }
        throw KortlaegError(.usage, "No instrument in the report has a band table '\(bandTableID)'"
                            + (known.isEmpty ? "." : "; they have \(known.joined(separator: ", ")).")
                            + " 'kortlaeg instruments show ID' lists an instrument's band tables.",
                            danish: "Intet instrument i rapporten har en grænsetabel »\(bandTableID)«"
                            + (known.isEmpty ? "." : "; de har \(known.joined(separator: ", "))."))
    }

    /// The verified scores of `instrument`, in output order, with the bands of its band table.
    func scoreLines(of instrument: Instrument) throws(KortlaegError) -> (lines: [(definition: ScoreDefinition, bands: [ChildReport.Band])], table: BandTable?) {
        let scorer: Scorer
        do {
            scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
        } catch {
            throw KortlaegError(.invalidInput, "\(instrument.reference): \(error)",
                                danish: "\(instrument.reference) kan ikke scores, fordi instrumentfilen ikke er gyldig.")
        }
        let table = bandTable(of: instrument)
        let lookup = BandLookup(instrument: instrument)
        let lines = scorer.scores.filter(\.verified).map { definition in
            (definition, (table?.scores[definition.id]?.bands ?? []).map { band in
                ChildReport.Band(minimum: band.minimum, maximum: band.maximum, minimumExclusive: band.minimumExclusive ?? false,
                                 level: band.level, label: lookup.label(of: band, language: language))
            })
        }
        return (lines, table)
    }
}

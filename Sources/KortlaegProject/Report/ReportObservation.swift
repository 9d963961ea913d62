import KortlaegDomain
import KortlaegReaders
import KortlaegStore

/// One response of one child at one occasion, scored: what every report is assembled from,
/// whether it was read from score files or from a project store.
struct ReportObservation: Sendable {
    /// The child as the source knows it (the store's pseudonym, or the id in the score file).
    var child: String
    /// The occasion label (`T1`, `F1`, `T2`).
    var occasion: String
    /// The occasion's place in the course (the store: T1 = 0, Fn = n, T2 = 1000; score files:
    /// the position of the file's occasion among those given).
    var order: Int
    /// Who answered.
    var informant: Informant
    /// The exact instrument version the answers were collected and scored with.
    var instrument: Instrument
    /// Scores by score id; nil = not computable.
    var scores: [String: Double?]
    /// Answers by item id (empty for score files, which hold no answers).
    var answers: [String: AnswerValue]
}

extension ReportObservation {
    /// A stored response, with its instrument from `catalog`.
    /// - Throws: ``KortlaegError`` when the stored instrument version is not in the instrument files.
    init(_ stored: StoredResponse, catalog: InstrumentCatalog) throws(KortlaegError) {
        let instrument: Instrument
        do {
            instrument = try catalog.instrument(stored.instrument)
        } catch {
            throw KortlaegError(.invalidInput, "\(stored.instrument) is stored in the project but cannot be used (\(error)). "
                                + "Point --instruments at the folder with its file.",
                                danish: "\(stored.instrument) er gemt i projektet, men kan ikke bruges. Den, der driver Kortlæg, skal pege på mappen med instrumentets fil.")
        }
        var scores: [String: Double?] = [:]
        for score in stored.scores { scores[score.id] = .some(score.value) }
        self.init(child: stored.child, occasion: stored.occasion.code, order: stored.occasion.sequence,
                  informant: stored.informant, instrument: instrument, scores: scores, answers: stored.answers)
    }

    /// The rows of score files: one observation per row (a rejected row has no scores), its
    /// informant the instrument's.
    /// - Parameter occasions: the occasion of each file, in the order given.
    static func rows(of files: [ScoreFileInput], occasions: [String], idColumn: String?) throws(KortlaegError) -> [ReportObservation] {
        var order: [String] = []
        for occasion in occasions where !order.contains(occasion) { order.append(occasion) }
        var observations: [ReportObservation] = []
        for (file, occasion) in zip(files, occasions) {
            let contents = try file.read(idColumn: idColumn)
            for row in contents.rows {
                observations.append(ReportObservation(child: row.id, occasion: occasion, order: order.firstIndex(of: occasion) ?? 0,
                                                      informant: file.instrument.informant, instrument: file.instrument,
                                                      scores: row.scores, answers: [:]))
            }
        }
        return observations
    }
}

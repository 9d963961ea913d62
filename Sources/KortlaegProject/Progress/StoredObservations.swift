import KortlaegDomain
import KortlaegStore

/// Turns stored responses into the observations a progress analysis pairs: one per child at one
/// occasion, with score values keyed by the score ids of the analysed instrument version.
///
/// A response stored under another version of the instrument contributes only the scores that
/// version declares equivalent (same `equivalenceKey`); the others are left out, as the battery
/// diff says they are not comparable.
struct StoredObservations {
    /// Grouping attribute names a user can give to `--by`, with the stored attribute they mean.
    static let groupNames: Set<String> = ["class", "klasse", "school", "skole", "sex", "koen", "køn",
                                          "birth-year", "foedselsaar", "fødselsår", "site", "kommune", "municipality", "sted"]

    /// The stored attribute a group name means.
    static func attribute(_ name: String, of attributes: ChildAttributes) -> String? {
        switch name {
        case "class", "klasse": attributes.className
        case "school", "skole": attributes.school
        case "birth-year", "foedselsaar", "fødselsår": attributes.birthYear.map(String.init)
        case "site", "kommune", "municipality", "sted": attributes.site
        default: attributes.sex
        }
    }

    let target: Instrument
    let catalog: InstrumentCatalog
    let informant: Informant?

    /// The observations of `occasion`, and the instrument versions they were collected with.
    func read(from store: any ProjectStore, occasion: Occasion) throws
        -> (observations: [ChildObservation], versions: Set<String>, uncomparable: Int) {
        var observations: [ChildObservation] = []
        var versions: Set<String> = []
        var uncomparable = 0
        var mappings: [String: [String: String]] = [:]
        var query = ResponseQuery(instrumentID: target.id, informant: informant)
        query.includeAnswers = false  // progress works on the stored scores; the answers JSON is not decoded
        try store.responses(query) { response in
            guard response.occasion == occasion else { return }
            versions.insert(response.instrument.version)
            let key = response.instrument.description
            if mappings[key] == nil { mappings[key] = try scoreMapping(from: response.instrument) }
            let mapping = mappings[key] ?? [:]
            var values: [String: Double] = [:]
            for score in response.scores {
                guard let value = score.value else { continue }
                if let targetID = mapping[score.id] { values[targetID] = value } else { uncomparable += 1 }
            }
            var attributes: [String: String] = [:]
            for name in Self.groupNames {
                if let value = Self.attribute(name, of: response.attributes) { attributes[name] = value }
            }
            observations.append(ChildObservation(id: response.child, attributes: attributes, values: values))
        }
        return (observations, versions, uncomparable)
    }

    /// The item answers of the responses at `occasion` collected with the target version itself
    /// (for Cronbach's alpha of the T1 sample).
    func answers(from store: any ProjectStore, occasion: Occasion) throws -> [[String: AnswerValue]] {
        var answers: [[String: AnswerValue]] = []
        try store.responses(ResponseQuery(instrumentID: target.id, informant: informant)) { response in
            guard response.occasion == occasion, response.instrument == target.reference else { return }
            answers.append(response.answers)
        }
        return answers
    }

    /// Source score id → target score id.
    private func scoreMapping(from reference: InstrumentReference) throws -> [String: String] {
        let everything = ScoringOptions(includeUnverifiedScores: true)
        let targetScores = try Scorer(instrument: target, options: everything).scores
        if reference == target.reference {
            return Dictionary(uniqueKeysWithValues: targetScores.map { ($0.id, $0.id) })
        }
        let source = try catalog.instrument(reference)
        var mapping: [String: String] = [:]
        for score in try Scorer(instrument: source, options: everything).scores {
            guard let key = score.equivalenceKey,
                  let match = targetScores.first(where: { $0.equivalenceKey == key }) else { continue }
            mapping[score.id] = match.id
        }
        return mapping
    }
}

import KortlaegDomain
import KortlaegStore

extension StoredObservations {
    /// The observations of every occasion with a response to the target instrument, in one pass
    /// over the store, by occasion in course order (T1, F1, F2, …, T2).
    func readAll(from store: any ProjectStore)
        throws -> (byOccasion: [(occasion: Occasion, observations: [ChildObservation])], versions: Set<String>, uncomparable: Int) {
        var byOccasion: [Occasion: [ChildObservation]] = [:]
        var versions: Set<String> = []
        var uncomparable = 0
        var mappings: [String: [String: String]] = [:]
        var query = ResponseQuery(instrumentID: target.id, informant: informant)
        query.includeAnswers = false
        try store.responses(query) { response in
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
            byOccasion[response.occasion, default: []].append(ChildObservation(id: response.child, attributes: attributes, values: values))
        }
        return (byOccasion.keys.sorted().map { ($0, byOccasion[$0]!) }, versions, uncomparable)
    }
}

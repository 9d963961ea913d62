import KortlaegDomain

/// Children paired between two occasions; what did not pair is listed, never dropped.
public struct Pairing: Sendable {
    /// A child seen at both occasions.
    public struct Pair: Sendable {
        public var id: String
        public var before: ChildObservation
        public var after: ChildObservation
        /// Attributes from the earlier occasion, completed by the later one.
        public var attributes: [String: String]
    }

    public var pairs: [Pair]
    /// Ids seen only at the earlier occasion.
    public var onlyBefore: [String]
    /// Ids seen only at the later occasion.
    public var onlyAfter: [String]
    /// Ids that occur more than once at one occasion; they are not paired.
    public var duplicates: [String]
    /// The ids that occur more than once at the earlier occasion.
    public var duplicatesBefore: Set<String>
    /// The ids that occur more than once at the later occasion.
    public var duplicatesAfter: Set<String>

    /// Pairs `before` and `after` by child id.
    public init(before: [ChildObservation], after: [ChildObservation]) {
        // Each id's position (not a copy of its observation), and the ids seen more than once.
        func index(_ observations: [ChildObservation]) -> (unique: [String: Int], duplicates: Set<String>) {
            var unique: [String: Int] = [:]
            unique.reserveCapacity(observations.count)
            var duplicates: Set<String> = []
            for position in observations.indices {
                if unique.updateValue(position, forKey: observations[position].id) != nil { duplicates.insert(observations[position].id) }
            }
            for id in duplicates { unique[id] = nil }
            return (unique, duplicates)
        }
        let (first, duplicatesFirst) = index(before)
        let (second, duplicatesSecond) = index(after)
        duplicatesBefore = duplicatesFirst
        duplicatesAfter = duplicatesSecond
        duplicates = duplicatesFirst.union(duplicatesSecond).sorted()
        let duplicateSet = Set(duplicates)
        pairs = first.keys.sorted().compactMap { id in
            guard let a = first[id], let b = second[id] else { return nil }
            let earlier = before[a].attributes, later = after[b].attributes
            // The earlier occasion's attributes win; a new dictionary only when the later one adds a name.
            let attributes = later.keys.allSatisfy { earlier[$0] != nil } ? earlier : earlier.merging(later) { old, _ in old }
            return Pair(id: id, before: before[a], after: after[b], attributes: attributes)
        }
        onlyBefore = first.keys.filter { second[$0] == nil && !duplicateSet.contains($0) }.sorted()
        onlyAfter = second.keys.filter { first[$0] == nil && !duplicateSet.contains($0) }.sorted()
    }
}

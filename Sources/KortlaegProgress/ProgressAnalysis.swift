import KortlaegDomain
import KortlaegStatistics

/// Progress between two occasions for one instrument: per child and per group.
///
/// Source: shared/specs/change.md (Jacobson & Truax 1991; Ford et al. 2009; paired t, Wilcoxon,
/// McNemar, effect sizes d_z, d_av and Hedges' g).
public struct ProgressAnalysis: Sendable {
    public var pairing: Pairing
    public var scores: [ProgressScore]
    /// Per score id, every paired child's change (children missing the score at either occasion are left out and counted).
    public var changes: [String: [ChildChange]]
    /// Per score id, the children paired by id but missing this score at one occasion.
    public var missingScore: [String: [String]]
    /// Per score id, the baseline SD used when the SD source is `.baseline`.
    public var baselineSD: [String: Double]
    /// Added Value Scores, when the instrument defines one.
    public var addedValues: [AddedValue]
    public var addedValueDefinition: AddedValueScore?
    /// Per grouping value: the group summaries per score, and the mean AVS.
    public var groups: [(name: String, summaries: [GroupSummary], addedValue: GroupAddedValue?)]
    public var suppressionThreshold: Int

    /// Runs the analysis.
    /// - Parameters:
    ///   - groupBy: an attribute name (`class`, `school`, `sex`, …) or nil for one group "all".
    public init(before: [ChildObservation], after: [ChildObservation], scores: [ProgressScore],
                addedValue: AddedValueScore?, groupBy: String?, suppressionThreshold: Int = 5) {
        pairing = Pairing(before: before, after: after)
        self.scores = scores
        self.suppressionThreshold = suppressionThreshold
        addedValueDefinition = addedValue
        var changes: [String: [ChildChange]] = [:]
        var missing: [String: [String]] = [:]
        var baseline: [String: Double] = [:]
        for score in scores {
            let complete = pairing.pairs.filter { $0.before.values[score.definition.id] != nil && $0.after.values[score.definition.id] != nil }
            missing[score.definition.id] = pairing.pairs.filter { pair in !complete.contains { $0.id == pair.id } }.map(\.id)
            if score.standardDeviation == .baseline,
               let sd = (try? Descriptives(complete.map { $0.before.values[score.definition.id]! }))?.standardDeviation, sd > 0 {
                baseline[score.definition.id] = sd
            }
            changes[score.definition.id] = complete.map { ChildChange(pair: $0, score: score, baselineSD: baseline[score.definition.id]) }
        }
        self.changes = changes
        missingScore = missing
        baselineSD = baseline
        let pairs = pairing.pairs
        let values = addedValue.map { definition in pairs.compactMap { AddedValue(pair: $0, definition: definition) } } ?? []
        addedValues = values

        func groupName(_ attributes: [String: String]) -> String {
            guard let groupBy else { return "all" }
            let value = attributes[groupBy] ?? ""
            return value.isEmpty ? "(no \(groupBy))" : value
        }
        var members: [String: Set<String>] = [:]
        for pair in pairs { members[groupName(pair.attributes), default: []].insert(pair.id) }
        // Unpaired children count in their group too (from whichever occasion they were seen at).
        var unpairedByGroup: [String: Int] = [:]
        let unpairedIDs = Set(pairing.onlyBefore + pairing.onlyAfter)
        for observation in before + after where unpairedIDs.contains(observation.id) {
            unpairedByGroup[groupName(observation.attributes), default: 0] += 1
        }
        let names = Set(members.keys).union(unpairedByGroup.keys).sorted()
        let threshold = suppressionThreshold
        groups = names.map { name in
            let ids = members[name] ?? []
            let summaries = scores.map { score in
                let groupChanges = (changes[score.definition.id] ?? []).filter { ids.contains($0.childID) }
                let missingHere = (missing[score.definition.id] ?? []).filter { ids.contains($0) }.count
                return GroupSummary(group: name, score: score, changes: groupChanges,
                                    unpaired: (unpairedByGroup[name] ?? 0) + missingHere,
                                    suppressionThreshold: threshold)
            }
            let avs = addedValue == nil ? nil
                : GroupAddedValue(group: name, values: values.filter { ids.contains($0.childID) },
                                  suppressionThreshold: threshold)
            return (name, summaries, avs)
        }
    }
}

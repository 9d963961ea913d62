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
    /// Per grouping value: the group summaries per score, and the mean AVS. A group with fewer
    /// paired children than the threshold is suppressed for every score (suppression is per group).
    public var groups: [(name: String, summaries: [GroupSummary], addedValue: GroupAddedValue?)]
    public var suppressionThreshold: Int
    /// Per group name, the children whose id occurs more than once at one occasion (not paired;
    /// ``Pairing/duplicates`` counted in their group, which is that of the id's first row).
    public var duplicatesByGroup: [String: Int]
    /// Per child id, its attributes (the earlier occasion's, completed by the later one): the
    /// per-child file's `class` and `sex` columns come from here.
    public var childAttributes: [String: [String: String]]
    /// How many element steps pairing, bucketing and grouping took (for the test that keeps the
    /// analysis linear in the number of children; not a time).
    package private(set) var bucketingSteps = 0

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
        var work = 0
        // One pass over the pairs per score: complete pairs and those missing the score.
        for score in scores {
            let id = score.definition.id
            var complete: [Pairing.Pair] = []
            var missingHere: [String] = []
            for pair in pairing.pairs {
                work += 1
                if pair.before.values[id] != nil, pair.after.values[id] != nil { complete.append(pair) } else { missingHere.append(pair.id) }
            }
            missing[id] = missingHere
            if score.standardDeviation == .baseline,
               let sd = (try? Descriptives(complete.map { $0.before.values[id]! }))?.standardDeviation, sd > 0 {
                baseline[id] = sd
            }
            changes[id] = complete.map { ChildChange(pair: $0, score: score, baselineSD: baseline[id]) }
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
        // One bucketing pass: child id → group, then every change, missing id and AVS into its group.
        var groupOf: [String: String] = [:]
        var pairedByGroup: [String: Int] = [:]
        for pair in pairs {
            work += 1
            let name = groupName(pair.attributes)
            groupOf[pair.id] = name
            pairedByGroup[name, default: 0] += 1
        }
        // Unpaired children count in their group too (from whichever occasion they were seen at).
        var unpairedByGroup: [String: Int] = [:]
        let unpairedIDs = Set(pairing.onlyBefore + pairing.onlyAfter)
        var attributes: [String: [String: String]] = [:]
        for pair in pairs { attributes[pair.id] = pair.attributes }
        for observation in before + after where unpairedIDs.contains(observation.id) {
            work += 1
            unpairedByGroup[groupName(observation.attributes), default: 0] += 1
            attributes[observation.id] = observation.attributes
        }
        // Duplicate ids count in the group of their first row (earlier occasion first), as
        // attributes are taken from the earlier occasion elsewhere.
        var duplicatesByGroup: [String: Int] = [:]
        var duplicateIDs = Set(pairing.duplicates)
        for observation in before + after where duplicateIDs.contains(observation.id) {
            work += 1
            duplicateIDs.remove(observation.id)
            duplicatesByGroup[groupName(observation.attributes), default: 0] += 1
            attributes[observation.id] = observation.attributes
        }
        self.duplicatesByGroup = duplicatesByGroup
        childAttributes = attributes
        var changesByGroup: [String: [String: [ChildChange]]] = [:]   // group → score → changes
        var missingByGroup: [String: [String: Int]] = [:]             // group → score → count
        for score in scores {
            let id = score.definition.id
            for change in changes[id] ?? [] {
                work += 1
                changesByGroup[groupOf[change.childID] ?? "all", default: [:]][id, default: []].append(change)
            }
            for child in missing[id] ?? [] {
                work += 1
                missingByGroup[groupOf[child] ?? "all", default: [:]][id, default: 0] += 1
            }
        }
        var valuesByGroup: [String: [AddedValue]] = [:]
        for value in values {
            work += 1
            valuesByGroup[groupOf[value.childID] ?? "all", default: []].append(value)
        }
        let names = Set(groupOf.values).union(unpairedByGroup.keys).union(duplicatesByGroup.keys).sorted()
        let threshold = suppressionThreshold
        groups = names.map { name in
            let summaries = scores.map { score in
                GroupSummary(group: name, score: score, changes: changesByGroup[name]?[score.definition.id] ?? [],
                             unpaired: (unpairedByGroup[name] ?? 0) + (missingByGroup[name]?[score.definition.id] ?? 0),
                             suppressionThreshold: threshold, groupSize: pairedByGroup[name] ?? 0)
            }
            let avs = addedValue.map { definition in
                GroupAddedValue(group: name, values: valuesByGroup[name] ?? [], suppressionThreshold: threshold,
                                groupSize: pairedByGroup[name] ?? 0, effectSizeDivisor: definition.effectSizeDivisor)
            }
            return (name, summaries, avs)
        }
        bucketingSteps = work
    }
}

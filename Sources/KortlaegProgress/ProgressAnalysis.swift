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
        let pairs = pairing.pairs
        // Per score, the pair indices of its complete pairs and of those missing it. Pairs are
        // reached by index, never copied (a copy retains every dictionary of both observations).
        var completeByScore: [[Int]] = [], missingByScore: [[Int]] = []
        // A pair's sex, looked up once for every score (only the scores with SDs by sex read it).
        let sexes: [String?] = scores.contains { if case .bySex = $0.standardDeviation { true } else { false } }
            ? pairs.map { $0.attributes["sex"] } : []
        // The scores are independent: each is worked out on some core, the results kept in order.
        let perScore = orderedConcurrentMap(count: scores.count) { scoreIndex in
            let score = scores[scoreIndex], id = score.definition.id
            // One lookup per pair and occasion: the values are kept for the SD and the changes.
            var complete: [Int] = [], missingHere: [Int] = [], befores: [Double] = [], afters: [Double] = []
            complete.reserveCapacity(pairs.count)
            befores.reserveCapacity(pairs.count)
            afters.reserveCapacity(pairs.count)
            for index in pairs.indices {
                if let before = pairs[index].before.values[id], let after = pairs[index].after.values[id] {
                    complete.append(index)
                    befores.append(before)
                    afters.append(after)
                } else {
                    missingHere.append(index)
                }
            }
            var baselineSD: Double?
            if score.standardDeviation == .baseline, let sd = (try? Descriptives(befores))?.standardDeviation, sd > 0 {
                baselineSD = sd
            }
            var scoreChanges: [ChildChange] = []
            scoreChanges.reserveCapacity(complete.count)
            for (position, index) in complete.enumerated() {
                scoreChanges.append(ChildChange(childID: pairs[index].id, before: befores[position], after: afters[position],
                                                sex: sexes.isEmpty ? nil : sexes[index], score: score, baselineSD: baselineSD))
            }
            return (complete: complete, missing: missingHere, baselineSD: baselineSD, changes: scoreChanges)
        }
        for (score, result) in zip(scores, perScore) {
            let id = score.definition.id
            work += pairs.count
            missing[id] = result.missing.map { pairs[$0].id }
            if let sd = result.baselineSD { baseline[id] = sd }
            changes[id] = result.changes
            completeByScore.append(result.complete)
            missingByScore.append(result.missing)
        }
        self.changes = changes
        missingScore = missing
        baselineSD = baseline
        var values: [AddedValue] = [], valuePairs: [Int] = []
        if let addedValue {
            for index in pairs.indices {
                guard let value = AddedValue(pair: pairs[index], definition: addedValue) else { continue }
                values.append(value)
                valuePairs.append(index)
            }
        }
        addedValues = values

        func groupName(_ attributes: [String: String]) -> String {
            guard let groupBy else { return "all" }
            let value = attributes[groupBy] ?? ""
            return value.isEmpty ? "(no \(groupBy))" : value
        }
        // Groups are numbered as they are met: one name lookup per child, none per change.
        var groupNames: [String] = []
        var groupNumbers: [String: Int] = [:]
        func groupNumber(_ attributes: [String: String]) -> Int {
            let name = groupName(attributes)
            if let number = groupNumbers[name] { return number }
            groupNumbers[name] = groupNames.count
            groupNames.append(name)
            return groupNames.count - 1
        }
        // One bucketing pass: each pair's group, then every change, missing score and AVS into it.
        var pairGroup: [Int] = []
        pairGroup.reserveCapacity(pairs.count)
        for index in pairs.indices {
            work += 1
            pairGroup.append(groupNumber(pairs[index].attributes))
        }
        // Unpaired children count in their group too (from whichever occasion they were seen at).
        var unpairedGroups: [Int] = []
        let unpairedIDs = Set(pairing.onlyBefore + pairing.onlyAfter)
        var attributes: [String: [String: String]] = [:]
        attributes.reserveCapacity(pairs.count)
        for index in pairs.indices { attributes[pairs[index].id] = pairs[index].attributes }
        for observations in [before, after] where !unpairedIDs.isEmpty {
            for index in observations.indices where unpairedIDs.contains(observations[index].id) {
                work += 1
                unpairedGroups.append(groupNumber(observations[index].attributes))
                attributes[observations[index].id] = observations[index].attributes
            }
        }
        // Duplicate ids count in the group of their first row (earlier occasion first), as
        // attributes are taken from the earlier occasion elsewhere.
        var duplicateGroups: [Int] = []
        var duplicateIDs = Set(pairing.duplicates)
        for observations in [before, after] where !duplicateIDs.isEmpty {
            for index in observations.indices where duplicateIDs.contains(observations[index].id) {
                work += 1
                duplicateIDs.remove(observations[index].id)
                duplicateGroups.append(groupNumber(observations[index].attributes))
                attributes[observations[index].id] = observations[index].attributes
            }
        }
        let groupCount = groupNames.count
        var pairedByGroup = [Int](repeating: 0, count: groupCount)
        for group in pairGroup { pairedByGroup[group] += 1 }
        var unpairedByGroup = [Int](repeating: 0, count: groupCount)
        for group in unpairedGroups { unpairedByGroup[group] += 1 }
        var duplicatesByGroup: [String: Int] = [:]
        for group in duplicateGroups { duplicatesByGroup[groupNames[group], default: 0] += 1 }
        self.duplicatesByGroup = duplicatesByGroup
        childAttributes = attributes
        // Per score and group: the positions of the group's changes in `changes[id]` (indices, not
        // copies of the changes), and the count of pairs missing the score.
        var changesByGroup: [[[Int]]] = []   // score → group → positions
        var missingByGroup: [[Int]] = []     // score → group → count
        for (scoreIndex, _) in scores.enumerated() {
            var buckets = [[Int]](repeating: [], count: groupCount)
            for (position, pair) in completeByScore[scoreIndex].enumerated() {
                work += 1
                buckets[pairGroup[pair]].append(position)
            }
            var counts = [Int](repeating: 0, count: groupCount)
            for pair in missingByScore[scoreIndex] {
                work += 1
                counts[pairGroup[pair]] += 1
            }
            changesByGroup.append(buckets)
            missingByGroup.append(counts)
        }
        var valuesByGroup = [[AddedValue]](repeating: [], count: groupCount)
        for (value, pair) in zip(values, valuePairs) {
            work += 1
            valuesByGroup[pairGroup[pair]].append(value)
        }
        let threshold = suppressionThreshold
        let names = groupNames, scores = scores, allChanges = changes
        let buckets = changesByGroup, missingCounts = missingByGroup, unpairedCounts = unpairedByGroup
        let paired = pairedByGroup, groupValues = valuesByGroup
        let order = names.indices.sorted { names[$0] < names[$1] }
        // The groups are independent too: their statistics are worked out on every core, in order.
        groups = orderedConcurrentMap(count: order.count) { rank in
            let group = order[rank], name = names[group]
            let summaries = scores.enumerated().map { scoreIndex, score in
                GroupSummary(group: name, score: score, positions: buckets[scoreIndex][group],
                             of: allChanges[score.definition.id] ?? [],
                             unpaired: unpairedCounts[group] + missingCounts[scoreIndex][group],
                             suppressionThreshold: threshold, groupSize: paired[group])
            }
            let avs = addedValue.map { definition in
                GroupAddedValue(group: name, values: groupValues[group], suppressionThreshold: threshold,
                                groupSize: paired[group], effectSizeDivisor: definition.effectSizeDivisor)
            }
            return (name, summaries, avs)
        }
        bucketingSteps = work
    }
}

import KortlaegDomain
import KortlaegStatistics

/// Progress over the whole course (T1, F1, F2, …, T2), not only between two mappings: per group
/// and score the mean with its 95 % confidence interval at every occasion, and per child the
/// trajectory with the change and reliable change from the first occasion at each follow-up.
///
/// Each follow-up is a ``ProgressAnalysis`` from the first occasion to it, so the change, the RCI
/// and the Jacobson–Truax class of a child at F2 are exactly those of `progress --from T1 --to F2`.
///
/// Source: shared/specs/change.md (mean with a t-based 95 % CI, df = n − 1; Jacobson & Truax 1991).
public struct CourseAnalysis: Sendable {
    /// The observations of one occasion.
    public struct Occasion: Sendable {
        /// `T1`, `F1`, …, `T2`.
        public var code: String
        public var observations: [ChildObservation]

        public init(code: String, observations: [ChildObservation]) {
            self.code = code
            self.observations = observations
        }
    }

    /// One score's group mean at one occasion.
    public struct OccasionMean: Sendable {
        public var occasion: String
        /// Children of the group with the score at this occasion.
        public var n: Int
        /// The group is under the suppression threshold at this occasion: n only.
        public var suppressed: Bool
        public var mean: Double?
        /// Sample SD (n − 1); nil when n < 2.
        public var standardDeviation: Double?
        /// The t-based interval of the mean (df = n − 1), or why there is none.
        public var interval: GroupSummary.Value<ConfidenceInterval>?
        /// The suppression threshold, for the reason of a suppressed cell.
        public var suppressionThreshold: Int

        /// Why the interval (or everything) is missing.
        public var gaps: [(statistic: String, gap: StatisticGap)] {
            if suppressed { return [("all", .suppressed(threshold: suppressionThreshold))] }
            if case let .unavailable(gap)? = interval { return [("ci", gap)] }
            return []
        }
    }

    /// One group over the course.
    public struct Group: Sendable {
        public var name: String
        /// Children of the group seen at each occasion (duplicates left out), in course order.
        public var children: [Int]
        /// Per score id, the mean at each occasion in course order.
        public var means: [String: [OccasionMean]]
        /// Children of the group whose id occurs more than once at each occasion (left out there), in course order.
        public var duplicates: [Int]
    }

    /// One child's value of one score at one occasion, with the change from the first occasion.
    public struct Point: Sendable {
        public var childID: String
        public var scoreID: String
        public var occasion: String
        /// The score; nil when the child was seen but the score is missing.
        public var value: Double?
        /// At a follow-up, the change from the first occasion (nil at the first occasion, or when
        /// either value is missing).
        public var change: ChildChange?
    }

    /// The occasion codes in course order; the first is the baseline.
    public let occasions: [String]
    public let scores: [ProgressScore]
    /// From the first occasion to each later one, in course order.
    public let followUps: [ProgressAnalysis]
    public let groups: [Group]
    /// Ids seen twice at an occasion (left out there), per occasion in course order.
    public let duplicates: [[String]]
    /// Per child, its attributes (first occasion first).
    public let childAttributes: [String: [String: String]]
    /// Every child's values, by child id, then score, then occasion.
    public let trajectories: [Point]
    public let suppressionThreshold: Int

    /// Runs the analysis.
    /// - Parameters:
    ///   - occasions: at least two, in course order; the first is the baseline.
    ///   - groupBy: an attribute name or nil for one group "all".
    public init(occasions: [Occasion], scores: [ProgressScore], addedValue: AddedValueScore?, groupBy: String?,
                suppressionThreshold: Int = 5, confidenceLevel: Double = 0.95) {
        self.occasions = occasions.map(\.code)
        self.scores = scores
        self.suppressionThreshold = suppressionThreshold
        let baseline = occasions.first?.observations ?? []
        followUps = occasions.dropFirst().map { later in
            ProgressAnalysis(before: baseline, after: later.observations, scores: scores, addedValue: addedValue,
                             groupBy: groupBy, suppressionThreshold: suppressionThreshold)
        }
        // Unique observations per occasion (an id seen twice at one occasion is left out there, as in pairing).
        var unique: [[String: ChildObservation]] = []
        var duplicates: [[String]] = []
        var attributes: [String: [String: String]] = [:]
        for occasion in occasions {
            var seen: [String: ChildObservation] = [:], twice: Set<String> = []
            for observation in occasion.observations {
                if seen[observation.id] != nil { twice.insert(observation.id) }
                seen[observation.id] = observation
                attributes[observation.id, default: [:]].merge(observation.attributes) { first, _ in first }
            }
            for id in twice { seen[id] = nil }
            unique.append(seen)
            duplicates.append(twice.sorted())
        }
        self.duplicates = duplicates
        childAttributes = attributes
        func groupName(_ id: String) -> String {
            guard let groupBy else { return "all" }
            let value = attributes[id]?[groupBy] ?? ""
            return value.isEmpty ? "(no \(groupBy))" : value
        }
        var members: [String: [[ChildObservation]]] = [:]  // group → per occasion
        for (index, seen) in unique.enumerated() {
            for (id, observation) in seen {
                let name = groupName(id)
                if members[name] == nil { members[name] = Array(repeating: [], count: occasions.count) }
                members[name]![index].append(observation)
            }
        }
        var duplicatesOf: [String: [Int]] = [:]  // group → per occasion
        for (index, ids) in duplicates.enumerated() {
            for id in ids {
                let name = groupName(id)
                if members[name] == nil { members[name] = Array(repeating: [], count: occasions.count) }
                duplicatesOf[name, default: Array(repeating: 0, count: occasions.count)][index] += 1
            }
        }
        groups = members.keys.sorted().map { name in
            let perOccasion = members[name]!
            var means: [String: [OccasionMean]] = [:]
            for score in scores {
                let id = score.definition.id
                means[id] = zip(occasions, perOccasion).map { occasion, observations in
                    let values = observations.compactMap { $0.values[id] }
                    var cell = OccasionMean(occasion: occasion.code, n: values.count, suppressed: observations.count < suppressionThreshold,
                                            suppressionThreshold: suppressionThreshold)
                    guard !cell.suppressed else { return cell }
                    guard let descriptives = try? Descriptives(values) else {
                        cell.interval = .unavailable(.tooFew(required: 2, actual: 0))
                        return cell
                    }
                    cell.mean = descriptives.mean
                    cell.standardDeviation = descriptives.standardDeviation
                    do {
                        cell.interval = .value(try descriptives.meanConfidenceInterval(level: confidenceLevel))
                    } catch {
                        cell.interval = .unavailable((error as? StatisticsError).map(StatisticGap.init) ?? .other("\(error)"))
                    }
                    return cell
                }
            }
            return Group(name: name, children: perOccasion.map(\.count), means: means,
                         duplicates: duplicatesOf[name] ?? Array(repeating: 0, count: occasions.count))
        }
        // Trajectories: every child seen (uniquely) at some occasion, every score, every occasion it was seen at.
        var changeOf: [String: ChildChange] = [:]  // "occasionIndex|score|child"
        for (offset, analysis) in followUps.enumerated() {
            for (scoreID, changes) in analysis.changes {
                for change in changes { changeOf["\(offset + 1)|\(scoreID)|\(change.childID)"] = change }
            }
        }
        var points: [Point] = []
        let children = Set(unique.flatMap(\.keys)).sorted()
        for child in children {
            for score in scores {
                let id = score.definition.id
                for (index, seen) in unique.enumerated() {
                    guard let observation = seen[child] else { continue }
                    points.append(Point(childID: child, scoreID: id, occasion: occasions[index].code, value: observation.values[id],
                                        change: index == 0 ? nil : changeOf["\(index)|\(id)|\(child)"]))
                }
            }
        }
        trajectories = points
    }
}

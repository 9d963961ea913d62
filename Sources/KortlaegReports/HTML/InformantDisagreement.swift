import KortlaegDomain
import KortlaegProgress

/// Informants who place one score at one occasion in band levels at least
/// ``ChildOverview/disagreementLevels`` apart (with the SDQ's three bands: one "normal", another
/// "abnormal"), each informant judged against the band table of its own version. The staff child
/// page flags them; the parent version says them in plain words. The same rule as `kortlaeg child`.
///
/// Raw score differences are not compared: the informant versions have different cut-offs, so
/// equal numbers do not mean equal concern (docs/decisions/webchild.md).
public struct InformantDisagreement: Sendable, Equatable {
    /// One informant's reading of the score at the occasion.
    public struct Reading: Sendable, Equatable {
        /// Who answered.
        public var informant: Informant
        /// The score.
        public var value: Double
        /// The band's level (0 = the normal range).
        public var level: Int
        /// The band table's label of the band.
        public var band: String

        /// Creates a reading.
        public init(informant: Informant, value: Double, level: Int, band: String) {
            self.informant = informant
            self.value = value
            self.level = level
            self.band = band
        }
    }

    /// The key that pairs the informants' versions of a score (``ChildReport/ProfileScore/key``).
    public var scoreKey: String
    /// The score's label, as the first informant's profile names it.
    public var label: String
    /// The occasion.
    public var occasion: String
    /// The readings at the lowest level (least concern), in profile order.
    public var least: [Reading]
    /// The readings at the highest level (most concern), in profile order.
    public var most: [Reading]

    /// Creates a disagreement.
    public init(scoreKey: String, label: String, occasion: String, least: [Reading], most: [Reading]) {
        self.scoreKey = scoreKey
        self.label = label
        self.occasion = occasion
        self.least = least
        self.most = most
    }

    /// The disagreements among `profiles` (one section's), in the order of the scores in the
    /// profiles and then of `occasions`. Scores without bands, and values outside every band,
    /// take no part; readings of one informant never disagree with each other.
    public static func find(in profiles: [ChildReport.Profile], occasions: [String]) -> [InformantDisagreement] {
        var keys: [String] = [], labels: [String: String] = [:]
        var readings: [String: [String: [Reading]]] = [:]  // key → occasion → readings
        for profile in profiles {
            for score in profile.scores {
                if labels[score.key] == nil {
                    keys.append(score.key)
                    labels[score.key] = score.label
                }
                for occasion in profile.occasions {
                    guard let value = score.values[occasion] ?? nil, let band = score.band(of: value) else { continue }
                    readings[score.key, default: [:]][occasion, default: []]
                        .append(Reading(informant: profile.informant, value: value, level: band.level, band: band.label))
                }
            }
        }
        var found: [InformantDisagreement] = []
        for key in keys {
            for occasion in occasions {
                let here = readings[key]?[occasion] ?? []
                guard let low = here.map(\.level).min(), let high = here.map(\.level).max(),
                      high - low >= ChildOverview.disagreementLevels else { continue }
                let least = here.filter { $0.level == low }, most = here.filter { $0.level == high }
                // One informant's two forms (e.g. two versions at one occasion) are not a disagreement.
                guard Set(least.map(\.informant)).union(most.map(\.informant)).count > 1 else { continue }
                found.append(InformantDisagreement(scoreKey: key, label: labels[key] ?? key, occasion: occasion, least: least, most: most))
            }
        }
        return found
    }
}

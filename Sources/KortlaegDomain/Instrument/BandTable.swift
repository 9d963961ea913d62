/// Cut-offs that place a score in a band (e.g. normal / borderline / abnormal) for one norm set.
public struct BandTable: Codable, Hashable, Sendable {
    /// One band of one score.
    public struct Band: Codable, Hashable, Sendable {
        /// Lowest value in the band (inclusive unless `minimumExclusive`).
        public var minimum: Double
        /// Highest value in the band (inclusive).
        public var maximum: Double
        /// True when `minimum` itself belongs to the band below (continuous scores: "> 2").
        public var minimumExclusive: Bool?
        /// The band label id, looked up in the instrument's `bandLabels`.
        public var label: String
        /// 0 = the normal range; higher = more concern. Used for "share above the cut-off"
        /// and clinically significant change.
        public var level: Int

        /// Whether `value` is in this band.
        public func contains(_ value: Double) -> Bool {
            cut.contains(value)
        }

        /// The band's limits alone (no label), for tests of many values against many bands.
        public var cut: Cut {
            Cut(minimum: minimum, maximum: maximum, minimumExclusive: minimumExclusive ?? false)
        }
    }

    /// The limits of a band: a plain value, cheap to keep in a flat array.
    public struct Cut: Sendable, Equatable {
        public var minimum: Double
        public var maximum: Double
        public var minimumExclusive: Bool

        /// Whether `value` lies in `minimum...maximum` (above `minimum` when it is exclusive).
        @inlinable public func contains(_ value: Double) -> Bool {
            (minimumExclusive ? value > minimum : value >= minimum) && value <= maximum
        }
    }

    /// The bands of one score.
    public struct ScoreBands: Codable, Hashable, Sendable {
        /// The bands, in ascending order of score.
        public var bands: [Band]
        /// False while the cut-offs come only from secondary sources.
        public var verified: Bool
        /// Note on where these particular cut-offs come from, when it differs from the table's.
        public var note: String?
    }

    /// Stable id (e.g. `uk-3band`).
    public var id: String
    /// The suffix of output columns (`pebdtot_band3`).
    public var columnSuffix: String
    /// The norm population (e.g. "UK 1999 community sample").
    public var normSet: String
    /// The norm population in Danish, for Danish reports and codebooks (English is `normSet`).
    public var normSetDa: String?
    /// The table's name per language.
    public var label: LocalizedText
    /// Where the cut-offs come from.
    public var source: String
    /// Where the cut-offs come from, in Danish (English is `source`).
    public var sourceDa: String?
    /// The bands per score id.
    public var scores: [String: ScoreBands]

    /// The norm population in both languages (Danish falls back to English when not translated).
    public var normSetText: LocalizedText { LocalizedText(["en": normSet, "da": normSetDa ?? normSet]) }
    /// Where the cut-offs come from, in both languages.
    public var sourceText: LocalizedText { LocalizedText(["en": source, "da": sourceDa ?? source]) }
}

/// Reference values per score for a norm population: means, SDs and reliabilities, used for the
/// reliable change index. A value not known from a citable source is left out (nil), never guessed.
public struct NormSet: Codable, Hashable, Sendable {
    /// Values for one score, optionally per sex.
    public struct ScoreNorms: Codable, Hashable, Sendable {
        /// Mean in the norm population.
        public var mean: Double?
        /// Standard deviation in the norm population.
        public var sd: Double?
        /// Reliability (Cronbach's α or retest r) for the reliable change index.
        public var reliability: Double?
        /// Values for boys (`male`) and girls (`female`) where published separately.
        public var bySex: [String: SexNorms]?
    }

    /// Mean and SD for one sex.
    public struct SexNorms: Codable, Hashable, Sendable {
        public var mean: Double?
        public var sd: Double?
        public var n: Int?
    }

    /// Stable id (e.g. `uk-1999-parent`).
    public var id: String
    /// Human-readable name.
    public var label: LocalizedText
    /// Where the values come from.
    public var source: String
    /// Where the values come from, in Danish (English is `source`).
    public var sourceDa: String?
    /// Where the values come from, in both languages (Danish falls back to English).
    public var sourceText: LocalizedText { LocalizedText(["en": source, "da": sourceDa ?? source]) }
    /// False while taken from secondary sources only.
    public var verified: Bool
    /// Values per score id.
    public var scores: [String: ScoreNorms]
}

/// A label of a band, per language (e.g. `abnormal` → "unormalt" / "abnormal").
public struct BandLabel: Codable, Hashable, Sendable {
    /// Stable id used by bands.
    public var id: String
    /// The label per language.
    public var label: LocalizedText
}

/// The mapping tool (kortlægningsværktøj) of one intervention model at one version: which
/// instruments each informant answers at each occasion, chosen by the child's age, the
/// class-level measures, and the tool's own forms. A data file under `Instruments/batteries/`.
public struct Battery: Codable, Hashable, Sendable {
    /// The intervention model the tool belongs to.
    public struct Model: Codable, Hashable, Sendable {
        /// Stable id (`tvaerfaglig-inklusion`).
        public var id: String
        /// The model's name.
        public var name: LocalizedText
        /// The model description's version (e.g. "0").
        public var modelVersion: String
        /// The source document (seed file and section).
        public var source: String
    }

    /// A kind of occasion in the course.
    public enum OccasionKind: String, Codable, Sendable {
        /// Indledende kortlægning (T1).
        case initial
        /// Opfølgning, repeated (F1, F2, …).
        case followUp
        /// Ny kortlægning at the end (T2).
        case final
    }

    /// An occasion of the course.
    public struct Occasion: Codable, Hashable, Sendable {
        /// `T1`, `F` (follow-ups are numbered F1, F2, …) or `T2`.
        public var id: String
        public var kind: OccasionKind
        public var label: LocalizedText
        /// For follow-ups: the interval in weeks.
        public var everyWeeks: Int?
        /// Which seed section the timing rests on.
        public var basis: String?
    }

    /// One instrument that one informant answers at some occasions for some ages.
    public struct Assignment: Codable, Hashable, Sendable {
        public var informant: Informant
        /// `id@version`: an exact instrument version.
        public var instrument: String
        /// Occasion ids (`T1`, `F`, `T2`).
        public var occasions: [String]
        /// The child's ages (whole years) this assignment applies to; default: all.
        public var ages: Instrument.AgeRange?
        /// Which seed section the choice rests on.
        public var basis: String
    }

    /// A measure at class level (not per child).
    public struct ClassMeasure: Codable, Hashable, Sendable {
        public enum Kind: String, Codable, Sendable {
            /// The class's national trivselsmåling results, imported as aggregates.
            case trivselResults
            /// An overview of a per-child instrument's scores for the class.
            case scoreOverview
        }

        public var id: String
        public var kind: Kind
        public var label: LocalizedText
        /// For `scoreOverview`: the instrument id summarised.
        public var instrument: String?
        public var occasions: [String]
        public var basis: String
    }

    public var format: Int
    /// Always `battery` (tells battery files from instrument files).
    public var kind: String
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var model: Model
    /// The children the model is for.
    public var ageRange: Instrument.AgeRange
    public var occasions: [Occasion]
    public var assignments: [Assignment]
    public var classMeasures: [ClassMeasure]?
    public var provenance: Provenance

    /// `id@version`.
    public var reference: InstrumentReference { InstrumentReference(id: id, version: version) }
}

extension Battery {
    /// The occasion definition for an occasion id: `T1`, `T2`, or `F1`, `F2`… for follow-ups.
    public func occasion(named name: String) -> Occasion? {
        if let exact = occasions.first(where: { $0.id == name }) { return exact }
        for occasion in occasions where occasion.kind == .followUp && name.hasPrefix(occasion.id) {
            let number = name.dropFirst(occasion.id.count)
            if !number.isEmpty, number.allSatisfy(\.isNumber) { return occasion }
        }
        return nil
    }

    /// The instruments (as `id@version`) `informant` answers at `occasion` for a child of `age`.
    /// - Parameter age: whole years; nil selects every assignment regardless of age.
    public func instruments(informant: Informant, occasion name: String, age: Int?) -> [String] {
        guard let occasion = occasion(named: name) else { return [] }
        return assignments.filter { assignment in
            guard assignment.informant == informant, assignment.occasions.contains(occasion.id) else { return false }
            guard let age, let ages = assignment.ages else { return true }
            return ages.minimum <= age && age <= ages.maximum
        }.map(\.instrument)
    }
}

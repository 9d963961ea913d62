/// What changed between two versions of a battery: assignments added and removed, the occasions,
/// and an ``InstrumentDiff`` for every instrument replaced by another of its family.
public struct BatteryDiff: Sendable, Equatable {
    /// The old version.
    public var old: InstrumentReference
    /// The new version.
    public var new: InstrumentReference
    /// Assignments of the old version that the new one no longer has (the `basis` is not compared).
    public var removedAssignments: [Battery.Assignment]
    /// Assignments of the new version that the old one did not have.
    public var addedAssignments: [Battery.Assignment]
    /// The occasion ids of the old version.
    public var oldOccasions: [String]
    /// The occasion ids of the new version.
    public var newOccasions: [String]
    /// For each instrument of the old version replaced by one of the same family and informant
    /// in the new version (or at another version): what changed in it.
    public var instrumentDiffs: [InstrumentDiff]
    /// Whether the occasions (ids, kinds, labels, intervals) changed.
    public var occasionsChanged: Bool

    /// Compares `old` with `new`; instruments are looked up in `catalog` (those not found are
    /// not diffed).
    public init(old: Battery, new: Battery, catalog: InstrumentCatalog) {
        self.old = old.reference
        self.new = new.reference
        func same(_ a: Battery.Assignment, _ b: Battery.Assignment) -> Bool {
            a.informant == b.informant && a.instrument == b.instrument && a.occasions == b.occasions && a.ages == b.ages
        }
        removedAssignments = old.assignments.filter { a in !new.assignments.contains { same(a, $0) } }
        addedAssignments = new.assignments.filter { a in !old.assignments.contains { same(a, $0) } }
        oldOccasions = old.occasions.map(\.id)
        newOccasions = new.occasions.map(\.id)
        occasionsChanged = old.occasions != new.occasions
        // Pair instruments by family and informant; diff those whose versions differ.
        let oldInstruments = Set(old.assignments.map(\.instrument)), newInstruments = Set(new.assignments.map(\.instrument))
        var diffs: [InstrumentDiff] = []
        for oldReference in oldInstruments.sorted() {
            guard let a = try? catalog.resolve(oldReference) else { continue }
            for newReference in newInstruments.sorted() where newReference != oldReference {
                guard let b = try? catalog.resolve(newReference), a.family == b.family, a.informant == b.informant,
                      a.id == b.id || !newInstruments.contains(oldReference)
                else { continue }
                diffs.append(InstrumentDiff(old: a, new: b))
            }
        }
        instrumentDiffs = diffs
    }

    /// Whether the versions differ at all.
    public var isEmpty: Bool {
        removedAssignments.isEmpty && addedAssignments.isEmpty && !occasionsChanged && instrumentDiffs.isEmpty
    }
}

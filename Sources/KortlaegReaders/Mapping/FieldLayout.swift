import Synchronization

/// Where a record's fields are, worked out once for every record with the same field names in
/// the same order (the rows of a table, the forms of one export): each lowercased name's first
/// position, whether two names differ only in case, and per item plan the position of its
/// first source field present. A record then reads its values by position, not by hashing
/// every field name into a dictionary of its own.
final class FieldLayout: Sendable {
    /// The field names as the record gives them.
    let names: [String]
    /// Lowercased name → position of its first field.
    let positions: [String: Int]
    /// Whether two field names differ only in case (the exact spelling then decides).
    let caseClash: Bool
    /// Per item plan (mapper order): the position of its first source field present.
    let planPositions: [Int?]
    /// Per reference of the mapper (``ResponseMapper/ReferenceSlot`` order): the position of its
    /// first lowercased name or alias present.
    let referencePositions: [Int?]

    init(names: [String], plans: [ResponseMapper.Plan], references: [[String]] = []) {
        self.names = names
        var positions: [String: Int] = [:]
        positions.reserveCapacity(names.count)
        var clash = false
        for (position, name) in names.enumerated() {
            let key = name.lowercasedFast
            if positions[key] == nil { positions[key] = position } else { clash = true }
        }
        self.positions = positions
        caseClash = clash
        planPositions = plans.map { plan in plan.sources.lazy.compactMap { positions[$0] }.first }
        referencePositions = references.map { names in names.lazy.compactMap { positions[$0] }.first }
    }

    /// Whether `fields` have exactly these names in this order.
    func fits(_ fields: [SourceField]) -> Bool {
        guard fields.count == names.count else { return false }
        for index in fields.indices where fields[index].name != names[index] { return false }
        return true
    }
}

/// A record's values by lowercased field name (first occurrence), through its ``FieldLayout``.
struct FieldLookup {
    let layout: FieldLayout
    let fields: [SourceField]

    subscript(name: String) -> String? {
        layout.positions[name].map { fields[$0].value }
    }

    /// The value of the reference's first name or alias present.
    subscript(slot: ResponseMapper.ReferenceSlot) -> String? {
        layout.referencePositions[slot.rawValue].map { fields[$0].value }
    }
}

/// The layout of the last record mapped, kept for the next (one per mapper; any thread).
final class FieldLayoutCache: Sendable {
    private let last = Mutex<FieldLayout?>(nil)

    func layout(of fields: [SourceField], plans: [ResponseMapper.Plan], references: [[String]]) -> FieldLayout {
        if let layout = last.withLock({ $0 }), layout.fits(fields) { return layout }
        let layout = FieldLayout(names: fields.map(\.name), plans: plans, references: references)
        last.withLock { $0 = layout }
        return layout
    }
}

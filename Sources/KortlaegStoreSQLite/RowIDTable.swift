/// Values by SQLite row id, for the lookups of a read that touches every response: an array
/// indexed by id when the ids are dense (autoincrement ids of a table nothing was deleted from),
/// else a dictionary — the same answers either way, without hashing an id per lookup.
struct RowIDTable<Value> {
    private var dense: [Value?] = []
    private var sparse: [Int64: Value] = [:]

    /// The table of `entries`; dense when the largest id is at most four times the count.
    init(_ entries: [(id: Int64, value: Value)]) {
        let largest = entries.map(\.id).max() ?? 0
        if entries.allSatisfy({ $0.id >= 0 }), largest <= Int64(max(4 * entries.count, 1024)) {
            dense = Array(repeating: nil, count: Int(largest) + 1)
            for entry in entries { dense[Int(entry.id)] = entry.value }
        } else {
            sparse = Dictionary(entries.map { ($0.id, $0.value) }, uniquingKeysWith: { _, last in last })
        }
    }

    subscript(id: Int64) -> Value? {
        if !dense.isEmpty { return id >= 0 && id < Int64(dense.count) ? dense[Int(id)] : nil }
        return sparse[id]
    }
}

extension RowIDTable: Sendable where Value: Sendable {}

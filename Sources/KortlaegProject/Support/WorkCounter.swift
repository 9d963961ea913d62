/// Counts the units of work a use case does, by kind, so that a test can assert that it grows
/// linearly with its input (issue 15: a return to quadratic behaviour is caught by counting, not
/// by timing). Passed explicitly, for tests only; production code passes none and pays nothing.
final class WorkCounter {
    /// Units counted per kind (`responses read`, `elements moved`, …).
    private(set) var counts: [String: Int] = [:]

    /// Adds `units` of `kind`.
    func add(_ kind: String, _ units: Int = 1) {
        counts[kind, default: 0] += units
    }

    /// Every unit counted.
    var total: Int { counts.values.reduce(0, +) }
}

extension Array {
    /// Appends `element` and, with a counter, counts the elements the append moved: all of them
    /// when the buffer was copied or reallocated (amortised O(1) when the array grows in place,
    /// O(n) per append when a copy of the array is appended to), plus the new one.
    mutating func append(_ element: Element, counting counter: WorkCounter?) {
        guard let counter else { return append(element) }
        let before = withUnsafeBufferPointer { $0.baseAddress }
        let moved = count
        append(element)
        let after = withUnsafeBufferPointer { $0.baseAddress }
        counter.add("elements moved", (before == after || before == nil ? 0 : moved) + 1)
    }
}

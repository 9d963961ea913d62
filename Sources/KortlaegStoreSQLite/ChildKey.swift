/// How the SQLite store finds a child by pseudonym (schema v9): through the index of the
/// pseudonym's first ``prefixLength`` characters (`childPseudonymPrefix`), then the whole text.
///
/// A pseudonym is a keyed hash, so children arrive in random pseudonym order and every new one
/// lands on a random page of that index. An index of the whole 32-character text is too large
/// for the page cache at a million children and a large import rewrites its pages again and
/// again; one of 8 characters (32 bits) is less than half the size. Pseudonyms that share a
/// prefix (about one pair in 10⁹ per pair of children) are told apart by the second condition.
/// The import keeps the pseudonyms unique (it looks a child up before inserting it, in one
/// writing transaction), as the UNIQUE constraint of v1–v8 did.
enum ChildKey {
    /// Characters of the pseudonym in the index.
    static let prefixLength = 8

    /// The SQL condition on the `child` table (its columns prefixed with `prefix`: `"c."` in a
    /// join, `""` alone) with two parameters, the pseudonym's prefix and the pseudonym
    /// (``arguments(_:)``). The `+` keeps SQLite from weighing the whole-text comparison
    /// against the index (without statistics it would scan the table).
    static func condition(prefix: String = "") -> String {
        "substr(\(prefix)pseudonym, 1, \(prefixLength)) = ? AND +\(prefix)pseudonym = ?"
    }

    /// The arguments of ``condition(prefix:)`` for `pseudonym`, in order.
    static func arguments(_ pseudonym: String) -> [String] {
        [String(pseudonym.prefix(prefixLength)), pseudonym]
    }
}

import GRDB
import KortlaegDomain
import KortlaegStore

/// A ``ResponseQuery``'s filters as SQL conditions with their arguments, written once for every
/// reader of responses (in course order, and in any order for an export).
struct ResponseFilter {
    private(set) var conditions: [String] = []
    private(set) var arguments: StatementArguments = []

    /// ` WHERE …` for the conditions, or nothing.
    var whereClause: String { conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ") }

    mutating func add(_ condition: String, _ values: [any DatabaseValueConvertible]) {
        conditions.append(condition)
        arguments += StatementArguments(values)
    }

    /// The child filters (pseudonym, class) on the `child` table, its columns prefixed with
    /// `prefix` (`"c."` in a join, `""` alone).
    mutating func addChildFilters(_ query: ResponseQuery, prefix: String) {
        if let child = query.child { add(ChildKey.condition(prefix: prefix), ChildKey.arguments(child)) }
        if let className = query.className { add("\(prefix)classId IN (SELECT id FROM schoolClass WHERE name = ?)", [className]) }
    }

    /// The response filters (instrument, informant) on the `response` table, its columns prefixed
    /// with `prefix`.
    mutating func addResponseFilters(_ query: ResponseQuery, prefix: String) {
        if let instrumentID = query.instrumentID { add("\(prefix)instrumentId = ?", [instrumentID]) }
        if let informant = query.informant { add("\(prefix)informant = ?", [informant.rawValue]) }
    }
}

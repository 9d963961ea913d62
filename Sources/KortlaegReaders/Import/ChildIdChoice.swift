import Foundation
import KortlaegDomain

/// Which column of a table (CSV, SurveyXact dataset, Excel sheet) holds the child id, and why.
///
/// Chosen once per file, from the header and the first rows: a column named with `--id` wins;
/// else a column whose values are CPR numbers; else a column whose header names an id (`cpr`,
/// `barn_id`, `elev_id`, `record_id`, `respondentid`, `subject`, `id`, …; case, accents and
/// punctuation ignored); else the first column. A column whose values look like names (letters
/// and spaces only) is never chosen unless named with `--id`.
public struct ChildIdChoice: Sendable, Hashable, CustomStringConvertible {
    /// Why the column was chosen.
    public enum Reason: String, Sendable, Hashable {
        /// Named by the user (`--id`).
        case named
        /// Its values are CPR numbers.
        case cprValues
        /// Its header names an id.
        case idHeader
        /// No column is named as an id: the first column, as in a plain CSV with official names.
        case firstColumn
        /// The format's own respondent key (e.g. SurveyXact's `respondentid`).
        case formatKey
    }

    /// The column, as written in the header.
    public var column: String
    /// Why it was chosen.
    public var reason: Reason

    /// Creates a choice.
    public init(column: String, reason: Reason) {
        self.column = column
        self.reason = reason
    }

    /// `child id: column 'CPR' (its values are CPR numbers)`.
    public var description: String {
        let why: String
        switch reason {
        case .named: why = "named with --id"
        case .cprValues: why = "its values are CPR numbers"
        case .idHeader: why = "its header names an id"
        case .firstColumn: why = "the first column; no column is named as an id (cpr, barn_id, elev_id, …); name another with --id COLUMN"
        case .formatKey: why = "the export's respondent key; name another with --id COLUMN"
        }
        return "child id: column '\(column)' (\(why))"
    }
}

/// Chooses the child-id column of a table; see ``ChildIdChoice``.
enum ChildIdChooser {
    /// Header names (normalised with ``key(_:)``) that name an id, strongest first.
    static let idHeaders: [String] = [
        "cpr", "cprnr", "cprnummer", "personnummer", "personnr", "cprnrbarn", "barnetscpr", "barnetscprnr",
        "barnid", "barnetsid", "barnnr", "elevid", "elevnr", "elevnummer", "childid", "pupilid", "studentid",
        "pseudonym", "recordid", "subject", "subjectid", "subjectkey", "respondentid", "respondent", "id",
    ]

    /// Chooses the column.
    /// - Parameters:
    ///   - header: the column names.
    ///   - sample: the first rows (values in header order).
    ///   - requested: `--id COLUMN`, if given.
    ///   - formatKey: the column the format itself uses as key (SurveyXact's respondentid), if any.
    /// - Throws: ``ImportError/idColumn(file:problem:)`` when the requested column does not exist
    ///   or no column can be the id.
    static func choose(file: String, header: [String], sample: [[String]], requested: String?,
                       formatKey: String? = nil) throws(ImportError) -> ChildIdChoice {
        let columns = header.map { $0.trimmingCharacters(in: [" ", "\t", "\u{FEFF}"]) }
        func values(_ index: Int) -> [String] {
            sample.compactMap { index < $0.count ? $0[index].trimmingWhitespace : nil }.filter { !$0.isEmpty }
        }
        if let requested {
            let wanted = key(requested)
            if let index = columns.firstIndex(where: { $0 == requested }) ?? columns.firstIndex(where: { key($0) == wanted }) {
                return ChildIdChoice(column: columns[index], reason: .named)
            }
            throw .idColumn(file: file, problem: .unknown(requested: requested,
                                                           suggestion: closestMatch(to: requested, in: columns),
                                                           columns: columns))
        }
        var nameLike: [String] = []
        for index in columns.indices {
            let found = values(index)
            if !found.isEmpty, found.filter({ CPRNumber.normalised($0) != nil }).count * 10 >= found.count * 9 {
                return ChildIdChoice(column: columns[index], reason: .cprValues)
            }
        }
        let keys = columns.map(key)
        for name in idHeaders {
            guard let index = keys.firstIndex(of: name) else { continue }
            if looksLikeNames(values(index)) {
                nameLike.append(columns[index])
                continue
            }
            if let formatKey, columns[index] == formatKey { return ChildIdChoice(column: columns[index], reason: .formatKey) }
            return ChildIdChoice(column: columns[index], reason: .idHeader)
        }
        if formatKey == nil, let first = columns.first, !looksLikeNames(values(0)) {
            return ChildIdChoice(column: first, reason: .firstColumn)
        }
        if let first = columns.first, formatKey == nil, !nameLike.contains(first) { nameLike.append(first) }
        throw .idColumn(file: file, problem: .none(nameLike: nameLike, columns: columns))
    }

    /// Whether most values (at least 4 in 5) consist of letters, spaces, hyphens, apostrophes and
    /// full stops only: names of children or schools, not ids.
    static func looksLikeNames(_ values: [String]) -> Bool {
        guard !values.isEmpty else { return false }
        let names = values.filter { value in
            value.contains(where: \.isLetter)
                && value.allSatisfy { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" || $0 == "." }
        }
        return names.count * 5 >= values.count * 4
    }

    /// Lowercased, Danish letters spelt out (`æ` → `ae`, `ø` → `oe`, `å` → `aa`), other accents
    /// dropped, everything but letters and digits removed: `CPR-nr.` → `cprnr`.
    static func key(_ name: String) -> String {
        var out = ""
        for character in name.lowercased() {
            switch character {
            case "æ": out += "ae"
            case "ø": out += "oe"
            case "å": out += "aa"
            default:
                let folded = String(character).folding(options: [.diacriticInsensitive], locale: nil)
                for scalar in folded.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

import Foundation
import KortlaegDomain

/// Which input column holds which item, found from the header by official variable name or alias.
public struct ScoreColumns: Sendable {
    /// Column index of each item, in instrument item order (nil = column absent).
    public let itemColumns: [Int?]
    /// The id column's index.
    public let idColumn: Int
    /// Items whose column was not found (their answers count as unanswered).
    public let missingItems: [Item]
    /// Header names that match no item, with the closest item variable when one is near.
    public let unknownColumns: [(name: String, suggestion: String?)]

    /// Maps `header` to `instrument`'s items.
    /// - Parameter idColumn: the id column's name, or nil for the first column.
    /// - Throws: ``ScoreJobError`` when the id column is absent or no item column is present.
    public init(header: [String], instrument: Instrument, idColumn: String?, file: String) throws(ScoreJobError) {
        let normalized = header.map { $0.trimmingCharacters(in: [" ", "\t", "\u{FEFF}"]).lowercased() }
        if let idColumn {
            guard let index = normalized.firstIndex(of: idColumn.lowercased()) else {
                throw .missingIDColumn(file: file, name: idColumn, suggestion: closestMatch(to: idColumn, in: header))
            }
            self.idColumn = index
        } else {
            guard !header.isEmpty else { throw .emptyFile(file: file) }
            self.idColumn = 0
        }
        var columns: [Int?] = []
        var missing: [Item] = []
        var used: Set<Int> = [self.idColumn]
        for item in instrument.items {
            let names = ([item.variable] + (item.aliases ?? [])).map { $0.lowercased() }
            let index = normalized.firstIndex { names.contains($0) }
            columns.append(index)
            if let index { used.insert(index) } else { missing.append(item) }
        }
        let variables = instrument.items.map(\.variable)
        unknownColumns = header.indices.filter { !used.contains($0) }.map { index in
            (header[index], closestMatch(to: header[index], in: variables))
        }
        guard columns.contains(where: { $0 != nil }) else {
            throw .noItemColumns(file: file, instrument: instrument.reference.description,
                                 example: Array(variables.prefix(3)))
        }
        itemColumns = columns
        missingItems = missing
    }
}

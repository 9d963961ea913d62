/// The one plain-text table layout of the terminal reports: columns padded to their widest cell,
/// two spaces apart, the last column unpadded, an optional indent.
public struct TextTable: Sendable {
    /// The header row (may be empty).
    public var header: [String]
    /// The body rows.
    public var rows: [[String]]
    /// Columns aligned right (numbers); the others are aligned left.
    public var rightAligned: Set<Int>
    /// Spaces before every line.
    public var indent: Int

    public init(header: [String], rows: [[String]] = [], rightAligned: Set<Int> = [], indent: Int = 0) {
        self.header = header
        self.rows = rows
        self.rightAligned = rightAligned
        self.indent = indent
    }

    /// The table's lines (no trailing newline).
    public var lines: [String] {
        let all = (header.isEmpty ? [] : [header]) + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in all.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        let lead = String(repeating: " ", count: indent)
        return all.map { row in
            var cells: [String] = []
            for (index, cell) in row.enumerated() {
                let gap = String(repeating: " ", count: max(0, widths[index] - cell.count))
                if rightAligned.contains(index) {
                    cells.append(gap + cell)
                } else {
                    cells.append(index == row.count - 1 ? cell : cell + gap)
                }
            }
            return lead + cells.joined(separator: "  ")
        }
    }

    /// The table as text, one line per row, ending with a newline.
    public var text: String { lines.joined(separator: "\n") + "\n" }
}

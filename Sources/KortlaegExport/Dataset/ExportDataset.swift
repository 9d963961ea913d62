/// A rectangular dataset ready to write: variables, a known number of rows, and file notes.
///
/// Rows are produced by a closure that may be called once per writer, so a dataset can stream
/// from a store (the lead's `KortlaegStore`) as well as hold rows in memory. The row count must
/// be known in advance because ReadStat writes it into the file header.
public struct ExportDataset {
    /// The variables, in column order.
    public var variables: [ExportVariable]
    /// The number of rows ``forEachRow(_:)`` produces.
    public var rowCount: Int
    /// A short title (SPSS file label, DDI title).
    public var title: String
    /// Notes written into the file (instrument versions, rule variants, norm sets, filters).
    public var notes: [String]
    /// A label short enough for SPSS's 64-byte file label, cut only between words (nil: the
    /// writer shortens ``title`` at a word boundary).
    public var fileLabel: String?
    private var produceRows: (([ExportValue]) throws -> Void) throws -> Void

    /// Creates a dataset whose rows are held in memory.
    public init(title: String, variables: [ExportVariable], rows: [[ExportValue]], notes: [String] = []) {
        self.title = title
        self.variables = variables
        self.rowCount = rows.count
        self.notes = notes
        self.produceRows = { body in for row in rows { try body(row) } }
    }

    /// Creates a dataset whose rows are streamed: `rows` hands each row to its argument and may be
    /// called once per writer.
    /// - Parameter rowCount: the number of rows `rows` produces (checked while writing).
    public init(
        title: String, variables: [ExportVariable], rowCount: Int, notes: [String] = [],
        rows: @escaping (([ExportValue]) throws -> Void) throws -> Void
    ) {
        self.title = title
        self.variables = variables
        self.rowCount = rowCount
        self.notes = notes
        self.produceRows = rows
    }

    /// Calls `body` with each row in order.
    /// - Throws: ``ExportError/rowCountMismatch(expected:actual:)`` when the rows do not match
    ///   ``rowCount``, ``ExportError/rowWidthMismatch(row:expected:actual:)`` for a short or long
    ///   row, and whatever `body` throws.
    public func forEachRow(_ body: ([ExportValue]) throws -> Void) throws {
        var count = 0
        let width = variables.count
        try produceRows { row in
            count += 1
            guard row.count == width else { throw ExportError.rowWidthMismatch(row: count, expected: width, actual: row.count) }
            guard count <= rowCount else { throw ExportError.rowCountMismatch(expected: rowCount, actual: count) }
            try body(row)
        }
        guard count == rowCount else { throw ExportError.rowCountMismatch(expected: rowCount, actual: count) }
    }

    /// The same dataset, with `observer` seeing every row as a writer reads it (codebook
    /// statistics gathered while the data file is written, instead of a second pass).
    func observing(_ observer: @escaping ([ExportValue]) -> Void) -> ExportDataset {
        var copy = self
        let produce = produceRows
        copy.produceRows = { body in try produce { row in observer(row); try body(row) } }
        return copy
    }

    /// Checks names, label and missing-code limits before anything is written.
    /// - Throws: ``ExportError`` naming the first offending variable.
    public func validate() throws {
        var seen: Set<String> = []
        for variable in variables {
            if let problem = VariableName.problem(variable.name) {
                throw ExportError.invalidVariableName(variable.name, problem: problem)
            }
            guard seen.insert(variable.name.lowercased()).inserted else {
                throw ExportError.duplicateVariable(variable.name)
            }
            if variable.missingCodes.count > 3 {
                throw ExportError.tooManyMissingCodes(variable: variable.name, count: variable.missingCodes.count)
            }
            for code in variable.valueLabels.keys where Int32(exactly: code) == nil {
                throw ExportError.valueLabelOutOfRange(variable: variable.name, code: code)
            }
            for missing in variable.missingCodes where !("a"..."z").contains(missing.tag) {
                throw ExportError.invalidMissingTag(variable: variable.name, tag: missing.tag)
            }
            if let range = variable.validRange {
                for missing in variable.missingCodes where range.contains(Double(missing.code)) {
                    throw ExportError.missingCodeInsideRange(variable: variable.name, code: missing.code,
                                                             minimum: range.lowerBound, maximum: range.upperBound)
                }
            }
        }
    }
}

import KortlaegDomain

extension ExportDataset {
    /// Calls `body` with each row after checking it: types match the variables, declared missing
    /// codes exist, and no value is shaped like a CPR number. Every writer reads rows through this.
    /// - Throws: ``ExportError/cprShapedValue(variable:row:)`` (naming the variable, never the
    ///   value), ``ExportError/typeMismatch(variable:row:expected:)``,
    ///   ``ExportError/undeclaredMissingCode(variable:code:)``,
    ///   ``ExportError/valueIsMissingCode(variable:row:code:)``, or what ``forEachRow(_:)`` throws.
    func forEachCheckedRow(_ body: ([ExportValue]) throws -> Void) throws {
        var rowNumber = 0
        // A variable's declared codes are a handful: a scan after a range test, not a hash per cell.
        let declared = variables.map { $0.missingCodes.map(\.code) }
        let declaredRange = declared.map { codes in codes.min().map { $0...codes.max()! } }
        // Per variable what every cell needs, so that no variable (names, labels, codes) is
        // copied per cell; its name is read only for an error.
        let numeric = variables.map(\.isNumeric)
        let variables = self.variables
        try forEachRow { row in
            rowNumber += 1
            for index in row.indices {
                let isNumeric = numeric[index]
                switch row[index] {
                case let .text(text):
                    guard !isNumeric else {
                        throw ExportError.typeMismatch(variable: variables[index].name, row: rowNumber, expected: "a number")
                    }
                    if CPRNumber.containsCPR(text) { throw ExportError.cprShapedValue(variable: variables[index].name, row: rowNumber) }
                case let .number(number):
                    guard isNumeric else {
                        throw ExportError.typeMismatch(variable: variables[index].name, row: rowNumber, expected: "text")
                    }
                    if CPRNumber.looksLikeCPR(number) { throw ExportError.cprShapedValue(variable: variables[index].name, row: rowNumber) }
                    // A real value equal to a declared missing code would read as missing in SPSS.
                    if let range = declaredRange[index], number >= Double(range.lowerBound), number <= Double(range.upperBound),
                       number == number.rounded(), declared[index].contains(Int(number)) {
                        throw ExportError.valueIsMissingCode(variable: variables[index].name, row: rowNumber, code: Int(number))
                    }
                case let .declaredMissing(code):
                    guard declared[index].contains(code) else {
                        throw ExportError.undeclaredMissingCode(variable: variables[index].name, code: code)
                    }
                case .missing:
                    break
                }
            }
            try body(row)
        }
    }
}

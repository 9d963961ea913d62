import KortlaegDomain

/// Reads aggregated trivselsmåling results: Uddannelsesstatistik-style cells in the wide CSV that
/// municipal pipelines write (`År;Skolenavn;Trin;<one column per indicator>`), and the public
/// school-level sample (`Institution,Generel trivsel,…`).
///
/// - Numbers may be Danish (`3,7`, `2.351`) or English (`3.517`); the style is detected per
///   column, and when a column does not tell (`2.351`, `12`), a `;`-separated file is read as
///   Danish and any other file as English.
/// - An empty cell is absent (suppressed or not published): `nil`, never 0.
/// - A cell that is not a number, a mean outside 1–5, a negative or fractional count, or a share
///   outside 0–100 is a ``TrivselCellProblem``; the cell is treated as absent.
/// - The n ≥ 5 rule is applied when figures are shown or combined (``TrivselAggregation``), not
///   here: the reader keeps what the file says.
///
/// Source: shared/specs/trivsel.md, "What results look like when they leave the ministry".
public struct TrivselResultsReader: Sendable {
    /// The indicators the instrument files define, with the column names results files give them.
    public let indicators: TrivselIndicators

    /// Creates a reader for the indicators the instrument files define.
    public init(indicators: TrivselIndicators) {
        self.indicators = indicators
    }

    /// Reads a results file.
    /// - Parameters:
    ///   - path: The CSV file or Excel workbook (recognised by its content).
    ///   - delimiter: The separator, or nil to detect it (CSV only).
    ///   - sheet: The sheet of a workbook, by name or 1-based number; nil: the first.
    /// - Throws: ``TrivselImportError``.
    public func read(path: String, delimiter: CSVDelimiter? = nil, sheet: String? = nil) throws(TrivselImportError) -> TrivselResultsFile {
        switch WorkbookSignature.of(path) {
        case .binaryExcel: throw .excel(.binaryExcel(file: path))
        case .workbook: return try readWorkbook(path: path, sheet: sheet)
        case .text: break
        }
        let reader: CSVReader
        let records: [CSVRecord]
        do {
            reader = try CSVReader(path: path, delimiter: delimiter)
            records = try reader.readAll()
        } catch let error as CSVError {
            throw .csv(error)
        } catch {
            throw .csv(.unreadable(file: path, reason: "\(error)"))
        }
        return try read(header: reader.header, records: records, file: path,
                        fallbackStyle: reader.dialect.delimiter == .semicolon ? .comma : .point)
    }

    /// Reads one sheet of an Excel workbook (.xlsx; `sheet` by name or 1-based number, nil: the
    /// first); the file's ``TrivselResultsFile/sheet`` says which and why. Number cells come as Excel writes
    /// them (`3.7`), so a column that does not tell its style is read with a decimal point; text
    /// cells may be Danish (`3,7`) and are detected per column as in a CSV file.
    /// - Throws: ``TrivselImportError``.
    public func readWorkbook(path: String, sheet: String? = nil) throws(TrivselImportError) -> TrivselResultsFile {
        var records: [CSVRecord] = []
        let header: [String]
        let chosen: String
        do throws(XLSXError) {
            let reader = try XLSXRecordReader(path: path, sheet: sheet)
            header = reader.header
            chosen = reader.dialect
            while let record = try reader.next() {
                records.append(CSVRecord(fields: record.fields.map(\.value), number: record.row ?? records.count + 1,
                                         line: record.line ?? records.count + 2))
            }
        } catch {
            throw .excel(error)
        }
        var file = try read(header: header, records: records, file: path, fallbackStyle: .point)
        file.sheet = chosen
        return file
    }

    /// Reads already-parsed records (for tests and other sources).
    /// - Throws: ``TrivselImportError``.
    public func read(header: [String], records: [CSVRecord], file: String,
                     fallbackStyle: DecimalStyle) throws(TrivselImportError) -> TrivselResultsFile {
        var columns: [(index: Int, column: TrivselColumn)] = []
        var ignored: [String] = []
        var seen: [TrivselColumn: String] = [:]
        for (index, name) in header.enumerated() {
            guard let column = TrivselColumn.recognise(name, indicators: indicators) else {
                ignored.append(name)
                continue
            }
            if let first = seen[column] { throw .duplicateColumn(file: file, first: first, second: name) }
            seen[column] = name
            columns.append((index, column))
        }
        guard columns.contains(where: { if case .mean = $0.column { true } else { false } }) else {
            let suggestion = ignored.lazy.compactMap { closestMatch(to: $0, in: indicators.definitions.compactMap(\.resultColumns.first)) }.first
            throw .noIndicatorColumns(file: file, suggestion: suggestion)
        }

        // Decimal style per number column.
        var styles: [Int: DecimalStyle] = [:]
        var styleByHeader: [String: DecimalStyle] = [:]
        for (index, column) in columns {
            switch column {
            case .schoolYear, .school, .grade: continue
            default:
                let style = DecimalStyle.detect(in: records.lazy.compactMap { $0[safe: index] }) ?? fallbackStyle
                styles[index] = style
                styleByHeader[header[index]] = style
            }
        }

        var results: [TrivselResult] = []
        var problems: [TrivselCellProblem] = []
        var absent = 0
        for record in records {
            var year: SchoolYear?
            var school: String?
            var grade: String?
            var rowPupils: Int?
            var figures: [TrivselIndicator: TrivselFigure] = [:]
            func problem(_ index: Int, _ value: String, _ expected: String) {
                problems.append(TrivselCellProblem(file: file, row: record.number, line: record.line, column: header[index],
                                                   value: value, expected: expected))
            }
            for (index, column) in columns {
                let text = (record[safe: index] ?? "").trimmingSpaces
                switch column {
                case .schoolYear:
                    guard !text.isEmpty else { continue }
                    year = SchoolYear(text)
                    if year == nil { problem(index, text, "a school year such as 2017/2018, 2017/18 or the survey year 2018") }
                case .school:
                    school = text.isEmpty ? nil : text
                case .grade:
                    grade = text.isEmpty ? nil : text
                case .pupils:
                    guard !text.isEmpty else { continue }
                    rowPupils = count(text, style: styles[index]!)
                    if rowPupils == nil { problem(index, text, "a whole number of pupils (e.g. 23 or 2.351) or blank") }
                case let .mean(indicator):
                    guard !text.isEmpty else { absent += 1; continue }
                    if let value = DanishNumber.parse(text, style: styles[index]!), (1...5).contains(value) {
                        figures[indicator, default: TrivselFigure()].mean = value
                    } else {
                        problem(index, text, "a mean from 1 to 5 written like \(styles[index]! == .comma ? "3,7" : "3.7"), or blank when suppressed")
                    }
                case let .indicatorPupils(indicator):
                    guard !text.isEmpty else { continue }
                    if let value = count(text, style: styles[index]!) {
                        figures[indicator, default: TrivselFigure()].pupils = value
                    } else {
                        problem(index, text, "a whole number of pupils (e.g. 23 or 2.351) or blank")
                    }
                case let .share(indicator, definition):
                    guard !text.isEmpty else { continue }
                    if let value = DanishNumber.parse(text, style: styles[index]!), (0...100).contains(value) {
                        figures[indicator, default: TrivselFigure()].highestWellBeing[definition] = value
                    } else {
                        problem(index, text, "a percentage from 0 to 100 or blank")
                    }
                }
            }
            if let rowPupils {
                for indicator in figures.keys where figures[indicator]!.pupils == nil {
                    figures[indicator]!.pupils = rowPupils
                }
            }
            results.append(TrivselResult(schoolYear: year, school: school, grade: grade, figures: figures,
                                         location: "\(file):\(record.line)", row: record.number, line: record.line))
        }
        return TrivselResultsFile(file: file, results: results, ignoredColumns: ignored, problems: problems,
                                  absentCells: absent, decimalStyles: styleByHeader)
    }

    private func count(_ text: String, style: DecimalStyle) -> Int? {
        guard let value = DanishNumber.parse(text, style: style), value >= 0, value == value.rounded(),
              value < Double(Int32.max)
        else { return nil }
        return Int(value)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var slice = Substring(self)
        while let c = slice.first, c == " " || c == "\t" || c == "\u{00A0}" { slice = slice.dropFirst() }
        while let c = slice.last, c == " " || c == "\t" || c == "\u{00A0}" { slice = slice.dropLast() }
        return String(slice)
    }
}

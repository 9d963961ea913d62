import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegStore

/// Reads a CSV file with official variable names (pconsid, …) into store records, for
/// `kortlaeg project-import`. Temporary: the import work's mapping profiles replace it.
///
/// Columns: the id (first column or `--id`), the items, and optionally `occasion`, `class`
/// (`klasse`), `school` (`skole`), `sex` (`koen`, `køn`), `birth_year`, `birth_month`, `date`
/// (`dato`). Invalid rows go to the rejects report, never into the store.
struct OfficialCSVImport {
    var path: String
    var instrument: Instrument
    var occasion: Occasion?
    var idColumn: String?
    var date: String?

    static let profile = "official-csv"

    /// Rejections kept for printing (the first few).
    private(set) var firstRejects: [ImportReject] = []
    private(set) var rowsRead = 0

    func attributeColumn(_ header: [String], _ names: [String]) -> Int? {
        header.firstIndex { names.contains($0) }
    }

    mutating func run(into sink: any ImportSink) throws {
        let parser = AnswerParser(instrument: instrument)
        let reader = try CSVReader(path: path, delimiter: nil, encoding: nil)
        if reader.header.isEmpty { throw ScoreJobError.emptyFile(file: path) }
        let columns = try ScoreColumns(header: reader.header, instrument: instrument, idColumn: idColumn, file: path)
        let header = reader.header.map { $0.trimmingCharacters(in: [" ", "\t", "\u{FEFF}"]).lowercased() }
        let occasionColumn = attributeColumn(header, ["occasion", "tidspunkt"])
        let classColumn = attributeColumn(header, ["class", "klasse"])
        let schoolColumn = attributeColumn(header, ["school", "skole"])
        let sexColumn = attributeColumn(header, ["sex", "koen", "køn"])
        let yearColumn = attributeColumn(header, ["birth_year", "foedselsaar", "fødselsår"])
        let monthColumn = attributeColumn(header, ["birth_month", "foedselsmaaned", "fødselsmåned"])
        let dateColumn = attributeColumn(header, ["date", "dato"])
        if occasionColumn == nil && occasion == nil {
            throw ValidationFailure("\(path) has no 'occasion' column; please give --occasion T1, F1, … or T2.")
        }
        let items = instrument.items

        func text(_ record: CSVRecord, _ column: Int?) -> String? {
            guard let column, let field = record[safe: column] else { return nil }
            var value = Substring(field)
            while let first = value.first, first == " " || first == "\t" { value = value.dropFirst() }
            while let last = value.last, last == " " || last == "\t" || last == "\r" { value = value.dropLast() }
            return value.isEmpty ? nil : String(value)
        }

        while let record = try reader.next() {
            rowsRead += 1
            var problems: [ImportReject] = []
            func problem(_ column: String, _ value: String?, _ reason: String) {
                problems.append(ImportReject(row: record.number, line: record.line, column: column, value: value, reason: reason))
            }
            do {
                try reader.checkFieldCount(record)
            } catch {
                problem("(row)", nil, "the row has \(record.fields.count) fields but the header has \(reader.header.count)")
            }
            let rawID = text(record, columns.idColumn) ?? ""
            if problems.isEmpty && rawID.isEmpty { problem("(id)", nil, "the child id is empty; every response needs the child's id") }
            var rowOccasion = occasion
            if let value = text(record, occasionColumn) {
                if let parsed = Occasion(value) { rowOccasion = parsed } else {
                    problem(reader.header[occasionColumn!], value, "expected T1, F1, F2, … or T2")
                }
            }
            var answers: [String: AnswerValue] = [:]
            if problems.isEmpty {
                for (index, column) in columns.itemColumns.enumerated() {
                    guard let column, column < record.fields.count else { continue }
                    do {
                        if let value = try parser.parse(record.fields[column][...], item: index) {
                            answers[items[index].id] = value
                        }
                    } catch {
                        problem(error.variable, error.value, "expected \(error.expected)")
                    }
                }
            }
            var attributes = ChildAttributes(className: text(record, classColumn), school: text(record, schoolColumn),
                                             sex: text(record, sexColumn))
            if let value = text(record, yearColumn) {
                if let year = Int(value), (1900...2100).contains(year) { attributes.birthYear = year } else {
                    problem(reader.header[yearColumn!], value, "expected a four-digit birth year")
                }
            }
            if let value = text(record, monthColumn) {
                if let month = Int(value), (1...12).contains(month) { attributes.birthMonth = month } else {
                    problem(reader.header[monthColumn!], value, "expected a birth month 1-12")
                }
            }
            if !problems.isEmpty {
                for rejection in problems {
                    if firstRejects.count < 10 { firstRejects.append(rejection) }
                    try sink.reject(rejection)
                }
                continue
            }
            try sink.add(StoredResponseInput(
                childKey: rawID, occasion: rowOccasion!, informant: instrument.informant,
                date: text(record, dateColumn) ?? date, attributes: attributes,
                response: Response(instrument: instrument.reference, answers: answers),
                row: record.number, line: record.line))
        }
    }
}

/// A problem with the command's inputs found while reading a file.
struct ValidationFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

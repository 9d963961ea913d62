import KortlaegDomain

/// The per-row work of a score run, the same on the reading thread and on a worker: parse the
/// answers of one raw record, score them and encode the output row (id, kept columns, scores,
/// bands, status). Read-only once made, so workers share one.
final class RowScorer: @unchecked Sendable {  // immutable after init; digitCodes freed in deinit
    /// What one thread changes from row to row (kept between rows to reuse the arrays).
    struct Scratch {
        var codes: [Int]
        var scratch: [Double?] = []
        var values: [Double?] = []
        /// Per score of the last row, its value when a whole number from 0 to 1023, else -1.
        var wholes: [Int] = []
        /// The problems of the last row scored (empty unless it was rejected).
        var problems: [ScoreJob.Rejection] = []
        /// Answers given as one of the missing codes so far (read as unanswered).
        var missingAnswers = 0
    }

    let parser: AnswerParser
    let scorer: Scorer
    let itemColumns: [Int?]
    let idColumn: Int
    let keptIndices: [Int]
    let headerCount: Int
    let encoded: EncodedFields
    /// Per score: whether a missing value makes the row incomplete.
    let countsForCompleteness: [Bool]
    /// The `--missing-codes` values, compared as bytes.
    let missing: MissingCodeBytes
    /// `--site NAME` as UTF-8 (written as the `site` column after the id), or nil.
    let fixedSite: [UInt8]?
    /// The input column holding each row's site (written after the id), or nil.
    let siteIndex: Int?
    /// That column's header, for a rejection.
    let siteColumnName: String
    /// Per item, what ``AnswerParser/parseCode(_:item:)`` returns for the fields "0" … "9"
    /// (``askTheParser`` where it throws): the common field is one digit, looked up here.
    private let digitCodes: UnsafeMutableBufferPointer<Int>
    /// The most bytes of a row besides its copied fields (id, site, kept columns): every score,
    /// band and the status at their longest, with delimiters.
    private let fixedBytes: Int

    private static let askTheParser = Int.min + 2

    init(parser: AnswerParser, scorer: Scorer, itemColumns: [Int?], idColumn: Int, keptIndices: [Int],
         headerCount: Int, encoded: EncodedFields, countsForCompleteness: [Bool],
         missing: MissingCodeBytes, fixedSite: [UInt8]?, siteIndex: Int?, siteColumnName: String) {
        self.parser = parser
        self.scorer = scorer
        self.itemColumns = itemColumns
        self.idColumn = idColumn
        self.keptIndices = keptIndices
        self.headerCount = headerCount
        self.encoded = encoded
        self.countsForCompleteness = countsForCompleteness
        self.missing = missing
        self.fixedSite = fixedSite
        self.siteIndex = siteIndex
        self.siteColumnName = siteColumnName
        var digitCodes: [Int] = []
        for item in 0..<parser.itemCount {
            for digit in UInt8(ascii: "0")...UInt8(ascii: "9") {
                let code = [digit].withUnsafeBufferPointer { try? parser.parseCode($0, item: item) }
                digitCodes.append(code ?? Self.askTheParser)
            }
        }
        self.digitCodes = .allocate(capacity: digitCodes.count)
        _ = self.digitCodes.initialize(from: digitCodes)
        fixedBytes = scorer.scores.count * (EncodedFields.longestNumber + 1)
            + encoded.longestLabels.reduce(0) { $0 + $1 + 1 } + encoded.longestStatus + 1
            + CSVRecordEncoder.Record.maximumBytes(ofField: fixedSite?.count ?? 0)
    }

    deinit {
        digitCodes.deallocate()
    }

    /// A scorer of its own for one worker thread, equal to this one. Workers sharing one object
    /// would each change its reference count per row (the row's encoding closure holds it), and
    /// two cores writing one count take turns at its cache line: a tenth of a run's time.
    func copyForThread() -> RowScorer {
        RowScorer(parser: parser, scorer: scorer, itemColumns: itemColumns, idColumn: idColumn,
                  keptIndices: keptIndices, headerCount: headerCount, encoded: encoded,
                  countsForCompleteness: countsForCompleteness, missing: missing, fixedSite: fixedSite,
                  siteIndex: siteIndex, siteColumnName: siteColumnName)
    }

    func makeScratch() -> Scratch {
        Scratch(codes: [Int](repeating: Scorer.unanswered, count: parser.itemCount))
    }

    /// Scores `record` and appends its output row (ended) to `row`; the row's problems are left
    /// in `state.problems`.
    func score(_ record: CSVRawRecord, number: Int, line: Int, state: inout Scratch,
               into row: inout CSVRecordEncoder) -> ScoreFileFormat.Status {
        state.problems.removeAll(keepingCapacity: true)
        readAnswers(record, number: number, line: line, state: &state)
        var copied = fixedBytes + CSVRecordEncoder.Record.maximumBytes(ofField: idColumn < record.count ? record[idColumn].count : 0)
        if fixedSite == nil, let siteIndex {
            copied += CSVRecordEncoder.Record.maximumBytes(ofField: siteIndex < record.count ? record[siteIndex].count : 0)
        }
        for index in keptIndices {
            copied += CSVRecordEncoder.Record.maximumBytes(ofField: index < record.count ? record[index].count : 0)
        }
        let fields = encoded.fields
        return row.withRecord(maximumBytes: copied) { output in
            let status = writeFields(record, fields: fields, state: &state, into: &output)
            output.appendPrefixed(fields.status(status))
            return status
        }
    }

    /// Parses the answers into `state.codes` and collects the row's problems (answers, then the site).
    private func readAnswers(_ record: CSVRawRecord, number: Int, line: Int, state: inout Scratch) {
        if record.count != headerCount {
            state.problems.append(ScoreJob.Rejection(row: number, line: line, column: "(row)", value: nil,
                                                     reason: "the row has \(record.count) fields but the header has \(headerCount)"))
        } else {
            let checksMissingCodes = !missing.isEmpty
            let digitCodes = UnsafeBufferPointer(self.digitCodes)
            var missingAnswers = 0
            var problems: [ScoreJob.Rejection] = []
            swap(&problems, &state.problems)
            state.codes.withUnsafeMutableBufferPointer { codes in
                for itemIndex in itemColumns.indices {
                    guard let column = itemColumns[itemIndex], column < record.count else {
                        codes[itemIndex] = Scorer.unanswered
                        continue
                    }
                    let field = record[column]
                    if checksMissingCodes, missing.matches(field) {
                        codes[itemIndex] = Scorer.unanswered
                        missingAnswers += 1
                        continue
                    }
                    if field.count == 1, field[0] &- 0x30 < 10 {
                        let code = digitCodes[itemIndex * 10 + Int(field[0] &- 0x30)]
                        if code != Self.askTheParser {
                            codes[itemIndex] = code
                            continue
                        }
                    }
                    do throws(AnswerProblem) {
                        codes[itemIndex] = try parser.parseCode(field, item: itemIndex)
                    } catch {
                        problems.append(ScoreJob.Rejection(row: number, line: line, column: error.variable,
                                                           value: error.value, reason: "expected \(error.expected)"))
                        codes[itemIndex] = Scorer.unanswered
                    }
                }
            }
            swap(&problems, &state.problems)
            state.missingAnswers += missingAnswers
        }
        if fixedSite == nil, let siteIndex, siteIndex < record.count, record.count == headerCount,
           let problem = SiteName.problem(String(decoding: record[siteIndex], as: UTF8.self)) {
            state.problems.append(ScoreJob.Rejection(row: number, line: line, column: siteColumnName, value: nil,
                                                     reason: "\(problem); expected the site (municipality) the row comes from"))
        }
    }

    /// Writes the copied fields, then the scores and bands (or empty fields for a rejected row).
    private func writeFields(_ record: CSVRawRecord, fields: EncodedFields.Fields, state: inout Scratch,
                             into row: inout CSVRecordEncoder.Record) -> ScoreFileFormat.Status {
        if idColumn < record.count { row.appendField(record[idColumn]) } else { row.appendEmptyFields(1) }
        if let fixedSite {
            fixedSite.withUnsafeBufferPointer { row.appendField($0) }
        } else if let siteIndex {
            if siteIndex < record.count { row.appendField(record[siteIndex]) } else { row.appendEmptyFields(1) }
        }
        for index in keptIndices {
            if index < record.count { row.appendField(record[index]) } else { row.appendEmptyFields(1) }
        }
        if !state.problems.isEmpty {
            row.appendEmptyFields(scorer.scores.count + fields.bandColumns)
            return .rejected
        }
        state.codes.withUnsafeBufferPointer { scorer.score(codes: $0, scratch: &state.scratch, into: &state.values) }
        if state.wholes.count != state.values.count { state.wholes = [Int](repeating: -1, count: state.values.count) }
        return state.values.withUnsafeBufferPointer { values in
            state.wholes.withUnsafeMutableBufferPointer { wholes in
            var complete = true
            for index in values.indices {
                if let value = values[index] {
                    // Whole scores from 0 to 1023 are written (and banded) from tables.
                    let whole = EncodedFields.Fields.wholeIndex(of: value)
                    wholes[index] = whole
                    if whole >= 0 {
                        row.appendPrefixed(fields.wholeNumber(at: whole))
                    } else {
                        fields.encodedField(formatScore(value)).withUnsafeBufferPointer { row.appendEncoded($0) }
                    }
                } else {
                    wholes[index] = -1
                    row.appendEmptyFields(1)
                    if countsForCompleteness[index] { complete = false }
                }
            }
            for (index, group) in fields.bandGroups.enumerated() {
                guard let value = values[group.score] else {
                    row.appendEmptyFields(group.columns)
                    continue
                }
                if let joined = fields.joinedLabels(index, whole: wholes[group.score]) {
                    row.appendPrefixed(joined, fields: group.columns)
                    continue
                }
                for column in group.firstColumn..<group.firstColumn + group.columns {
                    if let label = fields.label(column, for: value) {
                        row.appendPrefixed(label)
                    } else {
                        row.appendEmptyFields(1)
                    }
                }
            }
            return complete ? .complete : .incomplete
            }
        }
    }
}

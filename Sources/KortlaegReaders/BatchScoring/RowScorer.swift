import KortlaegDomain

/// The per-row work of a score run, the same on the reading thread and on a worker: parse the
/// answers of one raw record, score them and encode the output row (id, kept columns, scores,
/// bands, status). Read-only once made, so workers share one.
struct RowScorer: Sendable {
    /// What one thread changes from row to row (kept between rows to reuse the arrays).
    struct Scratch {
        var codes: [Int]
        var scratch: [Double?] = []
        var values: [Double?] = []
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
    let bandColumns: [BandColumn]
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

    func makeScratch() -> Scratch {
        Scratch(codes: [Int](repeating: Scorer.unanswered, count: parser.itemCount))
    }

    /// Scores `record` and appends its output row (ended) to `row`; the row's problems are left
    /// in `state.problems`.
    func score(_ record: CSVRawRecord, number: Int, line: Int, state: inout Scratch,
               into row: inout CSVRecordEncoder) -> ScoreFileFormat.Status {
        state.problems.removeAll(keepingCapacity: true)
        let status = scoreFields(record, number: number, line: line, state: &state, into: &row)
        encoded.withFields { row.appendEncoded($0.status(status)) }
        row.endRecord()
        return status
    }

    private func scoreFields(_ record: CSVRawRecord, number: Int, line: Int, state: inout Scratch,
                             into row: inout CSVRecordEncoder) -> ScoreFileFormat.Status {
        if record.count != headerCount {
            state.problems.append(ScoreJob.Rejection(row: number, line: line, column: "(row)", value: nil,
                                                     reason: "the row has \(record.count) fields but the header has \(headerCount)"))
        } else {
            for itemIndex in itemColumns.indices {
                guard let column = itemColumns[itemIndex], column < record.count else {
                    state.codes[itemIndex] = Scorer.unanswered
                    continue
                }
                if missing.matches(record[column]) {
                    state.codes[itemIndex] = Scorer.unanswered
                    state.missingAnswers += 1
                    continue
                }
                do throws(AnswerProblem) {
                    state.codes[itemIndex] = try parser.parseCode(record[column], item: itemIndex)
                } catch {
                    state.problems.append(ScoreJob.Rejection(row: number, line: line, column: error.variable,
                                                             value: error.value, reason: "expected \(error.expected)"))
                    state.codes[itemIndex] = Scorer.unanswered
                }
            }
        }
        if idColumn < record.count { row.appendField(record[idColumn]) } else { row.appendEmptyFields(1) }
        if let fixedSite {
            fixedSite.withUnsafeBufferPointer { row.appendField($0) }
        } else if let siteIndex {
            if siteIndex < record.count {
                row.appendField(record[siteIndex])
                if record.count == headerCount, let problem = SiteName.problem(String(decoding: record[siteIndex], as: UTF8.self)) {
                    state.problems.append(ScoreJob.Rejection(row: number, line: line, column: siteColumnName, value: nil,
                                                             reason: "\(problem); expected the site (municipality) the row comes from"))
                }
            } else {
                row.appendEmptyFields(1)
            }
        }
        for index in keptIndices {
            if index < record.count { row.appendField(record[index]) } else { row.appendEmptyFields(1) }
        }
        if !state.problems.isEmpty {
            row.appendEmptyFields(scorer.scores.count + bandColumns.count)
            return .rejected
        }
        state.codes.withUnsafeBufferPointer { scorer.score(codes: $0, scratch: &state.scratch, into: &state.values) }
        let values = state.values
        return encoded.withFields { fields in
            var complete = true
            for index in values.indices {
                if let value = values[index] {
                    if let whole = fields.wholeNumber(value) {
                        row.appendEncoded(whole)
                    } else {
                        fields.encodedField(formatScore(value)).withUnsafeBufferPointer { row.appendEncoded($0) }
                    }
                } else {
                    row.appendEmptyFields(1)
                    if countsForCompleteness[index] { complete = false }
                }
            }
            for (index, column) in bandColumns.enumerated() {
                if let band = column.bandIndex(for: values[column.score]) {
                    row.appendEncoded(fields.label(index, band))
                } else {
                    row.appendEmptyFields(1)
                }
            }
            return complete ? .complete : .incomplete
        }
    }
}

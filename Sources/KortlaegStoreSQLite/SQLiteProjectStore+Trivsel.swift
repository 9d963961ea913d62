import KortlaegStore
import Foundation
import GRDB
import KortlaegDomain

extension SQLiteProjectStore {
    /// The profile recorded in `importBatch` for trivselsmåling results files.
    public static let trivselResultsProfile = "trivsel-results"

    public func importTrivselResults(_ batch: ImportBatch, results: [TrivselResult], rejects: [ImportReject],
                                     options: TrivselImportOptions) throws -> TrivselImportOutcome {
        try importBatchTransaction(batch, operator: options.operator,
                                   alreadyImported: { TrivselImportOutcome.alreadyImported(fileName: $0, importedAt: $1) }) { db, record, now in
            var writer = TrivselFigureWriter(db: db, batchId: record.id!, options: options, timestamp: now)
            for rejection in rejects { try writer.reject(rejection) }
            for result in results { try writer.add(result) }
            var counts = writer.counts
            counts.dryRun = options.dryRun
            if !writer.conflicts.isEmpty && !options.replace {
                return BatchDecision(outcome: .conflicts(writer.conflicts, counts: counts))
            }
            if options.dryRun { return BatchDecision(outcome: .imported(counts)) }
            record.accepted = counts.results
            record.rejected = counts.rejected
            record.replaced = counts.replaced
            var summary = "imported trivsel results \(record.fileName) (sha256 \(batch.sha256.prefix(12))…): "
                + "\(counts.results) results (\(counts.figures) figures) stored, \(counts.newSchools) new schools, "
                + "\(counts.rejected) rejected"
            if counts.replaced > 0 { summary += ", \(counts.replaced) figures replaced" }
            return BatchDecision(outcome: .imported(counts), auditSummary: summary)
        }
    }

    public func trivselResults() throws -> [TrivselResult] {
        try wrap {
            try dbQueue.read { db in
                let rows = try Row.fetchCursor(db, sql: """
                    SELECT f.*, s.name AS schoolName, b.fileName AS fileName
                    FROM trivselFigure f JOIN school s ON s.id = f.schoolId JOIN importBatch b ON b.id = f.batchId
                    ORDER BY f.batchId, f.row, f.id
                    """)
                var results: [TrivselResult] = []
                var current: (batchId: Int64, row: Int)?
                while let row = try rows.next() {
                    let figure = try TrivselFigureRecord(row: row)
                    guard let indicator = TrivselIndicator(rawValue: figure.indicator) else { continue }
                    if current.map({ $0.batchId != figure.batchId || $0.row != figure.row }) ?? true {
                        let fileName: String = row["fileName"]
                        results.append(TrivselResult(schoolYear: figure.schoolYear.map(SchoolYear.init(endYear:)),
                                                     school: row["schoolName"], grade: figure.grade, figures: [:],
                                                     location: "\(fileName):\(figure.line)", row: figure.row,
                                                     line: figure.line))
                        current = (figure.batchId, figure.row)
                    }
                    var shares: [HighestWellBeingDefinition: Double] = [:]
                    shares[.above3] = figure.shareGt3
                    shares[.above4] = figure.shareGt4
                    results[results.count - 1].figures[indicator] = TrivselFigure(mean: figure.mean, pupils: figure.pupils,
                                                                                  highestWellBeing: shares)
                }
                return results
            }
        }
    }
}

/// Stores the figures of one results file inside the file's transaction.
private struct TrivselFigureWriter {
    let db: Database
    let batchId: Int64
    let options: TrivselImportOptions
    let timestamp: String
    private(set) var counts = TrivselImportCounts()
    private(set) var conflicts: [TrivselConflict] = []
    /// School ids by name, and whether the school is new in this file (then nothing can conflict).
    private var schools: [String: (id: Int64, isNew: Bool)] = [:]
    /// The line of the first figure of each key in this file.
    private var seen: [String: Int] = [:]

    init(db: Database, batchId: Int64, options: TrivselImportOptions, timestamp: String) {
        self.db = db
        self.batchId = batchId
        self.options = options
        self.timestamp = timestamp
    }

    mutating func reject(_ rejection: ImportReject) throws {
        counts.rejected += 1
        // Never keep a CPR-shaped value, wherever it was found.
        let value = rejection.value.flatMap { CPRNumber.containsCPR($0) ? nil : $0 }
        var record = ImportRejectRecord(id: nil, batchId: batchId, row: rejection.row, line: rejection.line,
                                        column: rejection.column, value: value, reason: rejection.reason)
        try record.insert(db)
    }

    /// A rejection found here (not by the reader): also listed in the counts for showing.
    private mutating func storeReject(_ rejection: ImportReject) throws {
        try reject(rejection)
        counts.storeRejects.append(rejection)
    }

    mutating func add(_ result: TrivselResult) throws {
        let row = result.row ?? 0, line = result.line ?? row
        let figures = TrivselIndicator.allCases.compactMap { indicator in
            result.figures[indicator].flatMap { $0.isEmpty ? nil : (indicator, $0) }
        }
        guard !figures.isEmpty else { return }  // every cell suppressed: nothing to attach
        guard let name = result.school?.trimmingCharacters(in: .whitespaces), !name.isEmpty else {
            try storeReject(ImportReject(row: row, line: line, column: "(row)", value: nil,
                                    reason: "the row names no school; results are attached to one of the project's "
                                        + "schools, so fill in Skolenavn (or Institution)"))
            return
        }
        let school = try school(named: name)
        let gradeKey = result.grade.map(TrivselReport.normaliseGrade) ?? ""
        var stored = false
        for (indicator, figure) in figures {
            let key = "\(school.id)\u{1F}\(gradeKey)\u{1F}\(result.schoolYear?.endYear ?? 0)\u{1F}\(indicator.rawValue)"
            if let first = seen[key] {
                try storeReject(ImportReject(row: row, line: line, column: indicator.label(.danish),
                                        value: figure.mean.map { "\($0)" },
                                        reason: "the same school, klassetrin, school year and indicator appear earlier "
                                            + "in this file (line \(first)); only the first is kept"))
                continue
            }
            seen[key] = line
            if !school.isNew, let existing = try Row.fetchOne(db, sql: """
                SELECT f.*, b.fileName AS fileName FROM trivselFigure f JOIN importBatch b ON b.id = f.batchId
                WHERE f.schoolId = ? AND f.gradeKey = ? AND f.schoolYear IS ? AND f.indicator = ?
                """, arguments: [school.id, gradeKey, result.schoolYear?.endYear, indicator.rawValue]) {
                let fileName: String = existing["fileName"]
                guard options.replace else {
                    conflicts.append(TrivselConflict(row: row, line: line, school: name, grade: result.grade,
                                                     schoolYear: result.schoolYear, indicator: indicator,
                                                     existingFile: fileName))
                    continue
                }
                try replace(try TrivselFigureRecord(row: existing), school: name, file: fileName, row: row)
            }
            var record = TrivselFigureRecord(
                id: nil, batchId: batchId, schoolId: school.id, grade: result.grade, gradeKey: gradeKey,
                schoolYear: result.schoolYear?.endYear, indicator: indicator.rawValue, mean: figure.mean,
                pupils: figure.pupils, shareGt3: figure.highestWellBeing[.above3],
                shareGt4: figure.highestWellBeing[.above4], row: row, line: line)
            try record.insert(db)
            counts.figures += 1
            stored = true
        }
        if stored { counts.results += 1 }
    }

    /// The project's school of this name, created when new.
    private mutating func school(named name: String) throws -> (id: Int64, isNew: Bool) {
        if let school = schools[name] { return school }
        let school: (id: Int64, isNew: Bool)
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM school WHERE name = ?", arguments: [name]) {
            school = (id, false)
        } else {
            var record = SchoolRecord(id: nil, name: name)
            try record.insert(db)
            counts.newSchools += 1
            school = (record.id!, true)
        }
        schools[name] = school
        return school
    }

    /// Moves a stored figure to the audit log (with the file it came from) and deletes it.
    private mutating func replace(_ old: TrivselFigureRecord, school: String, file: String, row: Int) throws {
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }
        let year = old.schoolYear.map { SchoolYear(endYear: $0).description }
        let detail = """
            {"school":\(AnswerCoding.quoted(school)),"grade":\(old.grade.map(AnswerCoding.quoted) ?? "null"),\
            "schoolYear":\(year.map(AnswerCoding.quoted) ?? "null"),"indicator":\(AnswerCoding.quoted(old.indicator)),\
            "mean":\(number(old.mean)),"pupils":\(old.pupils.map(String.init) ?? "null"),\
            "shareGt3":\(number(old.shareGt3)),"shareGt4":\(number(old.shareGt4)),\
            "file":\(AnswerCoding.quoted(file)),"line":\(old.line)}
            """
        let what = [school, old.grade, year].compactMap { $0 }.joined(separator: " ")
        var audit = AuditLogRecord(id: nil, at: timestamp, operator: options.operator, action: AuditAction.replace.rawValue,
                                   batchId: batchId,
                                   summary: "replaced trivsel figure \(old.indicator) of \(what) from \(file) by row \(row) of the new file",
                                   detail: detail)
        try audit.insert(db)
        try db.execute(sql: "DELETE FROM trivselFigure WHERE id = ?", arguments: [old.id])
        counts.replaced += 1
    }
}

import Foundation
import KortlaegDomain

/// The rules of a trivselsmåling results import, over any backend.
///
/// - Each result attaches to the project's school of the same name (created when new); a result
///   naming no school is a reject. Indicators a result does not give (suppressed cells) stay absent.
/// - A figure whose school, trin (`4. klasse` = `4`), school year (unknown = one year) and
///   indicator appear earlier in the same file is a reject: the first is kept.
/// - A figure another file already delivered is a conflict; conflicts refuse the whole file unless
///   `replace` is given. With `replace` the stored figure goes to the audit log and is deleted.
/// - A reject's CPR-shaped value is never kept.
package struct TrivselImport<Backend: ImportBackend> {
    private let backend: Backend
    private let batch: BatchImport.Context
    private let options: TrivselImportOptions
    private(set) var counts = TrivselImportCounts()
    private(set) var conflicts: [TrivselConflict] = []
    /// School ids by name, and whether the school is new in this file (then nothing can conflict).
    private var schools: [String: (id: Int64, isNew: Bool)] = [:]
    /// The line of the first figure of each key in this file.
    private var seen: [TrivselFigureKey: Int] = [:]

    init(backend: Backend, batch: BatchImport.Context, options: TrivselImportOptions) {
        self.backend = backend
        self.batch = batch
        self.options = options
    }

    /// Imports one results file into `store` as one transaction (the body of
    /// ``ProjectStore/importTrivselResults(_:results:rejects:options:)``).
    package static func importFile<Store: ImportTransactions>(
        _ batch: ImportBatch, results: [TrivselResult], rejects: [ImportReject], options: TrivselImportOptions,
        store: Store
    ) throws -> TrivselImportOutcome where Store.Backend == Backend {
        try BatchImport.run(batch, operator: options.operator, store: store,
                            alreadyImported: { TrivselImportOutcome.alreadyImported(fileName: $0, importedAt: $1) }) { backend, context in
            var writer = TrivselImport(backend: backend, batch: context, options: options)
            for rejection in rejects { try writer.reject(rejection) }
            for result in results { try writer.add(result) }
            var counts = writer.counts
            counts.dryRun = options.dryRun
            if !writer.conflicts.isEmpty && !options.replace {
                return BatchImport.Decision(outcome: .conflicts(writer.conflicts, counts: counts))
            }
            if options.dryRun { return BatchImport.Decision(outcome: .imported(counts)) }
            var summary = "imported trivsel results \(context.fileName) (sha256 \(batch.sha256.prefix(12))…): "
                + "\(counts.results) results (\(counts.figures) figures) stored, \(counts.newSchools) new schools, "
                + "\(counts.rejected) rejected"
            if counts.replaced > 0 { summary += ", \(counts.replaced) figures replaced" }
            return BatchImport.Decision(outcome: .imported(counts), keep: BatchImport.Kept(
                profile: batch.profile, accepted: counts.results, rejected: counts.rejected, replaced: counts.replaced,
                auditSummary: summary))
        }
    }

    /// Adds a rejection (one the reader found) to the rejects report.
    mutating func reject(_ rejection: ImportReject) throws {
        counts.rejected += 1
        try backend.insertReject(rejection.scrubbed, batchID: batch.batchID)
    }

    /// A rejection found here (not by the reader): also listed in the counts for showing.
    private mutating func storeReject(_ rejection: ImportReject) throws {
        try reject(rejection)
        counts.storeRejects.append(rejection)
    }

    mutating func add(_ result: TrivselResult) throws {
        let row = result.row ?? 0, line = result.line ?? row
        // In the indicators' official order, so conflicts and rejects are listed as the file shows them.
        let figures = result.figures.keys.sorted().compactMap { indicator in
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
            let key = TrivselFigureKey(schoolID: school.id, gradeKey: gradeKey, schoolYear: result.schoolYear?.endYear,
                                       indicator: indicator.rawValue)
            if let first = seen[key] {
                try storeReject(ImportReject(row: row, line: line, column: indicator.label(.danish),
                                             value: figure.mean.map { "\($0)" },
                                             reason: "the same school, klassetrin, school year and indicator appear earlier "
                                                 + "in this file (line \(first)); only the first is kept"))
                continue
            }
            seen[key] = line
            if !school.isNew, let existing = try backend.storedTrivselFigure(for: key) {
                guard options.replace else {
                    conflicts.append(TrivselConflict(row: row, line: line, school: name, grade: result.grade,
                                                     schoolYear: result.schoolYear, indicator: indicator,
                                                     existingFile: existing.fileName))
                    continue
                }
                try replace(existing, school: name, row: row)
            }
            try backend.insertTrivselFigure(NewTrivselFigure(
                batchID: batch.batchID, key: key, grade: result.grade, mean: figure.mean, pupils: figure.pupils,
                shareGt3: figure.highestWellBeing[.above3], shareGt4: figure.highestWellBeing[.above4], row: row,
                line: line))
            counts.figures += 1
            stored = true
        }
        if stored { counts.results += 1 }
    }

    /// The project's school of this name, created when new.
    private mutating func school(named name: String) throws -> (id: Int64, isNew: Bool) {
        if let school = schools[name] { return school }
        let school: (id: Int64, isNew: Bool)
        if let id = try backend.schoolID(named: name) {
            school = (id, false)
        } else {
            school = (try backend.insertSchool(named: name), true)
            counts.newSchools += 1
        }
        schools[name] = school
        return school
    }

    /// Moves a stored figure to the audit log (with the file it came from) and deletes it.
    private mutating func replace(_ old: StoredTrivselFigure, school: String, row: Int) throws {
        func number(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }
        let year = old.schoolYear.map { SchoolYear(endYear: $0).description }
        let detail = """
            {"school":\(AnswerCoding.quoted(school)),"grade":\(old.grade.map(AnswerCoding.quoted) ?? "null"),\
            "schoolYear":\(year.map(AnswerCoding.quoted) ?? "null"),"indicator":\(AnswerCoding.quoted(old.indicator)),\
            "mean":\(number(old.mean)),"pupils":\(old.pupils.map(String.init) ?? "null"),\
            "shareGt3":\(number(old.shareGt3)),"shareGt4":\(number(old.shareGt4)),\
            "file":\(AnswerCoding.quoted(old.fileName)),"line":\(old.line)}
            """
        let what = [school, old.grade, year].compactMap { $0 }.joined(separator: " ")
        try backend.insertAudit(NewAuditEntry(
            at: batch.timestamp, operator: options.operator, action: .replace, batchID: batch.batchID,
            summary: "replaced trivsel figure \(old.indicator) of \(what) from \(old.fileName) by row \(row) of the new file",
            detail: detail))
        try backend.deleteTrivselFigure(id: old.id)
        counts.replaced += 1
    }
}

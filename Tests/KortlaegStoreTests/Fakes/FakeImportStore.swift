import KortlaegDomain
@testable import KortlaegStore

/// The rows a fake backend keeps: plain dictionaries, no database.
struct FakeRows {
    struct Batch: Equatable {
        var row: NewImportBatch
        var profile: String
        var accepted = 0, rejected = 0, replaced = 0
    }
    struct Occasion: Equatable {
        var code: String
        var sequence: Int
        var date: String?
    }
    struct Response: Equatable {
        var row: NewResponse
        var scores: [ComputedScore]
    }

    var nextID: Int64 = 1
    var batches: [Int64: Batch] = [:]
    var rejects: [(batchID: Int64, reject: ImportReject)] = []
    var audit: [NewAuditEntry] = []
    var scorings: [Int64: ScoringKey] = [:]
    var occasions: [Int64: Occasion] = [:]
    var schools: [Int64: String] = [:]
    var classes: [Int64: (schoolID: Int64?, name: String)] = [:]
    var children: [Int64: StoredChild] = [:]
    var responses: [Int64: Response] = [:]
    var figures: [Int64: NewTrivselFigure] = [:]
    /// (response id, batch id) of responses a later batch delivered unchanged.
    var redeliveries: Set<[Int64]> = []

    mutating func newID() -> Int64 {
        defer { nextID += 1 }
        return nextID
    }
}

/// A store for testing the import rules without any database: a transaction works on a copy of
/// the rows, which replaces them on commit.
final class FakeImportStore: ImportTransactions {
    var rows = FakeRows()
    /// Transactions run, and how each ended.
    var transactions: [Bool] = []

    func previousImport(sha256: String) throws -> PreviousImport? {
        rows.batches.values.first { $0.row.sha256 == sha256 }.map {
            PreviousImport(fileName: $0.row.fileName, importedAt: $0.row.importedAt)
        }
    }

    func inImportTransaction(_ body: (FakeImportBackend) throws -> Bool) throws {
        let backend = FakeImportBackend(rows: rows)
        let commit = try body(backend)
        transactions.append(commit)
        if commit { rows = backend.rows }
    }
}

/// The primitives over the fake rows; no rule lives here.
final class FakeImportBackend: ImportBackend {
    var rows: FakeRows

    init(rows: FakeRows) { self.rows = rows }

    func insertBatch(_ batch: NewImportBatch) throws -> Int64 {
        let id = rows.newID()
        rows.batches[id] = FakeRows.Batch(row: batch, profile: batch.profile)
        return id
    }

    func finishBatch(id: Int64, profile: String, accepted: Int, rejected: Int, replaced: Int) throws {
        rows.batches[id]!.profile = profile
        rows.batches[id]!.accepted = accepted
        rows.batches[id]!.rejected = rejected
        rows.batches[id]!.replaced = replaced
    }

    func insertReject(_ rejection: ImportReject, batchID: Int64) throws { rows.rejects.append((batchID, rejection)) }

    func insertAudit(_ entry: NewAuditEntry) throws { rows.audit.append(entry) }

    func scoringID(for key: ScoringKey) throws -> Int64? { rows.scorings.first { $0.value == key }?.key }

    func insertScoring(_ key: ScoringKey) throws -> Int64 {
        let id = rows.newID()
        rows.scorings[id] = key
        return id
    }

    func occasion(code: String) throws -> (id: Int64, date: String?)? {
        rows.occasions.first { $0.value.code == code }.map { ($0.key, $0.value.date) }
    }

    func insertOccasion(code: String, sequence: Int, date: String?) throws -> Int64 {
        let id = rows.newID()
        rows.occasions[id] = FakeRows.Occasion(code: code, sequence: sequence, date: date)
        return id
    }

    func setOccasionDate(id: Int64, date: String) throws { rows.occasions[id]!.date = date }

    func schoolID(named name: String) throws -> Int64? { rows.schools.first { $0.value == name }?.key }

    func insertSchool(named name: String) throws -> Int64 {
        let id = rows.newID()
        rows.schools[id] = name
        return id
    }

    func classID(schoolID: Int64?, name: String) throws -> Int64? {
        rows.classes.first { $0.value.schoolID == schoolID && $0.value.name == name }?.key
    }

    func insertClass(schoolID: Int64?, name: String) throws -> Int64 {
        let id = rows.newID()
        rows.classes[id] = (schoolID, name)
        return id
    }

    func childID(pseudonym: String) throws -> Int64? { try child(pseudonym: pseudonym)?.id }

    func child(pseudonym: String) throws -> StoredChild? { rows.children.values.first { $0.pseudonym == pseudonym } }

    func insertChild(_ child: StoredChild) throws -> Int64 {
        let id = rows.newID()
        var stored = child
        stored.id = id
        rows.children[id] = stored
        return id
    }

    func updateChild(_ child: StoredChild) throws { rows.children[child.id!] = child }

    func storedResponse(for key: ResponseKey) throws -> StoredResponseReference? {
        rows.responses.first { _, response in
            response.row.childID == key.childID && response.row.occasionID == key.occasionID
                && response.row.informant == key.informant && response.row.instrument.id == key.instrumentID
        }.map { StoredResponseReference(id: $0.key, batchID: $0.value.row.batchID,
                                        fileName: rows.batches[$0.value.row.batchID]!.row.fileName) }
    }

    func responseForAudit(id: Int64) throws -> ReplacedResponse? {
        rows.responses[id].map { response in
            ReplacedResponse(informant: response.row.informant.rawValue, instrument: response.row.instrument,
                             date: response.row.date, answers: response.row.answers,
                             fileName: rows.batches[response.row.batchID]!.row.fileName,
                             scores: response.scores.sorted { $0.id < $1.id }, missingReasons: response.row.missingReasons)
        }
    }

    func deleteResponse(id: Int64) throws { rows.responses[id] = nil }

    func insertResponse(_ response: NewResponse, scores: [ComputedScore]) throws {
        rows.responses[rows.newID()] = FakeRows.Response(row: response, scores: scores)
    }

    func recordRedelivery(responseID: Int64, batchID: Int64) throws { rows.redeliveries.insert([responseID, batchID]) }

    func storedTrivselFigure(for key: TrivselFigureKey) throws -> StoredTrivselFigure? {
        rows.figures.first { $0.value.key == key }.map { id, figure in
            StoredTrivselFigure(id: id, grade: figure.grade, schoolYear: figure.key.schoolYear, indicator: figure.key.indicator,
                                mean: figure.mean, pupils: figure.pupils, shareGt3: figure.shareGt3,
                                shareGt4: figure.shareGt4, line: figure.line,
                                fileName: rows.batches[figure.batchID]!.row.fileName)
        }
    }

    func deleteTrivselFigure(id: Int64) throws { rows.figures[id] = nil }

    func insertTrivselFigure(_ figure: NewTrivselFigure) throws { rows.figures[rows.newID()] = figure }
}

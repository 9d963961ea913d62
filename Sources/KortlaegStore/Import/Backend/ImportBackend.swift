import KortlaegDomain

/// The primitives a store backend offers the import rules, inside one import transaction.
///
/// The rules (``ResponseImport``, ``TrivselImport``, ``BatchImport``) decide everything a user
/// can notice: what conflicts, which in-file duplicate is kept, what `--replace` deletes and
/// writes to the audit log, which reject values are scrubbed, what a dry run keeps. A backend
/// only finds, inserts, updates and deletes rows; it never decides. Every method runs inside the
/// transaction that ``ImportTransactions/inImportTransaction(_:)`` opened, so a rollback undoes
/// all of them.
///
/// Row ids are the backend's (SQLite rowids, PostgreSQL `bigserial`); the rules only hand them back.
package protocol ImportBackend {
    // MARK: - The batch

    /// The earlier import of a file with this SHA-256, as seen inside the transaction (after any
    /// lock the backend took): another process may have imported the same file meanwhile.
    func previousImport(sha256: String) throws -> PreviousImport?

    /// Inserts the file's batch row (counts zero) and returns its id.
    func insertBatch(_ batch: NewImportBatch) throws -> Int64
    /// Stores the profile applied and the final counts of the batch.
    func finishBatch(id: Int64, profile: String, accepted: Int, rejected: Int, replaced: Int) throws
    /// Adds a rejection to the batch's rejects report, exactly as given (the rules scrub it first).
    func insertReject(_ rejection: ImportReject, batchID: Int64) throws
    /// Appends an entry to the audit log, exactly as given.
    func insertAudit(_ entry: NewAuditEntry) throws

    // MARK: - Reference rows

    /// The id of the scoring row with exactly this key, if stored.
    func scoringID(for key: ScoringKey) throws -> Int64?
    /// Inserts a scoring row and returns its id.
    func insertScoring(_ key: ScoringKey) throws -> Int64
    /// The stored occasion with this code (`T1`, `F1`, …): its id and date.
    func occasion(code: String) throws -> (id: Int64, date: String?)?
    /// Inserts an occasion and returns its id.
    func insertOccasion(code: String, sequence: Int, date: String?) throws -> Int64
    /// Sets the date of a stored occasion.
    func setOccasionDate(id: Int64, date: String) throws
    /// The id of the school with exactly this name, if stored.
    func schoolID(named name: String) throws -> Int64?
    /// Inserts a school and returns its id.
    func insertSchool(named name: String) throws -> Int64
    /// The id of the class with this name at this school (nil: a class at no school), if stored.
    func classID(schoolID: Int64?, name: String) throws -> Int64?
    /// Inserts a class and returns its id.
    func insertClass(schoolID: Int64?, name: String) throws -> Int64

    // MARK: - Children

    /// The id of the child with this pseudonym, if stored (the common, cheap lookup).
    func childID(pseudonym: String) throws -> Int64?
    /// The child with this pseudonym and what is stored about it, if stored.
    func child(pseudonym: String) throws -> StoredChild?
    /// Inserts a child (its `id` is ignored) and returns its id.
    func insertChild(_ child: StoredChild) throws -> Int64
    /// Stores a child's class and attributes.
    func updateChild(_ child: StoredChild) throws

    // MARK: - Responses

    /// The stored response for this child, occasion, informant and instrument (any version), if any.
    func storedResponse(for key: ResponseKey) throws -> StoredResponseReference?
    /// What the audit log keeps of a stored response that is about to be replaced.
    func responseForAudit(id: Int64) throws -> ReplacedResponse?
    /// Deletes a stored response with its scores.
    func deleteResponse(id: Int64) throws
    /// Inserts a response with its scores.
    func insertResponse(_ response: NewResponse, scores: [ComputedScore]) throws
    /// Inserts a response with the scores `scores` computes, unless a response with the same
    /// ``ResponseKey`` is stored: then nothing is written (a backend that keeps the scores in the
    /// response's row may call `scores` before it knows; the response's ``NewResponse/encodedScores``,
    /// when given, are those scores, already encoded). The rules
    /// call this first and look at the stored response only when it returns false, so a backend
    /// can let its unique key find what is stored (one statement for a new response, not two).
    /// - Returns: whether the response was inserted.
    func insertResponseIfNew(_ response: NewResponse, scores: () throws -> [ComputedScore]) throws -> Bool
    /// Records that batch `batchID` delivered the stored response `responseID` unchanged (so that
    /// removing the response's own import leaves it to this one: ``BatchRemoval``).
    func recordRedelivery(responseID: Int64, batchID: Int64) throws

    // MARK: - Trivselsmåling figures

    /// The stored figure for this school, trin, school year and indicator, if any.
    func storedTrivselFigure(for key: TrivselFigureKey) throws -> StoredTrivselFigure?
    /// Deletes a stored figure.
    func deleteTrivselFigure(id: Int64) throws
    /// Inserts a figure.
    func insertTrivselFigure(_ figure: NewTrivselFigure) throws

    // MARK: Short answers (default: none)

    /// Whether the backend keeps answers and scores in the short forms where they can hold them
    /// (``AnswerLayout``, ``ScoreLayout``).
    static var keepsShortAnswers: Bool { get }
    /// Keeps `layout` as the meaning of the short answers of the responses of scoring row
    /// `scoringID` when the row keeps none yet; whether short answers of `layout` may be stored
    /// with that row (false when it keeps another one: those responses are stored as JSON).
    func adoptAnswerLayout(_ layout: AnswerLayout, scoringID: Int64) throws -> Bool
    /// The same for the layout of the short scores (``ScoreLayout``).
    func adoptScoreLayout(_ layout: ScoreLayout, scoringID: Int64) throws -> Bool
}

extension ImportBackend {
    package static var keepsShortAnswers: Bool { false }
    package func adoptAnswerLayout(_ layout: AnswerLayout, scoringID: Int64) throws -> Bool { false }
    package func adoptScoreLayout(_ layout: ScoreLayout, scoringID: Int64) throws -> Bool { false }

    /// Backends whose transactions cannot race (one process, in memory) need no second look.
    package func previousImport(sha256: String) throws -> PreviousImport? { nil }

    /// Looks the key up, then inserts: for a backend without an insert that skips a stored key.
    package func insertResponseIfNew(_ response: NewResponse, scores: () throws -> [ComputedScore]) throws -> Bool {
        if try storedResponse(for: response.key) != nil { return false }
        try insertResponse(response, scores: scores())
        return true
    }
}

/// A store whose imports the shared rules drive: it says whether a file was imported before and
/// runs a body in one write transaction over its ``ImportBackend``.
package protocol ImportTransactions {
    associatedtype Backend: ImportBackend

    /// The earlier import of a file with this SHA-256, if any.
    func previousImport(sha256: String) throws -> PreviousImport?

    /// Runs `body` in one write transaction: everything it did is committed when it returns
    /// true, and rolled back when it returns false or throws (the error is rethrown; backend
    /// errors become ``StoreError``).
    func inImportTransaction(_ body: (Backend) throws -> Bool) throws
}

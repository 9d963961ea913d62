import KortlaegDomain

/// A project store: the mappings of one project over months.
///
/// Two implementations: `SQLiteProjectStore` (KortlaegStoreSQLite: an embedded file, nothing to
/// install) and `PostgresProjectStore` (KortlaegStorePostgres: a project in a shared PostgreSQL
/// database). The protocol names no backend type, so the use cases work on either. The import rules are not a
/// backend's: a backend implements ``ImportBackend`` and ``ImportTransactions`` and hands
/// ``importFile(_:options:produce:)`` to ``ResponseImport`` and ``importTrivselResults(_:results:rejects:options:)``
/// to ``TrivselImport``; ``ProjectStoreContract`` is the suite a backend must pass.
public protocol ProjectStore {
    /// The project's settings (municipality, model, mapping-tool version).
    func project() throws -> ProjectInfo

    /// Imports one file as one transaction: all of its accepted records and its rejects report
    /// are stored, or nothing is.
    ///
    /// - Parameters:
    ///   - batch: the file's name, SHA-256 and profile.
    ///   - options: instruments, scoring options, `replace`, `dryRun`, operator.
    ///   - produce: called once inside the transaction; hands every record and every rejection of
    ///     the file to the sink. Throwing from it rolls the whole file back.
    /// - Returns: what happened (imported, already imported, refused because of conflicts).
    /// - Throws: ``StoreError`` or the error thrown by `produce`.
    func importFile(_ batch: ImportBatch, options: ImportOptions,
                    produce: (any ImportSink) throws -> Void) throws -> ImportOutcome

    /// Whether a file with this SHA-256 (lowercase hex) has already been imported.
    func hasImported(sha256: String) throws -> Bool

    /// Every import batch, oldest first, removed ones included (``StoredImport/isRemoved``).
    func imports() throws -> [StoredImport]

    /// Removes one import in one transaction, by the rule of ``BatchRemoval``: the responses it
    /// holds (with their scores) and its trivselsmåling figures are deleted, responses a later
    /// import delivered unchanged pass to that import, the batch is marked removed (so the file
    /// can be imported again) and a `removeImport` audit entry is written.
    /// - Parameters:
    ///   - id: the batch's id (``StoredImport/id``).
    ///   - operator: who removes it (for the audit log).
    ///   - dryRun: count what would be removed, change nothing.
    /// - Returns: what was (or would be) removed.
    /// - Throws: ``StoreError/importNotFound(id:)``, ``StoreError/importAlreadyRemoved(id:fileName:removedAt:)``.
    func removeImport(id: Int64, operator: String, dryRun: Bool) throws -> ImportRemoval

    /// Children × occasion × informant counts, missing follow-ups and the last imports.
    /// - Parameter recentImports: how many of the last imports to list.
    func status(recentImports: Int) throws -> ProjectStatus

    /// Recomputes every stored score with the given instrument definitions (the rule choices
    /// recorded with each response are kept) and stores the new values in one transaction.
    /// - Parameters:
    ///   - instruments: the current instrument files.
    ///   - operator: who runs the rescoring (for the audit log).
    ///   - dryRun: compute and report, but store nothing.
    ///   - changed: called for every score whose value or band changed.
    /// - Returns: counts of responses and changed scores.
    func rescore(instruments: InstrumentCatalog, operator: String, dryRun: Bool,
                 changed: (ScoreChange) throws -> Void) throws -> RescoreSummary

    /// The audit log, oldest first.
    func auditLog() throws -> [AuditEntry]

    /// Reads stored responses with their scores, ordered by child, occasion, informant and
    /// instrument (unless ``ResponseQuery/ordered`` is false), calling `body` for each
    /// (streamed: the whole project is never in memory).
    func responses(_ query: ResponseQuery, _ body: (StoredResponse) throws -> Void) throws

    /// Appends an entry to the audit log (for exports and reports; imports and rescorings log
    /// themselves).
    /// - Throws: ``StoreError/cprInAuditText`` when the text contains a CPR-shaped number.
    func recordAudit(action: AuditAction, summary: String, detail: String?, operator: String) throws

    /// The pseudonym the project gives to a raw child id (CPR-shaped or not).
    func pseudonym(for rawID: String) throws -> String

    /// The pseudonym the project gives to a raw child id at a site (`import --site`; the site is
    /// part of the child's identity). A nil or blank site gives ``pseudonym(for:)``.
    func pseudonym(for rawID: String, site: String?) throws -> String

    /// A 32-byte secret derived from the project key for one purpose (e.g. `export-pseudonyms`).
    ///
    /// Exports key their own pseudonyms with it, so the project key itself never leaves the store
    /// and different purposes never share a key.
    func derivedKey(purpose: String) throws -> [UInt8]

    // MARK: Trivselsmåling results (issue 6)

    /// Stores the aggregated trivselsmåling results of one file as one transaction: every figure
    /// and the file's rejects report, or nothing.
    ///
    /// Each result attaches to the project's school of the same name (created when new), its
    /// klassetrin and school year. Indicators a result does not give (suppressed cells) stay absent.
    /// A result without a school, or a figure repeated in the file, goes to the rejects report.
    ///
    /// - Parameters:
    ///   - batch: the file's name, SHA-256 and profile (`trivsel-results`).
    ///   - results: the file's rows as read.
    ///   - rejects: the problems the reader found (cells read as absent), kept in the rejects report.
    ///   - options: `replace`, `dryRun`, operator.
    /// - Returns: what happened (imported, already imported, refused because of conflicts).
    /// - Throws: ``StoreError``.
    func importTrivselResults(_ batch: ImportBatch, results: [TrivselResult], rejects: [ImportReject],
                              options: TrivselImportOptions) throws -> TrivselImportOutcome

    /// Every stored trivselsmåling result, one per stored source row (school × klassetrin × school
    /// year), in import order; `location` names the file and line it came from. Indicators come
    /// back by id only (``TrivselIndicator/init(rawValue:)``): ``TrivselReport/build(results:school:grade:indicators:)``
    /// gives them the instrument files' names and order.
    func trivselResults() throws -> [TrivselResult]

    // MARK: Integrity and backup (issue 18)

    /// Checks the stored data for damage.
    ///
    /// Contract: reads only; never repairs. `full` runs the backend's complete check (SQLite:
    /// `PRAGMA integrity_check`: every page, index and constraint); otherwise a quicker one that
    /// still finds damaged pages (SQLite: `quick_check`). A backend whose server guarantees page
    /// integrity itself (PostgreSQL) may check that the schema and the project row are readable.
    /// Backends also run the quick check themselves before their first write of a store they
    /// opened and refuse to write a damaged store (``StoreError/damaged(path:problems:)``).
    /// - Returns: the problems found, in the backend's words; empty when the store is intact.
    /// - Throws: ``StoreError`` when the check itself cannot run.
    func checkIntegrity(full: Bool) throws -> [String]

    /// Writes a consistent copy of the whole project to the file `path`, also while other runs
    /// read or write it (the copy shows the last committed state).
    ///
    /// Contract: `path` must not exist (never overwritten); the copy is written under a
    /// temporary name beside it and renamed when complete, so a failure leaves nothing behind.
    /// The copy is a project file ``ProjectLocation`` opens as an embedded (SQLite) project,
    /// whatever the backend.
    /// - Throws: ``StoreError/alreadyExists(path:)``, ``StoreError/cannotWrite(path:reason:)``.
    func backup(to path: String) throws
}

extension ProjectStore {
    /// Imports a batch whose records and rejects are already in memory.
    public func importBatch(_ batch: ImportBatch, records: [StoredResponseInput], rejects: [ImportReject] = [],
                            options: ImportOptions) throws -> ImportOutcome {
        try importFile(batch, options: options) { sink in
            for record in records { try sink.add(record) }
            for reject in rejects { try sink.reject(reject) }
        }
    }
}

extension ProjectStore {
    /// Without a site, ``pseudonym(for:)``; a store that cannot key sites refuses a site.
    public func pseudonym(for rawID: String, site: String?) throws -> String {
        guard let site, SiteName.key(site) != nil else { return try pseudonym(for: rawID) }
        throw StoreError.database("this store cannot look up children by site")
    }
}

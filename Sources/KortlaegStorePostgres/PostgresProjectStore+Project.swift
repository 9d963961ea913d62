import Foundation
import KortlaegDomain
import KortlaegStore
import PostgresNIO

extension PostgresProjectStore {
    public func project() throws -> ProjectInfo {
        try serialised {
            guard let row = try connection.query("""
                SELECT municipality, intervention_model, tool_version, created_at FROM project WHERE id = 1
                """).first else {
                throw StoreError.notAProject(path: address.description, reason: "it has no project settings")
            }
            let (municipality, model, toolVersion, createdAt) = try row.decode((String?, String?, String?, String).self)
            return ProjectInfo(municipality: municipality, interventionModel: model, toolVersion: toolVersion,
                               createdAt: ISO8601DateFormatter().date(from: createdAt))
        }
    }

    public func hasImported(sha256: String) throws -> Bool {
        try previousImport(sha256: sha256) != nil
    }

    public func pseudonym(for rawID: String) throws -> String {
        guard let pseudonym = pseudonymizer.pseudonym(for: rawID) else { throw StoreError.emptyChildID(row: 0) }
        return pseudonym
    }

    public func pseudonym(for rawID: String, site: String?) throws -> String {
        guard let pseudonym = pseudonymizer.pseudonym(for: rawID, site: site) else { throw StoreError.emptyChildID(row: 0) }
        return pseudonym
    }

    public func derivedKey(purpose: String) throws -> [UInt8] {
        pseudonymizer.derivedKey(purpose: purpose)
    }

    public func auditLog() throws -> [AuditEntry] {
        try serialised {
            try connection.query("SELECT at, operator_name, action, summary, detail FROM audit_log ORDER BY id").map { row in
                let (at, who, action, summary, detail) = try row.decode((String, String, String, String, String?).self)
                return AuditEntry(at: at, operator: who, action: AuditAction(rawValue: action) ?? .import,
                                  summary: summary, detail: detail)
            }
        }
    }

    public func recordAudit(action: AuditAction, summary: String, detail: String?, operator: String) throws {
        try AuditText.check(summary: summary, detail: detail)
        try serialised {
            try connection.query("INSERT INTO audit_log (at, operator_name, action, summary, detail) VALUES ($1, $2, $3, $4, $5)",
                                 [StoreClock.timestamp(), `operator`, action.rawValue, summary, detail])
        }
    }
}

/// The PostgreSQL store gives the shared import rules one transaction per file that holds the
/// project's advisory lock: concurrent imports of one project run one after the other.
extension PostgresProjectStore: ImportTransactions {
    package func previousImport(sha256: String) throws -> PreviousImport? {
        try serialised {
            try connection.query("SELECT file_name, imported_at FROM import_batch WHERE sha256 = $1 AND removed_at IS NULL", [sha256]).first.map {
                let (fileName, importedAt) = try $0.decode((String, String).self)
                return PreviousImport(fileName: fileName, importedAt: importedAt)
            }
        }
    }

    package func inImportTransaction(_ body: (PostgresImportBackend) throws -> Bool) throws {
        try inWriteTransaction {
            let backend = PostgresImportBackend(connection: connection)
            guard try body(backend) else { return false }
            // Nothing collected may stay behind when the file's transaction commits.
            try backend.flush()
            return true
        }
    }
}

extension PostgresProjectStore {
    public func importFile(_ batch: ImportBatch, options: ImportOptions,
                           produce: (any ImportSink) throws -> Void) throws -> ImportOutcome {
        try ResponseImport<PostgresImportBackend>.importFile(batch, options: options, pseudonymizer: pseudonymizer,
                                                             store: self, produce: produce)
    }

    public func importTrivselResults(_ batch: ImportBatch, results: [TrivselResult], rejects: [ImportReject],
                                     options: TrivselImportOptions) throws -> TrivselImportOutcome {
        try TrivselImport<PostgresImportBackend>.importFile(batch, results: results, rejects: rejects, options: options,
                                                            store: self)
    }
}

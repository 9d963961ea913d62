import Foundation

/// The tables of a project as a copy between backends sees them (`kortlaeg store copy`): every
/// row of every table, ids included, so that a copy is the same project (same pseudonyms, same
/// batches, same audit log), whatever the backend.
///
/// Columns are listed in one canonical order (the SQLite store's names); each backend maps them to
/// its own. A table added by a later migration is added here and to both backends.
package enum TransferTable: String, CaseIterable, Sendable {
    case project, school, schoolClass, child, occasion, importBatch, importReject, scoring, response, score, auditLog,
         trivselFigure, responseRedelivery
    /// The users of the web application (their password hashes, roles and lock-outs); their
    /// sessions are not copied: everyone logs in again on the copy.
    case webUser
    /// The staff's own labels of children (``ChildLabelStore``), by pseudonym.
    case childLabel

    /// The columns in canonical order. `project` carries the raw pseudonymisation key (in memory
    /// only: each backend stores it its own way).
    package var columns: [String] {
        switch self {
        case .project: ["municipality", "interventionModel", "toolVersion", "pseudonymKey", "createdAt"]
        case .school: ["id", "name"]
        case .schoolClass: ["id", "schoolId", "name"]
        case .child: ["id", "pseudonym", "classId", "birthYear", "birthMonth", "sex", "site"]
        case .occasion: ["id", "code", "sequence", "date"]
        case .importBatch: ["id", "fileName", "sha256", "profile", "importedAt", "operator", "accepted", "rejected", "replaced",
                             "removedAt", "removedBy"]
        case .importReject: ["id", "batchId", "row", "line", "column", "value", "reason"]
        case .scoring: ["id", "instrumentId", "instrumentVersion", "ruleChoices", "includeUnverified", "bandTables"]
        case .response: ["id", "childId", "occasionId", "informant", "instrumentId", "instrumentVersion", "date", "answers",
                         "batchId", "scoringId"]
        case .score: ["responseId", "scoreId", "variable", "value", "bands"]
        case .auditLog: ["id", "at", "operator", "action", "batchId", "summary", "detail"]
        case .trivselFigure: ["id", "batchId", "schoolId", "grade", "gradeKey", "schoolYear", "indicator", "mean", "pupils",
                              "shareGt3", "shareGt4", "row", "line"]
        case .responseRedelivery: ["id", "responseId", "batchId"]
        case .webUser: ["name", "role", "passwordHash", "failedLogins", "lockedUntil"]
        case .childLabel: ["pseudonym", "label"]
        }
    }
}

/// One cell of a transferred row.
package enum TransferValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])
    case boolean(Bool)
}

extension TransferTable {
    /// The columns a table's rows are read in order of (its key).
    package var keyColumns: [String] {
        switch self {
        case .score: ["responseId", "scoreId"]
        case .webUser: ["name"]
        case .childLabel: ["pseudonym"]
        default: ["id"]
        }
    }

    /// Whether the table's key is a generated number (its counter is set after a copy).
    package var hasGeneratedID: Bool { self != .project && keyColumns == ["id"] }
}

/// A store whose every row can be read for a copy.
package protocol TransferSource {
    /// Calls `body` with every row of every table, tables in ``TransferTable/allCases`` order
    /// (parents before children), rows in key order, values in ``TransferTable/columns`` order;
    /// all of it from one consistent snapshot and streamed (never a whole table in memory).
    /// - Returns: the number of rows handed over per table.
    @discardableResult
    func transferRows(_ body: (TransferTable, [TransferValue]) throws -> Void) throws -> [TransferTable: Int]
    /// The number of rows in each table now.
    func transferCounts() throws -> [TransferTable: Int]
}

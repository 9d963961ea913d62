import GRDB

/// The store's schema as named, ordered migrations. A migration is never edited once released;
/// changes go into a new one ("v2", …).
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "project") { t in
                t.column("id", .integer).primaryKey().check { $0 == 1 }
                t.column("municipality", .text)
                t.column("interventionModel", .text)
                t.column("toolVersion", .text)
                t.column("pseudonymKey", .blob).notNull()
                t.column("createdAt", .text).notNull()
            }
            try db.create(table: "school") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull().unique()
            }
            try db.create(table: "schoolClass") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("schoolId", .integer).references("school")
                t.column("name", .text).notNull()
                t.uniqueKey(["schoolId", "name"])
            }
            try db.create(table: "child") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pseudonym", .text).notNull().unique()
                t.column("classId", .integer).references("schoolClass")
                t.column("birthYear", .integer)
                t.column("birthMonth", .integer)
                t.column("sex", .text)
            }
            try db.create(table: "occasion") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("code", .text).notNull().unique()
                t.column("sequence", .integer).notNull()
                t.column("date", .text)
            }
            try db.create(table: "importBatch") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fileName", .text).notNull()
                t.column("sha256", .text).notNull().unique()
                t.column("profile", .text).notNull()
                t.column("importedAt", .text).notNull()
                t.column("operator", .text).notNull()
                t.column("accepted", .integer).notNull().defaults(to: 0)
                t.column("rejected", .integer).notNull().defaults(to: 0)
                t.column("replaced", .integer).notNull().defaults(to: 0)
            }
            try db.create(table: "importReject") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("batchId", .integer).notNull().references("importBatch").indexed()
                t.column("row", .integer).notNull()
                t.column("line", .integer).notNull()
                t.column("column", .text).notNull()
                t.column("value", .text)
                t.column("reason", .text).notNull()
            }
            try db.create(table: "scoring") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("instrumentId", .text).notNull()
                t.column("instrumentVersion", .text).notNull()
                t.column("ruleChoices", .text).notNull()
                t.column("includeUnverified", .boolean).notNull()
                t.column("bandTables", .text).notNull()
                t.uniqueKey(["instrumentId", "instrumentVersion", "ruleChoices", "includeUnverified", "bandTables"])
            }
            try db.create(table: "response") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("childId", .integer).notNull().references("child")
                t.column("occasionId", .integer).notNull().references("occasion")
                t.column("informant", .text).notNull()
                t.column("instrumentId", .text).notNull()
                t.column("instrumentVersion", .text).notNull()
                t.column("date", .text)
                t.column("answers", .text).notNull()
                t.column("batchId", .integer).notNull().references("importBatch").indexed()
                t.column("scoringId", .integer).notNull().references("scoring")
                t.uniqueKey(["childId", "occasionId", "informant", "instrumentId"])
            }
            try db.create(table: "score", options: .withoutRowID) { t in
                t.column("responseId", .integer).notNull().references("response", onDelete: .cascade)
                t.column("scoreId", .text).notNull()
                t.column("variable", .text).notNull()
                t.column("value", .double)
                t.column("bands", .text)
                t.primaryKey(["responseId", "scoreId"])
            }
            try db.create(table: "auditLog") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .text).notNull()
                t.column("operator", .text).notNull()
                t.column("action", .text).notNull()
                t.column("batchId", .integer).references("importBatch")
                t.column("summary", .text).notNull()
                t.column("detail", .text)
            }
        }
        return migrator
    }
}

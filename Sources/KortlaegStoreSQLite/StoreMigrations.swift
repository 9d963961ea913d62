import KortlaegStore
import GRDB

/// The store's schema as named, ordered migrations. A migration is never edited once released;
/// changes go into a new one ("v2", …).
enum StoreMigrations {
    /// Every migration this Kortlæg knows, in order.
    static var migrator: DatabaseMigrator { migrator(through: nil) }

    /// The migrations up to and including `last` (nil: all): the migrator of an older Kortlæg,
    /// for tests that prove an older version refuses a newer store.
    static func migrator(through last: String?) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        var done = false
        func register(_ identifier: String, _ migrate: @escaping @Sendable (Database) throws -> Void) {
            guard !done else { return }
            migrator.registerMigration(identifier, migrate: migrate)
            if identifier == last { done = true }
        }
        register("v1") { db in
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
        // v2 (issue 6): aggregated trivselsmåling results, one row per published figure
        // (school × klassetrin × school year × indicator). Suppressed cells are never stored.
        register("v2") { db in
            try db.create(table: "trivselFigure") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("batchId", .integer).notNull().references("importBatch").indexed()
                t.column("schoolId", .integer).notNull().references("school").indexed()
                // The klassetrin as written (`4. klasse`, `Udskoling`); NULL when the file gives none.
                t.column("grade", .text)
                // The trin as compared (`4`, `udskoling`; '' when none): `4. klasse` and `4` are one trin.
                t.column("gradeKey", .text).notNull()
                // The calendar year the school year ends in (2018 = 2017/18); NULL when not given.
                t.column("schoolYear", .integer)
                t.column("indicator", .text).notNull()
                    .check { ["social", "faglig", "stoette", "ro_orden", "generel"].contains($0) }
                t.column("mean", .double).check { $0 >= 1 && $0 <= 5 }
                t.column("pupils", .integer).check { $0 >= 0 }
                // Shares (0–100 %) with the highest well-being, by definition (score > 3, score > 4).
                t.column("shareGt3", .double).check { $0 >= 0 && $0 <= 100 }
                t.column("shareGt4", .double).check { $0 >= 0 && $0 <= 100 }
                t.column("row", .integer).notNull()
                t.column("line", .integer).notNull()
            }
            // One figure per school, trin, school year and indicator (an unknown year counts as one year).
            try db.execute(sql: """
                CREATE UNIQUE INDEX trivselFigureKey
                ON trivselFigure (schoolId, gradeKey, ifnull(schoolYear, 0), indicator)
                """)
        }
        // v3 (issue 12): trivsel indicator ids are data (the instrument files), so the CHECK that
        // listed them goes. SQLite cannot drop a CHECK: the table is rebuilt with the same
        // columns, rows, ids, other checks and indexes.
        register("v3") { db in
            try db.create(table: "trivselFigure_v3") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("batchId", .integer).notNull().references("importBatch")
                t.column("schoolId", .integer).notNull().references("school")
                t.column("grade", .text)
                t.column("gradeKey", .text).notNull()
                t.column("schoolYear", .integer)
                t.column("indicator", .text).notNull()
                t.column("mean", .double).check { $0 >= 1 && $0 <= 5 }
                t.column("pupils", .integer).check { $0 >= 0 }
                t.column("shareGt3", .double).check { $0 >= 0 && $0 <= 100 }
                t.column("shareGt4", .double).check { $0 >= 0 && $0 <= 100 }
                t.column("row", .integer).notNull()
                t.column("line", .integer).notNull()
            }
            let columns = "id, batchId, schoolId, grade, gradeKey, schoolYear, indicator, mean, pupils, shareGt3, shareGt4, row, line"
            try replace(table: "trivselFigure", with: "trivselFigure_v3", columns: columns, in: db)
            try db.execute(sql: """
                CREATE INDEX index_trivselFigure_on_batchId ON trivselFigure (batchId);
                CREATE INDEX index_trivselFigure_on_schoolId ON trivselFigure (schoolId);
                CREATE UNIQUE INDEX trivselFigureKey ON trivselFigure (schoolId, gradeKey, ifnull(schoolYear, 0), indicator);
                """)
        }
        // v4 (issue 16): the users of the web application and their sessions (UserStore).
        register("v4") { db in
            try db.create(table: "webUser") { t in
                t.column("name", .text).primaryKey()
                t.column("role", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("failedLogins", .integer).notNull().defaults(to: 0)
                t.column("lockedUntil", .double)
            }
            try db.create(table: "webSession") { t in
                t.column("idHash", .text).primaryKey()
                t.column("user", .text).notNull().references("webUser", onDelete: .cascade)
                t.column("csrfToken", .text).notNull()
                t.column("expiresAt", .double).notNull()
            }
        }
        // v5 (issue 13, undo): an import can be removed. The batch row stays (marked removed, with
        // who and when) and its file may be imported again, so the SHA-256 is unique among the
        // batches that are not removed only: SQLite cannot drop a column's UNIQUE, so the table is
        // rebuilt with the same columns, rows and ids. `responseRedelivery` records which later
        // batch delivered a stored response unchanged (removing the first batch leaves it to that one).
        register("v5") { db in
            try db.create(table: "importBatch_v5") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("fileName", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("profile", .text).notNull()
                t.column("importedAt", .text).notNull()
                t.column("operator", .text).notNull()
                t.column("accepted", .integer).notNull().defaults(to: 0)
                t.column("rejected", .integer).notNull().defaults(to: 0)
                t.column("replaced", .integer).notNull().defaults(to: 0)
                t.column("removedAt", .text)
                t.column("removedBy", .text)
            }
            let columns = "id, fileName, sha256, profile, importedAt, operator, accepted, rejected, replaced"
            try replace(table: "importBatch", with: "importBatch_v5", columns: columns, in: db)
            try db.execute(sql: "CREATE UNIQUE INDEX importBatchLiveSha256 ON importBatch (sha256) WHERE removedAt IS NULL")
            try db.create(table: "responseRedelivery") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("responseId", .integer).notNull().references("response", onDelete: .cascade)
                t.column("batchId", .integer).notNull().references("importBatch").indexed()
                t.uniqueKey(["responseId", "batchId"])
            }
        }
        // v6 (issue 14): the child's site (municipality) when data from several sites are pooled.
        // The site is part of the pseudonym (docs/decisions/sites.md); the column only shows it.
        register("v6") { db in
            try db.alter(table: "child") { t in
                t.add(column: "site", .text)
            }
        }
        // v7 (issue 16): the staff's own labels of children (ChildLabelStore), by pseudonym.
        register("v7") { db in
            try db.create(table: "childLabel") { t in
                t.column("pseudonym", .text).primaryKey()
                t.column("label", .text).notNull()
            }
        }
        // v8 (issue 15): a response's scores in one column of its row (``ScoreCoding``) instead of
        // one `score` row each: an import writes one row per response instead of ten. The scores
        // move over unchanged (same ids, variables, values and bands, in score-id order).
        register("v8") { db in
            try db.alter(table: "response") { t in
                t.add(column: "scores", .text).notNull().defaults(to: "")
            }
            let update = try db.makeStatement(sql: "UPDATE response SET scores = ? WHERE id = ?")
            let rows = try Row.fetchCursor(db, sql: "SELECT responseId, scoreId, variable, value, bands FROM score ORDER BY responseId, scoreId")
            var owner: Int64?
            var scores: [ComputedScore] = []
            func flush() throws {
                guard let owner, !scores.isEmpty else { return }
                try update.execute(arguments: [ScoreCoding.encode(scores), owner])
                scores.removeAll(keepingCapacity: true)
            }
            while let row = try rows.next() {
                let responseID: Int64 = row[0]
                if responseID != owner {
                    try flush()
                    owner = responseID
                }
                scores.append(ComputedScore(id: row[1], variable: row[2], value: row[3], bands: row[4]))
            }
            try flush()
            try db.drop(table: "score")
        }
        // v9 (issue 15): children are found through an index of the pseudonym's first characters
        // (``ChildKey``) instead of the UNIQUE index of the whole text, less than half its size.
        // SQLite cannot drop a column's UNIQUE: the table is rebuilt with the same columns, rows
        // and ids.
        register("v9") { db in
            try db.create(table: "child_v9") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("pseudonym", .text).notNull()
                t.column("classId", .integer).references("schoolClass")
                t.column("birthYear", .integer)
                t.column("birthMonth", .integer)
                t.column("sex", .text)
                t.column("site", .text)
            }
            let columns = "id, pseudonym, classId, birthYear, birthMonth, sex, site"
            try replace(table: "child", with: "child_v9", columns: columns, in: db)
            try db.execute(sql: "CREATE INDEX childPseudonymPrefix ON child (substr(pseudonym, 1, \(ChildKey.prefixLength)))")
        }
        // v10 (issue 15): a scoring row keeps the layouts of its responses' short forms: of the
        // answers (``AnswerLayout``: `~` and a character per item instead of JSON) and of the
        // scores (``ScoreLayout``: values and bands indexes instead of ids, variables and bands
        // texts). Empty: none kept (the texts of its responses are in the full forms, as all of
        // them were before v10).
        register("v10") { db in
            try db.alter(table: "scoring") { t in
                t.add(column: "answerItems", .text).notNull().defaults(to: "")
                t.add(column: "scoreItems", .text).notNull().defaults(to: "")
            }
        }
        return migrator
    }

    /// The rebuild of a table SQLite cannot alter: `columns` of every row copied into `rebuilt`
    /// (same ids), the old table dropped and `rebuilt` renamed to `table`.
    private static func replace(table: String, with rebuilt: String, columns: String, in db: Database) throws {
        try db.execute(sql: "INSERT INTO \(rebuilt) (\(columns)) SELECT \(columns) FROM \(table)")
        try db.drop(table: table)
        try db.rename(table: rebuilt, to: table)
    }
}

import KortlaegStore
import GRDB

extension SQLiteProjectStore {
    public func status(recentImports: Int) throws -> ProjectStatus {
        let info = try project()
        return try wrap {
            try dbQueue.read { db in
                let childCount = try ChildRecord.fetchCount(db)
                let counts = try Row.fetchAll(db, sql: """
                    SELECT o.code AS code, r.informant AS informant, COUNT(DISTINCT r.childId) AS children
                    FROM response r JOIN occasion o ON o.id = r.occasionId
                    GROUP BY o.id, r.informant ORDER BY o.sequence, r.informant
                    """).map { OccasionCount(occasion: $0["code"], informant: $0["informant"], children: $0["children"]) }
                let withT1 = """
                    SELECT DISTINCT c.id, c.pseudonym FROM child c
                    JOIN response r ON r.childId = c.id JOIN occasion o ON o.id = r.occasionId AND o.code = 'T1'
                    """
                let later = try String.fetchAll(db, sql: """
                    SELECT DISTINCT o.code FROM occasion o JOIN response r ON r.occasionId = o.id
                    WHERE o.code <> 'T1' ORDER BY o.sequence
                    """)
                let missing = try later.map { code in
                    MissingOccasion(occasion: code, children: try String.fetchAll(db, sql: """
                        SELECT t.pseudonym FROM (\(withT1)) t WHERE NOT EXISTS (
                          SELECT 1 FROM response r JOIN occasion o ON o.id = r.occasionId
                          WHERE r.childId = t.id AND o.code = ?)
                        ORDER BY t.pseudonym
                        """, arguments: [code]))
                }
                let imports = try ImportBatchRecord.filter(Column("removedAt") == nil).order(Column("id").desc).limit(max(0, recentImports)).fetchAll(db).map {
                    ImportSummary(fileName: $0.fileName, sha256: $0.sha256, importedAt: $0.importedAt, profile: $0.profile,
                                  operator: $0.operator, accepted: $0.accepted, rejected: $0.rejected, replaced: $0.replaced)
                }
                var status = ProjectStatus(project: info, childCount: childCount, counts: counts, missing: missing,
                                           recentImports: imports)
                status.trivselFigures = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM trivselFigure") ?? 0
                return status
            }
        }
    }
}

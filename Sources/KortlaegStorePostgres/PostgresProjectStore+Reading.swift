import Foundation
import KortlaegDomain
import KortlaegStore
import PostgresNIO

extension PostgresProjectStore {
    public func status(recentImports: Int) throws -> ProjectStatus {
        let info = try project()
        return try inSnapshot {
            let childCount = try connection.query("SELECT count(*) FROM child").first!.decode(Int.self)
            let counts = try connection.query("""
                SELECT o.code, r.informant, count(DISTINCT r.child_id) FROM response r JOIN occasion o ON o.id = r.occasion_id
                GROUP BY o.id, o.code, o.sequence, r.informant ORDER BY o.sequence, r.informant COLLATE "C"
                """).map { row in
                let (code, informant, children) = try row.decode((String, String, Int).self)
                return OccasionCount(occasion: code, informant: informant, children: children)
            }
            let later = try connection.query("""
                SELECT o.code FROM occasion o WHERE o.code <> 'T1' AND EXISTS (SELECT 1 FROM response r WHERE r.occasion_id = o.id)
                ORDER BY o.sequence
                """).map { try $0.decode(String.self) }
            let missing = try later.map { code in
                MissingOccasion(occasion: code, children: try connection.query("""
                    SELECT c.pseudonym FROM child c
                    WHERE EXISTS (SELECT 1 FROM response r JOIN occasion o ON o.id = r.occasion_id WHERE r.child_id = c.id AND o.code = 'T1')
                      AND NOT EXISTS (SELECT 1 FROM response r JOIN occasion o ON o.id = r.occasion_id WHERE r.child_id = c.id AND o.code = $1)
                    ORDER BY c.pseudonym COLLATE "C"
                    """, [code]).map { try $0.decode(String.self) })
            }
            let imports = try connection.query("""
                SELECT file_name, sha256, imported_at, profile, operator_name, accepted, rejected, replaced
                FROM import_batch WHERE removed_at IS NULL ORDER BY id DESC LIMIT $1
                """, [max(0, recentImports)]).map { row in
                let (file, sha, at, profile, who, accepted, rejected, replaced) =
                    try row.decode((String, String, String, String, String, Int, Int, Int).self)
                return ImportSummary(fileName: file, sha256: sha, importedAt: at, profile: profile, operator: who,
                                     accepted: accepted, rejected: rejected, replaced: replaced)
            }
            var status = ProjectStatus(project: info, childCount: childCount, counts: counts, missing: missing,
                                       recentImports: imports)
            status.trivselFigures = try connection.query("SELECT count(*) FROM trivsel_figure").first!.decode(Int.self)
            return status
        }
    }

    /// Streams through a server-side cursor inside one snapshot, 500 responses per round trip;
    /// each page's scores come with one more query.
    public func responses(_ query: ResponseQuery, _ body: (StoredResponse) throws -> Void) throws {
        var conditions: [String] = []
        var values: [any BindValue] = []
        func condition(_ sql: String, _ value: String) {
            values.append(value)
            conditions.append(sql.replacingOccurrences(of: "?", with: "$\(values.count)"))
        }
        if let child = query.child { condition("c.pseudonym = ?", child) }
        if let className = query.className { condition("k.name = ?", className) }
        if let instrumentID = query.instrumentID { condition("r.instrument_id = ?", instrumentID) }
        if let informant = query.informant { condition("r.informant = ?", informant.rawValue) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        try inSnapshot {
            cursorSerial += 1
            let cursor = "responses_\(cursorSerial)"
            try connection.query("""
                DECLARE \(cursor) NO SCROLL CURSOR FOR
                SELECT r.id, c.pseudonym, k.name, sc.name, c.birth_year, c.birth_month, c.sex, o.code, r.date, r.informant,
                       r.instrument_id, r.instrument_version, r.answers, s.rule_choices, s.include_unverified, c.site
                FROM response r
                JOIN child c ON c.id = r.child_id
                LEFT JOIN school_class k ON k.id = c.class_id
                LEFT JOIN school sc ON sc.id = k.school_id
                JOIN occasion o ON o.id = r.occasion_id
                JOIN scoring s ON s.id = r.scoring_id
                \(whereClause)
                ORDER BY c.pseudonym COLLATE "C", o.sequence, r.informant COLLATE "C", r.instrument_id COLLATE "C"
                """, values)
            defer { _ = try? connection.query("CLOSE \(cursor)") }
            while true {
                let rows = try connection.query("FETCH 500 FROM \(cursor)")
                if rows.isEmpty { break }
                var page: [(id: Int64, response: StoredResponse)] = []
                for row in rows {
                    let (id, child, className, school, birthYear, birthMonth, sex, occasionCode, date, informantText) =
                        try row.decode((Int64, String, String?, String?, Int?, Int?, String?, String, String?, String).self)
                    let columns = row.makeRandomAccess()
                    let instrumentID = try columns[10].decode(String.self)
                    let version = try columns[11].decode(String.self)
                    let answersText = try columns[12].decode(String.self)
                    let choicesText = try columns[13].decode(String.self)
                    let includeUnverified = try columns[14].decode(Bool.self)
                    let site = try columns[15].decode(String?.self)
                    guard let occasion = Occasion(occasionCode), let informant = Informant(rawValue: informantText) else {
                        throw StoreError.database("stored response \(id) has an unknown occasion or informant")
                    }
                    let answers: [String: AnswerValue]
                    let reasons: [String: String]
                    let choices: [String: String]
                    do {
                        answers = try AnswerCoding.decode(answersText)
                        reasons = try AnswerCoding.decodeMissingReasons(answersText)
                        choices = try JSONDecoder().decode([String: String].self, from: Data(choicesText.utf8))
                    } catch {
                        throw StoreError.database("stored response \(id) cannot be decoded: \(error)")
                    }
                    var response = StoredResponse(
                        child: child,
                        attributes: ChildAttributes(className: className, school: school, birthYear: birthYear,
                                                    birthMonth: birthMonth, sex: sex, site: site),
                        occasion: occasion, date: date, informant: informant,
                        instrument: InstrumentReference(id: instrumentID, version: version), answers: answers,
                        scores: [], ruleChoices: choices, includeUnverified: includeUnverified)
                    response.missingReasons = reasons
                    page.append((id, response))
                }
                var scores: [Int64: [StoredScore]] = [:]
                for row in try connection.query("""
                    SELECT response_id, score_id, variable, value, bands FROM score WHERE response_id = ANY($1)
                    ORDER BY response_id, score_id COLLATE "C"
                    """, { var binds = PostgresBindings(); try binds.append(page.map(\.id)); return binds }()) {
                    let (responseID, scoreID, variable, value, bands) = try row.decode((Int64, String, String, Double?, String?).self)
                    scores[responseID, default: []].append(StoredScore(id: scoreID, variable: variable, value: value, bands: bands))
                }
                for var entry in page {
                    entry.response.scores = scores[entry.id] ?? []
                    try body(entry.response)
                }
            }
        }
    }

    public func trivselResults() throws -> [TrivselResult] {
        try inSnapshot {
            var results: [TrivselResult] = []
            var current: (batchID: Int64, row: Int)?
            for row in try connection.query("""
                SELECT f.batch_id, f.row_number, f.line_number, f.grade, f.school_year, f.indicator, f.mean, f.pupils,
                       f.share_gt3, f.share_gt4, s.name, b.file_name
                FROM trivsel_figure f JOIN school s ON s.id = f.school_id JOIN import_batch b ON b.id = f.batch_id
                ORDER BY f.batch_id, f.row_number, f.id
                """) {
                let (batchID, rowNumber, line, grade, schoolYear, indicatorID, mean, pupils, gt3, gt4) =
                    try row.decode((Int64, Int, Int, String?, Int?, String, Double?, Int?, Double?, Double?).self)
                let columns = row.makeRandomAccess()
                let schoolName = try columns[10].decode(String.self)
                let fileName = try columns[11].decode(String.self)
                if current.map({ $0.batchID != batchID || $0.row != rowNumber }) ?? true {
                    results.append(TrivselResult(schoolYear: schoolYear.map(SchoolYear.init(endYear:)), school: schoolName,
                                                 grade: grade, figures: [:], location: "\(fileName):\(line)", row: rowNumber,
                                                 line: line))
                    current = (batchID, rowNumber)
                }
                var shares: [HighestWellBeingDefinition: Double] = [:]
                shares[.above3] = gt3
                shares[.above4] = gt4
                results[results.count - 1].figures[TrivselIndicator(rawValue: indicatorID)] =
                    TrivselFigure(mean: mean, pupils: pupils, highestWellBeing: shares)
            }
            return results
        }
    }
}

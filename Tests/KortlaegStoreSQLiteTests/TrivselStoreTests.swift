import Foundation
import KortlaegTestSupport
import GRDB
import KortlaegDomain
import Testing
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// Aggregated trivselsmåling results in a project (issue 6; rules from shared/specs/trivsel.md:
/// group figures are pupil-weighted, groups under 5 pupils are not published, suppressed cells are
/// absent, not 0).
struct TrivselStoreTests {
    static let year2018 = SchoolYear(endYear: 2018)  // 2017/18

    static func result(_ school: String?, _ grade: String?, _ year: SchoolYear?, row: Int,
                       _ figures: [TrivselIndicator: TrivselFigure]) -> TrivselResult {
        TrivselResult(schoolYear: year, school: school, grade: grade, figures: figures, location: "a.csv:\(row + 1)",
                      row: row, line: row + 1)
    }

    /// Byskolen 4., 5. and 6. klasse and Åskolen 4. klasse, 2017/18.
    static let results = [
        result("Byskolen", "4. klasse", year2018, row: 1, [
            .social: TrivselFigure(mean: 4.1, pupils: 20, highestWellBeing: [.above4: 45.5]),
            .faglig: TrivselFigure(mean: 3.7, pupils: 20),
        ]),
        result("Byskolen", "5. klasse", year2018, row: 2, [.social: TrivselFigure(mean: 3.6, pupils: 30)]),
        result("Byskolen", "6. klasse", year2018, row: 3, [.social: TrivselFigure(mean: 2.0, pupils: 4)]),
        result("Åskolen", "4. klasse", year2018, row: 4, [.social: TrivselFigure(mean: 3.9, pupils: 2351)]),
    ]

    static func trivselBatch(_ name: String) -> ImportBatch {
        ImportBatch(fileName: name, sha256: String(repeating: "0", count: 64 - name.utf8.count * 2)
                        + name.utf8.map { String(format: "%02x", $0) }.joined(),
                    profile: SQLiteProjectStore.trivselResultsProfile)
    }

    static func options(replace: Bool = false, dryRun: Bool = false) -> TrivselImportOptions {
        TrivselImportOptions(replace: replace, dryRun: dryRun, operator: "tester")
    }

    @Test func storesEveryFigureAndReadsTheSameRowsBack() throws {
        let store = try SQLiteProjectStore.inMemory()
        let outcome = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: Self.results, rejects: [],
                                                     options: Self.options())
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        // 4 rows; figures: 2 + 1 + 1 + 1 = 5; schools Byskolen and Åskolen are new.
        #expect(counts.results == 4 && counts.figures == 5 && counts.newSchools == 2 && counts.rejected == 0)
        let rows = try store.rowCounts()
        #expect(rows["trivselFigure"] == 5 && rows["school"] == 2 && rows["importBatch"] == 1)
        let batch = try store.dbQueue.read { db in try ImportBatchRecord.fetchOne(db) }
        #expect(batch?.profile == "trivsel-results" && batch?.accepted == 4 && batch?.rejected == 0)
        #expect(try store.auditLog().last?.summary.contains("4 results (5 figures) stored, 2 new schools, 0 rejected") == true)
        // The project status counts the stored figures.
        #expect(try store.status(recentImports: 1).trivselFigures == 5)

        // The store is just another source of the same rows.
        #expect(try store.trivselResults() == Self.results)
    }

    /// Byskolen 2017/18, Social trivsel: 4. klasse 20 pupils 4.1, 5. klasse 30 pupils 3.6; the
    /// 6. klasse (4 pupils) is below 5 and left out: (20 × 4.1 + 30 × 3.6) / 50 = 190 / 50 = 3.8.
    /// All schools: (82 + 108 + 2351 × 3.9) / 2401 = 9358.9 / 2401 = 3.897917…
    @Test func storedResultsAreCombinedPupilWeightedWithoutSmallGroups() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: Self.results, rejects: [],
                                           options: Self.options())
        let stored = try store.trivselResults()
        let school = try #require(TrivselReport.build(results: stored, school: "Byskolen", grade: nil, indicators: trivselIndicators)
            .cell(.social, Self.year2018)?.aggregate)
        #expect(abs(school.mean! - 3.8) < 1e-12 && school.pupils == 50 && school.weighting == .pupils)
        #expect(school.suppressedGroups == 1)
        let all = try #require(TrivselReport.build(results: stored, school: nil, grade: nil, indicators: trivselIndicators).cell(.social, Self.year2018)?.aggregate)
        #expect(abs(all.mean! - 9358.9 / 2401) < 1e-12 && all.pupils == 2401 && all.suppressedGroups == 1)
        // The 6. klasse alone: stored as published, but never shown.
        let sixth = try #require(TrivselReport.build(results: stored, school: "Byskolen", grade: "6", indicators: trivselIndicators)
            .cell(.social, Self.year2018)?.aggregate)
        #expect(sixth.mean == nil && sixth.suppressedGroups == 1)
        #expect(try store.rowCounts()["trivselFigure"] == 5, "the small group is kept as the file says")
    }

    @Test func resultsAttachToTheProjectsExistingSchool() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importBatch(batch("sdq.csv"),
                                  records: [parentRecord("barn-1", attributes: ChildAttributes(className: "4A", school: "Byskolen"))],
                                  options: importOptions())
        let outcome = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: Self.results, rejects: [],
                                                     options: Self.options())
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.newSchools == 1, "only Åskolen is new")
        let schools = try store.dbQueue.read { db in try String.fetchAll(db, sql: "SELECT name FROM school ORDER BY id") }
        #expect(schools == ["Byskolen", "Åskolen"])
    }

    @Test func sameFileTwiceChangesNothing() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: Self.results, rejects: [],
                                           options: Self.options())
        let before = try store.contentDigest()
        let again = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: Self.results, rejects: [],
                                                   options: Self.options())
        guard case .alreadyImported(let name, _) = again else { Issue.record("\(again)"); return }
        #expect(name == "a.csv")
        #expect(try store.contentDigest() == before)
    }

    @Test func problemsGoToTheRejectsReport() throws {
        let store = try SQLiteProjectStore.inMemory()
        let readerProblem = ImportReject(row: 5, line: 6, column: "Støtte og inspiration", value: "3,x",
                                         reason: "expected a mean from 1 to 5")
        let results = Self.results + [
            Self.result(nil, "4. klasse", Self.year2018, row: 6, [.social: TrivselFigure(mean: 3.0, pupils: 10)]),
            // `4` is the same trin as `4. klasse`: a repeated figure, only the first is kept.
            Self.result("Byskolen", "4", Self.year2018, row: 7, [.social: TrivselFigure(mean: 3.0, pupils: 10)]),
            // Every cell suppressed: nothing to attach, nothing lost.
            Self.result("Byskolen", "7. klasse", Self.year2018, row: 8, [:]),
        ]
        let outcome = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: results, rejects: [readerProblem],
                                                     options: Self.options())
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.results == 4 && counts.figures == 5 && counts.rejected == 3)
        #expect(counts.storeRejects.map(\.line) == [7, 8])
        #expect(counts.storeRejects[0].reason.contains("names no school"))
        #expect(counts.storeRejects[1].reason.contains("appear earlier in this file (line 2)"))
        let rejects = try store.dbQueue.read { db in try ImportRejectRecord.order(Column("id")).fetchAll(db) }
        #expect(rejects.map(\.line) == [6, 7, 8] && rejects[0].value == "3,x" && rejects[2].column == "Social trivsel")
        #expect(try store.dbQueue.read { db in try ImportBatchRecord.fetchOne(db)?.rejected } == 3)
    }

    @Test func anotherFileDeliveringTheSameFigureIsAConflictUntilReplaced() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: Self.results, rejects: [],
                                           options: Self.options())
        let before = try store.contentDigest()
        let corrected = [Self.result("Byskolen", "4", Self.year2018, row: 1, [.social: TrivselFigure(mean: 4.2, pupils: 21)]),
                         Self.result("Byskolen", "4", SchoolYear(endYear: 2019), row: 2, [.social: TrivselFigure(mean: 4.0, pupils: 25)])]
        let outcome = try store.importTrivselResults(Self.trivselBatch("b.csv"), results: corrected, rejects: [],
                                                     options: Self.options())
        guard case let .conflicts(conflicts, counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(conflicts == [TrivselConflict(row: 1, line: 2, school: "Byskolen", grade: "4", schoolYear: Self.year2018,
                                              indicator: .social, existingFile: "a.csv")])
        #expect(counts.figures == 1)
        #expect(try store.contentDigest() == before, "nothing from a conflicting file is stored")

        let dryRun = try store.importTrivselResults(Self.trivselBatch("b.csv"), results: corrected, rejects: [],
                                                    options: Self.options(replace: true, dryRun: true))
        guard case let .imported(dryCounts) = dryRun else { Issue.record("\(dryRun)"); return }
        #expect(dryCounts.replaced == 1 && dryCounts.dryRun)
        #expect(try store.contentDigest() == before, "a dry run stores nothing")

        let replaced = try store.importTrivselResults(Self.trivselBatch("b.csv"), results: corrected, rejects: [],
                                                      options: Self.options(replace: true))
        guard case let .imported(replacedCounts) = replaced else { Issue.record("\(replaced)"); return }
        #expect(replacedCounts.replaced == 1 && replacedCounts.figures == 2)
        let audit = try store.auditLog()
        #expect(audit.map(\.action) == [.create, .import, .replace, .import])
        let detail = try #require(audit[2].detail)
        #expect(detail.contains("\"mean\":4.1") && detail.contains("\"pupils\":20") && detail.contains("\"file\":\"a.csv\""))
        let social = try store.trivselResults().filter { $0.school == "Byskolen" && $0.figures[.social] != nil }
        #expect(social.map { $0.figures[.social]!.mean } == [3.6, 2.0, 4.2, 4.0])
    }

    /// The public school sample gives no school year: two such files for the same school collide
    /// (an unknown year counts as one year), so figures cannot be silently doubled.
    @Test func unknownYearsCollideToo() throws {
        let store = try SQLiteProjectStore.inMemory()
        let first = [Self.result("Aabybro Skole (Jammerbugt)", nil, nil, row: 1, [.social: TrivselFigure(mean: 3.99333055263157)])]
        _ = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: first, rejects: [], options: Self.options())
        let outcome = try store.importTrivselResults(Self.trivselBatch("b.csv"), results: first, rejects: [],
                                                     options: Self.options())
        guard case let .conflicts(conflicts, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(conflicts.count == 1 && conflicts[0].schoolYear == nil)
        #expect(try store.trivselResults() == first)
    }

    @Test func theDatabaseRefusesImpossibleFigures() throws {
        let store = try SQLiteProjectStore.inMemory()
        _ = try store.importTrivselResults(Self.trivselBatch("a.csv"), results: Self.results, rejects: [],
                                           options: Self.options())
        #expect(throws: DatabaseError.self) {
            try store.dbQueue.write { db in
                try db.execute(sql: "UPDATE trivselFigure SET mean = 0 WHERE id = 1")  // 0 is no answer, never a mean
            }
        }
        #expect(throws: DatabaseError.self) {
            try store.dbQueue.write { db in
                try db.execute(sql: """
                    INSERT INTO trivselFigure (batchId, schoolId, grade, gradeKey, schoolYear, indicator, mean, row, line)
                    SELECT batchId, schoolId, '4', gradeKey, schoolYear, indicator, 3.0, 9, 10 FROM trivselFigure WHERE id = 1
                    """)
            }
        }
    }
}

extension TrivselStoreTests {
    /// Indicator ids are data (schema v3 has no list of them): an indicator a newer instrument
    /// file defines is stored and read back like the others.
    @Test func anIndicatorDefinedByTheDataIsStored() throws {
        let store = try SQLiteProjectStore.inMemory()
        let bullying = TrivselIndicator(id: "mobning", name: LocalizedText(["da": "Mobning"]), position: 5)
        let results = [Self.result("Byskolen", "4", Self.year2018, row: 1, [bullying: TrivselFigure(mean: 4.4, pupils: 22),
                                                                            .social: TrivselFigure(mean: 4.0, pupils: 22)])]
        let counts = try imported(try store.importTrivselResults(Self.trivselBatch("a.csv"), results: results, rejects: [],
                                                                 options: Self.options()))
        #expect(counts.figures == 2)
        let stored = try store.trivselResults()
        #expect(stored == results)
        // Read back by id only; the report gives known indicators their names and order, others their id.
        let report = try TrivselReport.build(results: stored, school: nil, grade: nil, indicators: trivselIndicators)
        #expect(report.indicators.map { $0.label(.danish) } == ["Social trivsel", "mobning"])
    }

    private func imported(_ outcome: TrivselImportOutcome) throws -> TrivselImportCounts {
        guard case let .imported(counts) = outcome else { throw StoreError.database("\(outcome)") }
        return counts
    }
}

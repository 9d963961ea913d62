import KortlaegDomain

extension ProjectStoreContract {
    /// Two indicators of the suite's own: any id the instrument data defines can be stored.
    static let wellBeing = TrivselIndicator(id: "demo_wellbeing", name: LocalizedText(["da": "Trivsel", "en": "Well-being"]),
                                            position: 0)
    static let calm = TrivselIndicator(id: "demo_calm", name: LocalizedText(["da": "Ro", "en": "Calm"]), position: 1)

    static let year = SchoolYear(endYear: 2018)  // 2017/18

    static func result(_ school: String?, _ grade: String?, _ year: SchoolYear?, row: Int,
                       _ figures: [TrivselIndicator: TrivselFigure]) -> TrivselResult {
        TrivselResult(schoolYear: year, school: school, grade: grade, figures: figures, location: "a.csv:\(row + 1)",
                      row: row, line: row + 1)
    }

    static let results = [
        result("Byskolen", "4. klasse", year, row: 1, [
            wellBeing: TrivselFigure(mean: 4.1, pupils: 20, highestWellBeing: [.above4: 45.5]),
            calm: TrivselFigure(mean: 3.7, pupils: 20),
        ]),
        result("Byskolen", "5. klasse", year, row: 2, [wellBeing: TrivselFigure(mean: 3.6, pupils: 30)]),
        result("Åskolen", "4. klasse", year, row: 3, [wellBeing: TrivselFigure(mean: 3.9, pupils: 2351)]),
    ]

    static func trivselOptions(replace: Bool = false, dryRun: Bool = false) -> TrivselImportOptions {
        TrivselImportOptions(replace: replace, dryRun: dryRun, operator: "contract")
    }

    static let trivselChecks: [Check] = [
        Check(name: "trivsel results are stored figure by figure and read back as they were given") { store, _ in
            let counts = try imported(try store.importTrivselResults(batch("a.csv", profile: "trivsel-results"),
                                                                     results: results, rejects: [],
                                                                     options: trivselOptions()))
            // Rows 3; figures 2 + 1 + 1; Byskolen and Åskolen are new.
            try expectEqual([counts.results, counts.figures, counts.newSchools, counts.rejected, counts.replaced],
                            [3, 4, 2, 0, 0], "counts")
            try expectEqual(try store.trivselResults(), results, "read back")
            try expectEqual(try store.status(recentImports: 1).trivselFigures, 4, "status")
            let summary = try store.status(recentImports: 1).recentImports.first
            try expectEqual(summary.map { [$0.accepted, $0.rejected] }, [3, 0], "the batch counts result rows")
            try expectEqual(summary?.profile, "trivsel-results", "profile")
            try expect(try store.auditLog().last?.summary.contains("3 results (4 figures) stored, 2 new schools, 0 rejected")
                       == true, "audit summary")
            let again = try store.importTrivselResults(batch("a.csv", profile: "trivsel-results"), results: results,
                                                       rejects: [], options: trivselOptions())
            guard case .alreadyImported = again else { throw ContractFailure(description: "expected alreadyImported: \(again)") }
        },
        Check(name: "trivsel results attach to the school an import of responses created") { store, _ in
            _ = try store.importBatch(batch("r.csv"), records: [
                record("barn-1", [1, 1, 1], row: 1, attributes: ChildAttributes(className: "4A", school: "Byskolen")),
            ], options: options())
            let counts = try imported(try store.importTrivselResults(batch("t.csv"), results: results, rejects: [],
                                                                     options: trivselOptions()))
            try expectEqual(counts.newSchools, 1, "only Åskolen is new")
        },
        Check(name: "trivsel rows without a school, repeated figures and reader problems go to the rejects") { store, _ in
            let problem = ImportReject(row: 9, line: 10, column: "Ro", value: "3,x 010203-1234", reason: "expected a mean")
            let more = results + [
                result(nil, "4. klasse", year, row: 4, [wellBeing: TrivselFigure(mean: 3.0, pupils: 10)]),
                // `4` is the same trin as `4. klasse`: a repeat, the first is kept.
                result("Byskolen", "4", year, row: 5, [wellBeing: TrivselFigure(mean: 3.0, pupils: 10)]),
                // Every cell suppressed: nothing to attach, nothing lost.
                result("Byskolen", "7. klasse", year, row: 6, [:]),
            ]
            let counts = try imported(try store.importTrivselResults(batch("t.csv"), results: more, rejects: [problem],
                                                                     options: trivselOptions()))
            try expectEqual([counts.results, counts.figures, counts.rejected], [3, 4, 3], "counts")
            try expectEqual(counts.storeRejects.map(\.line), [5, 6], "the store's own rejects")
            try expect(counts.storeRejects[0].reason.contains("names no school"), "no school: \(counts.storeRejects[0])")
            try expectEqual(counts.storeRejects[1].column, "Trivsel", "a repeated figure names its indicator")
            try expect(counts.storeRejects[1].reason.contains("appear earlier in this file (line 2)"), "repeat")
            try expectEqual(try store.status(recentImports: 1).recentImports.first?.rejected, 3, "the batch's rejects")
        },
        Check(name: "a trivsel figure another file delivered is a conflict until replaced") { store, _ in
            _ = try store.importTrivselResults(batch("a.csv"), results: results, rejects: [], options: trivselOptions())
            let before = try snapshot(store)
            let corrected = [result("Byskolen", "4", year, row: 1, [wellBeing: TrivselFigure(mean: 4.2, pupils: 21)]),
                             result("Byskolen", "4", SchoolYear(endYear: 2019), row: 2,
                                    [wellBeing: TrivselFigure(mean: 4.0, pupils: 25)])]
            let (found, counts) = try conflicts(try store.importTrivselResults(batch("b.csv"), results: corrected,
                                                                               rejects: [], options: trivselOptions()))
            try expectEqual(found, [TrivselConflict(row: 1, line: 2, school: "Byskolen", grade: "4", schoolYear: year,
                                                    indicator: wellBeing, existingFile: "a.csv")], "conflicts")
            try expectEqual(counts.figures, 1, "the 2018/19 figure was fine")
            try expectEqual(try snapshot(store), before, "nothing of a conflicting file is stored")
            let dry = try imported(try store.importTrivselResults(batch("b.csv"), results: corrected, rejects: [],
                                                                  options: trivselOptions(replace: true, dryRun: true)))
            try expect(dry.replaced == 1 && dry.dryRun, "dry run: \(dry)")
            try expectEqual(try snapshot(store), before, "a dry run stores nothing")
            let replaced = try imported(try store.importTrivselResults(batch("b.csv"), results: corrected, rejects: [],
                                                                       options: trivselOptions(replace: true)))
            try expectEqual([replaced.replaced, replaced.figures], [1, 2], "replaced")
            let audit = try store.auditLog()
            try expectEqual(audit.map(\.action), [.create, .import, .replace, .import], "audit")
            let detail = audit[2].detail ?? ""
            try expect(detail.contains("\"mean\":4.1") && detail.contains("\"pupils\":20") && detail.contains("\"file\":\"a.csv\"")
                       && detail.contains("\"indicator\":\"demo_wellbeing\""), "the replaced figure: \(detail)")
            let byskolen = try store.trivselResults().filter { $0.school == "Byskolen" && $0.figures[wellBeing] != nil }
            try expectEqual(byskolen.map { $0.figures[wellBeing]!.mean }, [3.6, 4.2, 4.0], "figures")
        },
        Check(name: "trivsel figures without a school year collide with each other") { store, _ in
            let first = [result("Aabybro Skole", nil, nil, row: 1, [wellBeing: TrivselFigure(mean: 3.99333055263157)])]
            _ = try store.importTrivselResults(batch("a.csv"), results: first, rejects: [], options: trivselOptions())
            let (found, _) = try conflicts(try store.importTrivselResults(batch("b.csv"), results: first, rejects: [],
                                                                          options: trivselOptions()))
            try expect(found.count == 1 && found[0].schoolYear == nil, "conflicts: \(found)")
            try expectEqual(try store.trivselResults(), first, "stored once")
        },
    ]
}

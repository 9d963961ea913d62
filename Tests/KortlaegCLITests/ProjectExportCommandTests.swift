import Foundation
import KortlaegTestSupport
import KortlaegDomain
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite
import Testing

/// `kortlaeg export --project`: the built binary on a store filled through the library
/// (``ProjectFixture``; SDQ values computed by hand there, from youthinmind's published scoring).
@Suite(.serialized) struct ProjectExportCommandTests {
    @Test(arguments: ["sav", "dta"])
    func exportReadsBackWithHandComputedScores(format: String) throws {
        let folder = try temporaryFolder()
        let project = try ProjectFixture.create(in: folder)
        let output = folder.appendingPathComponent("ud/evaluering.\(format)")
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try runKortlaeg(["export", "--project", project, "--format", format, "--output", output.path,
                                      "--stable-salt", "evaluering-2026", "--operator", "KB"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("recorded in the project's audit log"))

        guard let back = try readBackProjectExport(output.path, kind: format) else { return }
        let a = try #require(back.row(of: try exportPseudonym(ProjectFixture.childA, project: project, salt: "evaluering-2026")))
        let b = try #require(back.row(of: try exportPseudonym(ProjectFixture.childB, project: project, salt: "evaluering-2026")))
        let c = try #require(back.row(of: try exportPseudonym(ProjectFixture.childC, project: project, salt: "evaluering-2026")))
        // One row per child: 9 children.
        #expect((back.data["id"] as? [String])?.count == 9)

        // Child A, parent (hand-computed in ProjectFixture).
        let expectedT1: [String: Double] = ["pemotion_t1": 6, "pconduct_t1": 4, "phyper_t1": 8, "ppeer_t1": 2, "pprosoc_t1": 8,
                                            "pebdtot_t1": 20, "pimpact_t1": 4, "pextern_t1": 12, "pintern_t1": 8]
        let expectedT2: [String: Double] = ["pemotion_t2": 3, "pconduct_t2": 0, "phyper_t2": 5, "ppeer_t2": 0, "pprosoc_t2": 10,
                                            "pebdtot_t2": 8, "pimpact_t2": 0, "pextern_t2": 5, "pintern_t2": 3]
        for (variable, value) in expectedT1.merging(expectedT2, uniquingKeysWith: { first, _ in first }) {
            #expect(back.number(variable, a) == value, "\(variable)")
        }
        #expect(back.number("pemotion_chg", a) == -3)
        #expect(back.number("pebdtot_chg", a) == -12)
        // Bands by level (0 normal, 1 borderline, 2 abnormal): emotion 6 → 2, 3 → 0; total 20 → 2, 8 → 0;
        // prosocial 8 → 0 (normal is high for strengths).
        #expect(back.number("pemotion_band3_t1", a) == 2)
        #expect(back.number("pemotion_band3_t2", a) == 0)
        #expect(back.number("pebdtot_band3_t1", a) == 2)
        #expect(back.number("pebdtot_band3_t2", a) == 0)
        #expect(back.number("pprosoc_band3_t1", a) == 0)
        // Teacher T1 (every item 1): each scale 5, total 20.
        #expect(back.number("temotion_t1", a) == 5)
        #expect(back.number("tebdtot_t1", a) == 20)
        // Child B, every item 0: emotion 0, conduct 2, hyper 4, peer 4, prosocial 0, total 10.
        #expect(back.number("pemotion_t1", b) == 0)
        #expect(back.number("pconduct_t1", b) == 2)
        #expect(back.number("phyper_t1", b) == 4)
        #expect(back.number("ppeer_t1", b) == 4)
        #expect(back.number("pebdtot_t1", b) == 10)
        #expect(back.number("pprosoc_band3_t1", b) == 2)
        // Child C: T2 all 1 → emotion 5.
        #expect(back.number("pemotion_t2", c) == 5)
        // Goal progress (kv-maal, a mean of one 1–5 rating) at T1 and F1.
        #expect(back.number("maal_faglig_fremgang_t1", a) == 2)
        #expect(back.number("maal_faglig_fremgang_f1", a) == 4)
        // Declared missing values: B has no T2 response; C's emotion is not computed at T1 (2 of 5 answered).
        switch format {
        case "sav":
            #expect(back.number("pemotion_t2", b) == -8)
            // Change codes lie outside the change's range (-10…10): -99/-98 (a real change can be -9 or -8).
            #expect(back.number("pemotion_chg", b) == -98)
            #expect(back.number("pemotion_t1", c) == -9)
            #expect(back.number("pebdtot_t1", c) == -9)
            #expect(back.number("pemotion_chg", c) == -99)
            // No reliability in the shipped norm sets: RCI declared "norm values missing".
            #expect(back.number("pemotion_rci", a) == -7)
        default:
            #expect(back.text("pemotion_t2", b) == "b")
            #expect(back.text("pemotion_t1", c) == "a")
            #expect(back.text("pemotion_rci", a) == "c")
        }
        #expect(back.valueLabels["pemotion_band3_t1"]?["2"] == "afvigende")
        // Occasions in course order: T1, F1 (goals only), T2.
        #expect(back.columns.contains("maal_faglig_fremgang_f1"))
        #expect(back.columns.firstIndex(of: "pemotion_t1")! < back.columns.firstIndex(of: "pemotion_t2")!)
        // Free text is left out without --free-text (and items without --items).
        #expect(!back.columns.contains("maal_faglig_t1"))
        #expect(!back.columns.contains("pconsid_t1"))
        // File notes: project, instrument versions, rule variant, band tables and norm sets.
        #expect(back.notes.contains("Kortlæg-projekt p.kortlaeg (Jammerbugt, TIIS, kortlægningsværktøj 0.1.0)"))
        #expect(back.notes.contains("sdq-p4-17@1.0.0") && back.notes.contains("sdq-t4-17@1.0.0") && back.notes.contains("kv-maal@0.1.0"))
        #expect(back.notes.contains("impact-when-ebddiff-missing=sum (standard)"))
        #expect(back.notes.contains("Båndtabel uk-3band") && back.notes.contains("Normsæt uk-1999-parent"))

        // No CPR-shaped string, no raw id in any output.
        #expect(try filesLeakingIDs(in: output.deletingLastPathComponent()) == [])

        // The audit log holds the export with the manifest and the manifest file's checksum.
        let manifestPath = folder.appendingPathComponent("ud/evaluering.\(format).manifest.json")
        let manifestData = try Data(contentsOf: manifestPath)
        let manifest = try JSONSerialization.jsonObject(with: manifestData) as! [String: Any]
        let checksum = try sha256(manifestPath.path)
        let entry = try #require(try SQLiteProjectStore.open(at: project).auditLog().last)
        #expect(entry.action == .export)
        #expect(entry.operator == "KB")
        #expect(entry.summary.contains("export \(format) wide: 9 rows") && entry.summary.contains(checksum))
        let detail = try JSONSerialization.jsonObject(with: Data((entry.detail ?? "").utf8)) as! [String: Any]
        #expect(detail["manifestSha256"] as? String == checksum)
        #expect(detail["manifestFile"] as? String == "evaluering.\(format).manifest.json")
        let logged = try #require(detail["manifest"] as? [String: Any])
        #expect(logged["rows"] as? Int == 9)
        #expect((logged["files"] as? [[String: Any]])?.map { $0["sha256"] as? String } == (manifest["files"] as? [[String: Any]])?.map { $0["sha256"] as? String })
        #expect((manifest["project"] as? [String: Any])?["responses"] as? Int == 15)
        #expect((manifest["pseudonymisation"] as? [String: Any])?["saltMode"] as? String == "stable salt named 'evaluering-2026'")
    }

    @Test func longShapeWithFiltersAndFreeTextOnlyWhenAsked() throws {
        let folder = try temporaryFolder()
        let project = try ProjectFixture.create(in: folder)
        // Long, parent SDQ of class 4.b only: 6 children at T1 + 2 at T2 = 8 rows.
        let long = folder.appendingPathComponent("long.csv")
        var result = try runKortlaeg(["export", "--project", project, "--format", "csv", "--shape", "long", "--instrument", "sdq-p4-17",
                                      "--class", "4.b", "--output", long.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try String(contentsOf: long, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.count == 1 + 8)
        let manifest = try String(contentsOf: folder.appendingPathComponent("long.csv.manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"instrument=sdq-p4-17\"") && manifest.contains("\"class=4.b\""))
        #expect(manifest.contains("\"rows\" : 8"))

        // Items without --free-text: answers, but no goal text.
        let items = folder.appendingPathComponent("items.csv")
        result = try runKortlaeg(["export", "--project", project, "--format", "csv", "--items", "--output", items.path])
        #expect(result.status == 0, "\(result.stderr)")
        var text = try String(contentsOf: items, encoding: .utf8)
        #expect(text.contains("pconsid_t1") && text.contains("maal_faglig_status_t1"))
        #expect(!text.contains("maal_faglig_t1") && !text.contains(ProjectFixture.goalText))
        // With --free-text the goal text is exported.
        let free = folder.appendingPathComponent("free.csv")
        result = try runKortlaeg(["export", "--project", project, "--format", "csv", "--items", "--free-text", "--output", free.path])
        #expect(result.status == 0, "\(result.stderr)")
        text = try String(contentsOf: free, encoding: .utf8)
        #expect(text.contains("maal_faglig_t1") && text.contains(ProjectFixture.goalText))
        #expect(try filesLeakingIDs(in: folder) == [])
        // --free-text alone is a usage error.
        result = try runKortlaeg(["export", "--project", project, "--free-text"])
        #expect(result.status == 64 && result.stderr.contains("--items"))
    }

    @Test func stableSaltKeepsIdsAndThePerExportSaltDoesNot() throws {
        let folder = try temporaryFolder()
        let project = try ProjectFixture.create(in: folder)
        func ids(_ name: String, _ extra: [String]) throws -> [String] {
            let path = folder.appendingPathComponent(name).path
            let result = try runKortlaeg(["export", "--project", project, "--format", "csv", "--output", path] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst().map { String($0.prefix(19)) }
        }
        let first = try ids("a.csv", ["--stable-salt", "eval"]), second = try ids("b.csv", ["--stable-salt", "eval"])
        let random1 = try ids("c.csv", []), random2 = try ids("d.csv", [])
        #expect(first == second && first.count == 9)
        #expect(Set(random1).isDisjoint(with: random2))
        #expect(Set(first).isDisjoint(with: random1))
        let entries = try SQLiteProjectStore.open(at: project).auditLog().filter { $0.action == .export }
        #expect(entries.count == 4)
    }

    @Test func mixedRuleVariantsAreRefusedNamingBoth() throws {
        let folder = try temporaryFolder()
        let project = try ProjectFixture.create(in: folder)
        do {
            let store = try SQLiteProjectStore.open(at: project)
            var options = ImportOptions(instruments: try InstrumentCatalog.load(directory: ProjectFixture.instrumentsDirectory), operator: "tester")
            options.scoring = ScoringOptions(ruleChoices: ["impact-when-ebddiff-missing": "missing"])
            _ = try store.importBatch(ProjectFixture.batch("r-variant.csv"), records: [
                ProjectFixture.record("111111-1111", .initial, ProjectFixture.parent, .parent, className: "6.a",
                                      ProjectFixture.codes(ProjectFixture.uniform(1)), row: 1),
            ], options: options)
        }
        let output = folder.appendingPathComponent("x.sav")
        var result = try runKortlaeg(["export", "--project", project, "--output", output.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("sdq-p4-17@1.0.0 were scored with different rule variants"))
        #expect(result.stderr.contains("impact-when-ebddiff-missing=sum: 11 responses") && result.stderr.contains("impact-when-ebddiff-missing=missing: 1 response"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        // The other instruments can still be exported.
        result = try runKortlaeg(["export", "--project", project, "--instrument", "sdq-t4-17", "--output", output.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func mixedInstrumentVersionsAreRefusedNamingBoth() throws {
        let folder = try temporaryFolder()
        // A copy of the instrument files with a second version of the parent SDQ.
        let instruments = folder.appendingPathComponent("Instruments")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Instruments"), to: instruments)
        let base = instruments.appendingPathComponent("sdq/sdq-p4-17@1.0.0.json")
        let text = try String(contentsOf: base, encoding: .utf8)
            .replacingOccurrences(of: "\"version\": \"1.0.0\"", with: "\"version\": \"1.0.1\"")
        try text.write(to: instruments.appendingPathComponent("sdq/sdq-p4-17@1.0.1.json"), atomically: true, encoding: .utf8)
        let project = try ProjectFixture.create(in: folder, instruments: instruments.path)
        do {
            let store = try SQLiteProjectStore.open(at: project)
            _ = try store.importBatch(ProjectFixture.batch("v101.csv"), records: [
                ProjectFixture.record("111111-1111", .initial, InstrumentReference(id: "sdq-p4-17", version: "1.0.1"), .parent,
                                      className: "6.a", ProjectFixture.codes(ProjectFixture.uniform(1)), row: 1),
            ], options: ImportOptions(instruments: try InstrumentCatalog.load(directory: instruments.path), operator: "tester"))
        }
        var result = try runKortlaeg(["export", "--project", project, "--output", folder.appendingPathComponent("x.sav").path,
                                      "--instruments", instruments.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Responses to sdq-p4-17 are stored under 2 instrument versions (1.0.0: 11 responses, 1.0.1: 1 response)"))
        #expect(result.stderr.contains("--instrument sdq-p4-17@1.0.0"))
        result = try runKortlaeg(["export", "--project", project, "--instrument", "sdq-p4-17@1.0.1",
                                  "--output", folder.appendingPathComponent("x.sav").path, "--instruments", instruments.path])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(arguments: [
        (["--scores", "x.csv:T1"], "one or the other"),
        (["--key-file", "k.key"], "derived from the project's own key"),
        (["--rule", "a=b"], "rule variants are those recorded"),
    ])
    func projectUsageErrors(arguments: [String], message: String) throws {
        let result = try runKortlaeg(["export", "--project", "p.kortlaeg"] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}

/// SHA-256 of a file as lower-case hex (sha256sum).
func sha256(_ path: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sha256sum", path]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(String(decoding: data, as: UTF8.self).prefix(64))
}

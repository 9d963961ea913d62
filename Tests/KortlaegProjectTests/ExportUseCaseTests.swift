import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `ExportUseCase` without the binary: CSV exports read back as text. Scores by hand in
/// ``ReportFixture``.
@Suite(.serialized) struct ExportUseCaseTests {
    func request(_ source: ExportRequest.Source, output: String, salt: ExportRequest.Salt = .named("eval"),
                 items: Bool = false) throws -> ExportRequest {
        ExportRequest(source: source, catalog: repositoryInstruments, format: .csv, includeItems: items, output: output,
                      salt: salt, operator: "KB", tool: "kortlaeg test")
    }

    /// The rows of a CSV export by column name.
    func table(_ path: String) throws -> [[String: String]] {
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
    }

    @Test func exportFromTheProjectIsWrittenAndRecordedWithItsManifest() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let output = folder.appendingPathComponent("eval.csv").path
        let sink = CollectingSink()
        let result = try ExportUseCase.run(try request(.project(project, instruments: ["sdq-p4-17"]), output: output), sink: sink)
        #expect(result.files.map { ($0 as NSString).lastPathComponent }
                == ["eval.csv", "eval.csv.codebook.xml", "eval.csv.codebook.md", "eval.csv.codebook.html", "eval.csv.manifest.json"])
        #expect(result.files.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        #expect(result.storedResponses == 6)
        // Five children, one row each; child A: emotion 5 → 0, change −5; total 20 → 10.
        let rows = try table(output)
        #expect(rows.count == 5)
        let store = try SQLiteProjectStore.open(at: project)
        let key = try PseudonymKey(bytes: try store.derivedKey(purpose: ExportUseCase.keyPurpose))
        let a = KortlaegExport.Pseudonymizer(key: key, salt: .named("eval")).pseudonym(for: try store.pseudonym(for: ReportFixture.childA))
        let row = try #require(rows.first { $0["id"] == a })
        #expect(row["pemotion_t1"] == "5" && row["pemotion_t2"] == "0" && row["pemotion_chg"] == "-5")
        #expect(row["pebdtot_t1"] == "20" && row["pebdtot_t2"] == "10")
        // Covariates from the store (ReportFixture: class 4.b, Aabybro Skole); status 1 = complete.
        #expect(row["class"] == "4.b" && row["school"] == "Aabybro Skole")
        #expect(row["sdq_p4_17_status_t1"] == "1" && row["sdq_p4_17_status_t2"] == "1")
        #expect(rows.filter { $0["id"] != a }.allSatisfy { $0["pemotion_t1"] == "5" && $0["pemotion_t2"] == "" })
        // The audit entry names the data file and the manifest's checksum.
        let entry = try #require(try store.auditLog().last)
        #expect(entry.action == .export && entry.operator == "KB")
        let checksum = try FileChecksum.sha256(path: folder.appendingPathComponent("eval.csv.manifest.json").path).hex
        #expect(entry.summary == "export csv wide: 5 rows, \(result.manifest.variables) variables (instrument=sdq-p4-17) to eval.csv; manifest eval.csv.manifest.json sha256 \(checksum)")
        #expect(entry.detail?.contains("\"manifestSha256\":\"\(checksum)\"") == true)
        #expect(sink.messages.last?.text == "rows: 5, variables: \(result.manifest.variables), from 6 stored responses; ids: stable salt named 'eval'; recorded in the project's audit log")
        #expect(result.manifest.project?.file == "p.kortlaeg")
    }

    /// An export that cannot be recorded leaves nothing: every file it wrote is removed.
    @Test func anExportThatCannotBeRecordedIsRemoved() throws {
        let folder = try useCaseFolder()
        let project = try ReportFixture.create(in: folder)
        let output = folder.appendingPathComponent("ud/eval.csv").path
        try FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let store = AuditFailingStore(try SQLiteProjectStore.open(at: project))
        let error = try #require(throws: KortlaegError.self) {
            try ExportUseCase.fromProject(store, file: "p.kortlaeg", selection: .init(), try request(.project(project), output: output),
                                          sink: CollectingSink())
        }
        #expect(error.severity == .cannotWrite)
        #expect(error.message == "The export could not be recorded in the project's audit log (disk full); its files were removed.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent) == [])
    }

    @Test func exportFromScoreFiles() throws {
        let folder = try useCaseFolder()
        let parent = try repositoryInstruments.resolve("sdq-p4-17")
        let t1 = folder.appendingPathComponent("T1.csv"), t2 = folder.appendingPathComponent("T2.csv")
        try ReportFixture.scoreFile(t1, instrument: parent, rows: [("barn-1", ReportFixture.allOnes, "complete"), ("barn-2", ReportFixture.allZeros, "complete")])
        try ReportFixture.scoreFile(t2, instrument: parent, rows: [("barn-1", ReportFixture.allZeros, "complete"), ("barn-2", [:], "rejected")])
        let keyFile = folder.appendingPathComponent("projekt.key")
        try Data("0123456789abcdef0123456789abcdef\n".utf8).write(to: keyFile)
        let files = [ScoreFileInput(path: t1.path, instrument: parent), ScoreFileInput(path: t2.path, instrument: parent)]
        let output = folder.appendingPathComponent("eval.csv").path
        let sink = CollectingSink()
        let result = try ExportUseCase.run(try request(.scoreFiles(files, idColumn: "barn_id", keyFile: keyFile.path,
                                                                   ruleChoices: try RuleChoices(parsing: ["impact-when-ebddiff-missing=sum"]), filters: ["klasse 4.b"]),
                                                       output: output), sink: sink)
        #expect(result.manifest.inputs.map(\.name) == ["T1.csv", "T2.csv"] && result.manifest.inputs.map(\.occasion) == ["T1", "T2"])
        #expect(result.manifest.inputs.map(\.rows) == [2, 2] && result.manifest.filters == ["klasse 4.b"])
        let rows = try table(output)
        let pseudonymizer = KortlaegExport.Pseudonymizer(key: try PseudonymKey.file(keyFile.path), salt: .named("eval"))
        let one = try #require(rows.first { $0["id"] == pseudonymizer.pseudonym(for: "barn-1") })
        let two = try #require(rows.first { $0["id"] == pseudonymizer.pseudonym(for: "barn-2") })
        #expect(one["pemotion_t1"] == "5" && one["pemotion_t2"] == "0" && one["pemotion_chg"] == "-5")
        // The rejected row: no scores at T2, so no change either.
        #expect(two["pemotion_t1"] == "0" && two["pemotion_t2"] == "" && two["pemotion_chg"] == "")
        #expect(sink.messages.last?.text == "rows: 2, variables: \(result.manifest.variables); ids: stable salt named 'eval'")
    }

    /// `export --reliability pemotion=0.8 --sd pemotion=2`: barn-1's emotion 5 → 0 has RCI
    /// −5/(2·√(2·0.2)) = −3.952847075210474 (python3: -5/(2*math.sqrt(0.4))); pebdtot has no
    /// reliability: not computed, and the notes (DDI codebook) say so for both.
    @Test func exportTakesTheRCISettingsOfProgress() throws {
        let folder = try useCaseFolder()
        let parent = try repositoryInstruments.resolve("sdq-p4-17")
        let t1 = folder.appendingPathComponent("T1.csv"), t2 = folder.appendingPathComponent("T2.csv")
        try ReportFixture.scoreFile(t1, instrument: parent, rows: [("barn-1", ReportFixture.allOnes, "complete")])
        try ReportFixture.scoreFile(t2, instrument: parent, rows: [("barn-1", ReportFixture.allZeros, "complete")])
        let files = [ScoreFileInput(path: t1.path, instrument: parent), ScoreFileInput(path: t2.path, instrument: parent)]
        let output = folder.appendingPathComponent("rci.csv").path
        var withRCI = try request(.scoreFiles(files, idColumn: "barn_id", keyFile: nil, ruleChoices: try RuleChoices(parsing: []), filters: []),
                                  output: output, salt: .perExport)
        withRCI.reliableChange = ProgressSettings(reliabilities: [.init(score: "pemotion", value: 0.8)],
                                                  standardDeviations: [.init(score: "pemotion", value: 2)])
        _ = try ExportUseCase.run(withRCI, sink: CollectingSink())
        let row = try #require(try table(output).first)
        #expect(abs((Double(row["pemotion_rci"] ?? "") ?? 0) - (-3.952847075210474)) < 1e-12)
        #expect(row["pebdtot_rci"] == "")
        let ddi = try String(contentsOfFile: output + ".codebook.xml", encoding: .utf8)
        #expect(ddi.contains("RCI pemotion: r = 0.8 (given with --reliability); SD = 2.0 (given with --sd)"))
        #expect(ddi.contains("RCI pebdtot: ikke beregnet"))
        // Without settings no RCI is computed, and the notes say so.
        let plain = folder.appendingPathComponent("plain.csv").path
        _ = try ExportUseCase.run(try request(.scoreFiles(files, idColumn: "barn_id", keyFile: nil, ruleChoices: try RuleChoices(parsing: []),
                                                          filters: []), output: plain, salt: .perExport), sink: CollectingSink())
        #expect(try table(plain).first?["pemotion_rci"] == "")
        #expect(try String(contentsOfFile: plain + ".codebook.xml", encoding: .utf8)
                .contains("RCI (*_rci) er ikke beregnet: ingen reliabilitet er angivet"))
    }

    @Test func scoreFileProblemsAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try useCaseFolder()
        let parent = try repositoryInstruments.resolve("sdq-p4-17")
        let teacher = try repositoryInstruments.resolve("sdq-t4-17")
        let t1 = folder.appendingPathComponent("T1.csv")
        try ReportFixture.scoreFile(t1, instrument: parent, rows: [("barn-1", ReportFixture.allOnes, "complete")])
        let bad = folder.appendingPathComponent("bad.csv")
        try "barn_id,pemotion,status\nbarn-1,fem,complete\n".write(to: bad, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("x.csv").path
        func problem(_ files: [ScoreFileInput], salt: ExportRequest.Salt = .perExport) throws -> KortlaegError {
            try #require(throws: KortlaegError.self) {
                try ExportUseCase.run(try request(.scoreFiles(files, idColumn: "barn_id"), output: output, salt: salt), sink: CollectingSink())
            }
        }
        var error = try problem([ScoreFileInput(path: t1.path, occasion: "T1", instrument: parent), ScoreFileInput(path: t1.path, occasion: "t1", instrument: parent)])
        #expect(error.severity == .usage && error.message == "Occasions 'T1' and 't1' differ only in case; please write them alike.")
        error = try problem([ScoreFileInput(path: t1.path, instrument: parent), ScoreFileInput(path: t1.path, instrument: teacher)])
        #expect(error.severity == .usage && error.message.contains("sdq-p4-17@1.0.0, sdq-t4-17@1.0.0"))
        error = try problem([ScoreFileInput(path: t1.path, instrument: parent)], salt: .named("eval"))
        #expect(error.severity == .usage && error.message.contains("A stable salt needs the project key"))
        error = try problem([ScoreFileInput(path: bad.path, instrument: parent)])
        #expect(error.severity == .invalidInput && error.message == "\(bad.path): row 1, column 'pemotion': 'fem' is not a score; expected a number such as 4 or 2,5, or an empty cell.")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}

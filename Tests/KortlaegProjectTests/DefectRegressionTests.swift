import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// Issue 18, items 1–5: data lost or changed with exit 0 at the edges. Each test runs the
/// smallest input that showed the defect (`Tests/KortlaegReadersTests/Fixtures/repro/`).
struct DefectRegressionTests {
    static func repro(_ name: String) -> String { readerFixtures.appendingPathComponent("repro/\(name)").path }

    func request(_ files: [String], output: String?) -> ImportFiles.Request {
        ImportFiles.Request(files: files, instruments: repositoryInstruments, profilesDirectory: profilesDirectory, output: output)
    }

    /// The folder's entries other than the ones named.
    func leftovers(in folder: URL, besides kept: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !kept.contains($0) }.sorted()
    }

    // MARK: - 1. A failed import --output keeps the previous output

    @Test func failedImportKeepsThePreviousOutputAndLeavesNoTemporaryFile() throws {
        let folder = try useCaseFolder()
        let output = folder.appendingPathComponent("prev.csv").path
        try "earlier output\n".write(toFile: output, atomically: true, encoding: .utf8)
        let result = try ImportFiles.run(request([Self.repro("output-wiped-unterminated-quote.csv")], output: output),
                                         sink: CollectingSink())
        #expect(result.severity == .invalidInput)
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "earlier output\n")
        #expect(try leftovers(in: folder, besides: ["prev.csv"]) == [], "no .partial or temporary file is left")
    }

    @Test func outputInAFolderWithoutWritePermissionIsCannotWriteAndKeepsTheOldFile() throws {
        guard getuid() != 0 else { return } // root writes anywhere; the CLI test covers a full disk instead
        let folder = try useCaseFolder()
        let output = folder.appendingPathComponent("answers.csv").path
        try "old\n".write(toFile: output, atomically: true, encoding: .utf8)
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        let lars = readerFixtures.appendingPathComponent("fhir/kl-children-QuestionnaireResponse-SDQ4-10AnswerLars.json").path
        let error = expectFailure { () throws(KortlaegError) in try ImportFiles.run(request([lars], output: output), sink: CollectingSink()) }
        #expect(error?.severity == .cannotWrite)
        #expect(error?.message.contains("cannot write \(output): no permission") == true, "\(String(describing: error))")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == "old\n")
    }

    // MARK: - 2. UTF-16 JSON and XML with a byte order mark

    @Test(arguments: [("silent-drop-fhir-minified-utf16le-bom.json", "FHIR QuestionnaireResponse"),
                      ("silent-drop-odm-oneline-utf16le-bom.xml", "CDISC ODM XML")])
    func utf16FilesWithAByteOrderMarkAreRecognised(name: String, kind: String) throws {
        let folder = try useCaseFolder()
        let output = folder.appendingPathComponent("answers.csv").path
        let result = try ImportFiles.run(request([Self.repro(name)], output: output), sink: CollectingSink())
        let file = try #require(result.files.first)
        #expect(file.summary.kind == kind)
        #expect(file.summary.accepted > 0, "\(file)")
        #expect(try lines(of: output).count > 1)
    }

    @Test func aByteOrderMarkThatDoesNotMatchTheTextIsSaid() throws {
        let sink = CollectingSink()
        let result = try ImportFiles.run(request([Self.repro("silent-drop-fuzz-m00559-odm-wrong-bom.xml")], output: nil), sink: sink)
        #expect(result.severity == .invalidInput)
        #expect(result.files.first?.failure?.contains("starts with a UTF-16LE byte order mark, but its text is UTF-16BE") == true,
                "\(result.files)")
    }

    @Test func aFileWithoutRecordsIsNeverRecordedAsAnImport() throws {
        let folder = try useCaseFolder()
        let path = folder.appendingPathComponent("p.kortlaeg").path
        _ = try ProjectLocation.create(path, project: ProjectInfo(municipality: "Jammerbugt"), operator: "tester")
        let headerOnly = folder.appendingPathComponent("header.csv")
        try ("barn_id," + sdqItems.map { "p" + $0 }.joined(separator: ",") + "\n").write(to: headerOnly, atomically: true, encoding: .utf8)
        var request = ProjectImport.Request(project: path, files: [headerOnly.path], instruments: repositoryInstruments,
                                            profilesDirectory: profilesDirectory, operator: "tester")
        request.occasion = .initial
        let result = try ProjectImport.run(request, sink: CollectingSink())
        #expect(result.severity == .invalidInput)
        guard case let .failed(error) = result.files.first?.outcome else { Issue.record("\(result)"); return }
        #expect(error.message.contains("holds no records"))
        // The file with rows is then imported, not "already imported".
        try writeParentCSV(headerOnly, rows: 2, id: { "barn-\($0)" })
        request.files = [headerOnly.path]
        let second = try ProjectImport.run(request, sink: CollectingSink())
        guard case let .stored(counts) = second.files.first?.outcome else { Issue.record("\(second)"); return }
        #expect(counts.accepted == 2)
    }

    // MARK: - 3. FHIR valueInteger is never coerced

    @Test(arguments: [("1.9", "fraction"), ("2pow64plus1", "too large"), ("true", "true/false"), ("string", "a string")])
    func aValueIntegerThatIsNotAnIntegerIsARejectWithItsJSONPath(variant: String, reason: String) throws {
        let folder = try useCaseFolder()
        let output = folder.appendingPathComponent("answers.csv").path
        let result = try ImportFiles.run(request([Self.repro("fhir-valueInteger-\(variant).json")], output: output),
                                         sink: CollectingSink())
        #expect(result.severity == .rowsRejected)
        #expect(result.files.first?.summary.rejected == 1 && result.files.first?.summary.accepted == 0)
        let report = try String(contentsOfFile: try #require(result.rejectsPath), encoding: .utf8)
        #expect(report.contains("item[1].answer[0].valueInteger,2restless,"), "\(report)")
        #expect(report.contains(reason), "\(report)")
    }

    // MARK: - 4. Duplicate rows in a project import are reported

    @Test func aDuplicateRowReachesTheRejectsFile() throws {
        let folder = try useCaseFolder()
        let path = folder.appendingPathComponent("p.kortlaeg").path
        _ = try ProjectLocation.create(path, project: ProjectInfo(municipality: "Jammerbugt"), operator: "tester")
        var request = ProjectImport.Request(project: path, files: [Self.repro("duplicate-row-unreported.csv")],
                                            instruments: repositoryInstruments, profilesDirectory: profilesDirectory,
                                            operator: "tester")
        request.occasion = .initial
        let onStderr = CollectingSink()
        var result = try ProjectImport.run(request, sink: onStderr)
        #expect(result.severity == .rowsRejected)
        #expect(onStderr.errors.contains { $0.contains("row 3") && $0.contains("only the first is kept") }, "\(onStderr.errors)")

        let other = folder.appendingPathComponent("q.kortlaeg").path
        _ = try ProjectLocation.create(other, project: ProjectInfo(municipality: "Jammerbugt"), operator: "tester")
        request.project = other
        request.rejects = folder.appendingPathComponent("rejects.csv").path
        result = try ProjectImport.run(request, sink: CollectingSink())
        #expect(result.rejectsPath == request.rejects)
        let report = try String(contentsOfFile: try #require(request.rejects), encoding: .utf8)
        #expect(report.contains("only the first is kept"))
        #expect(!report.contains("barn-0002"), "child ids never reach the rejects file")
    }

    // MARK: - 5. One rule for a header-only CSV

    @Test func aHeaderOnlyCSVWithUnknownColumnsFailsLikeScore() throws {
        let result = try ImportFiles.run(request([Self.repro("header-only-no-known-columns.csv")], output: nil), sink: CollectingSink())
        #expect(result.severity == .invalidInput)
        #expect(result.files.first?.failure?.contains("no column matches the variable names of any instrument") == true)
    }
}

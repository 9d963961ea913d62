import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// Issue 13: files as PPR offices really have them, imported without hand editing. The fixtures
/// are in `SampleData/realfiles/` (written by its `make_fixtures.py`; the expected codes in
/// `dansk-skema.expected.csv` come from that script, from the SDQ answer scale).
struct RealFilesImportTests {
    static let folder = repositoryRoot.appendingPathComponent("SampleData/realfiles")
    static func fixture(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// The ids in the sheet's CPR column, in row order: obviously fake, never CPR-shaped (no
    /// committed file holds a CPR-shaped number; choosing a column by CPR-shaped content is
    /// tested with values made in `ChildIdChoiceTests`).
    static let cprs = ["elev-0001", "elev-0002", "elev-0003", "elev-0004", "elev-0005", "elev-0006"]

    /// (child number 1-6, variable) → code, or nil for the NA cell.
    static func expectedCodes() throws -> [String: Int?] {
        var codes: [String: Int?] = [:]
        for line in try lines(of: fixture("dansk-skema.expected.csv")).dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            codes["\(cells[0])/\(cells[1])"] = Int(cells[2])
        }
        return codes
    }

    func project() throws -> (path: String, store: any ProjectStore) {
        let path = try useCaseFolder().appendingPathComponent("p.kortlaeg").path
        let store = try ProjectLocation.create(path, project: ProjectInfo(municipality: "Jammerbugt"), operator: "tester")
        return (path, store)
    }

    func request(_ project: String, _ files: [String]) -> ProjectImport.Request {
        var request = ProjectImport.Request(project: project, files: files, instruments: repositoryInstruments,
                                            profilesDirectory: profilesDirectory, operator: "tester")
        request.occasion = .initial
        return request
    }

    /// The same sheet as Windows-1252 CSV and as an Excel workbook (dates as date cells, one
    /// answer as a number cell) gives the same children, answers and attributes.
    @Test(arguments: ["dansk-skema.csv", "dansk-skema.xlsx"])
    func danishSheetGoesInUnderTheCPRColumnWithItsAttributesAndNAasMissing(file: String) throws {
        let (path, store) = try project()
        var request = request(path, [Self.fixture(file)])
        request.missingCodes = MissingCode.list("NA")
        let sink = CollectingSink()
        let result = try ProjectImport.run(request, sink: sink)
        #expect(result.severity == .success, "\(sink.text)")
        let summary = try #require(result.files.first?.summary)
        // Not the first column (the names): the header 'CPR' names an id.
        #expect(summary.childId == ChildIdChoice(column: "CPR", reason: .idHeader))
        #expect(sink.notes.contains { $0.hasSuffix("child id: column 'CPR' (its header names an id)") })
        #expect(summary.missingAnswers == ["missing": 1])
        #expect(!sink.text.contains("Anna") && !sink.text.contains("elev-0001"), "no name or child id in the messages")
        #expect(summary.kind == (file.hasSuffix(".xlsx") ? "Excel workbook" : "plain CSV"))

        let expected = try Self.expectedCodes()
        let items = try repositoryInstruments.resolve("sdq-p4-17").items
        for (index, cpr) in Self.cprs.enumerated() {
            let found = try ChildLookup(store: store).find(cpr)
            let response = try #require(found.responses.first)
            for item in items.prefix(25) {
                let code = expected["\(index + 1)/\(item.variable)"] ?? nil
                #expect(response.answers[item.id] == code.map { .code($0) }, "child \(index + 1) \(item.variable)")
            }
            #expect(response.attributes.className == ["4.a", "4.a", "4.b", "4.b", "4.b", "4.a"][index])
            #expect(response.attributes.sex == (index % 2 == 0 ? "Pige" : "Dreng"))
            #expect(response.attributes.birthYear == 2015 && response.attributes.birthMonth == index + 1)
            #expect(response.date == "2026-09-03", "03-09-2026, 3.9.2026 and 2026-09-03 are the same day")
        }
    }

    @Test func oldBinaryExcelIsRefusedWithWhatToDo() throws {
        let (path, _) = try project()
        let xls = try useCaseFolder().appendingPathComponent("gammel.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: xls)
        let sink = CollectingSink()
        let result = try ProjectImport.run(request(path, [xls.path]), sink: sink)
        #expect(result.severity == .invalidInput)
        #expect(sink.errors.contains { $0.contains("this is an old Excel file (.xls)") && $0.contains("save it as .xlsx") })
    }

    @Test func aSheetNamedWithSheetIsReadAndAnUnknownOneListsTheSheets() throws {
        let (path, _) = try project()
        var request = request(path, [Self.fixture("dansk-skema.xlsx")])
        request.sheet = "Nope"
        let sink = CollectingSink()
        _ = try ProjectImport.run(request, sink: sink)
        #expect(sink.errors.contains { $0.hasSuffix("the workbook has no sheet 'Nope'; its sheets are: 1 'Besvarelser', 2 'Noter'. Please give --sheet one of these names or numbers.") })
    }

    @Test func naWithoutMissingCodesIsARejectNamingTheNearestLabelOnlyWhenClose() throws {
        let (path, _) = try project()
        let sink = CollectingSink()
        let result = try ProjectImport.run(request(path, [Self.fixture("dansk-skema.csv")]), sink: sink)
        #expect(result.severity == .rowsRejected)
        guard case let .stored(counts) = result.files.first?.outcome else { Issue.record("\(result)"); return }
        #expect(counts.accepted == 5 && counts.rejected == 1)
    }

    @Test func schoolNamesAreNeverAChildID() throws {
        let (path, store) = try project()
        let sink = CollectingSink()
        var result = try ProjectImport.run(request(path, [Self.fixture("skoler.csv")]), sink: sink)
        #expect(result.severity == .invalidInput)
        #expect(sink.errors.contains { $0.contains("no column can be the child id. The values of 'id' look like names, not ids.") })

        // Named with --id, the shared ids stop the import before anything is stored.
        var named = request(path, [Self.fixture("skoler.csv")])
        named.idColumn = "id"
        let second = CollectingSink()
        result = try ProjectImport.run(named, sink: second)
        #expect(result.severity == .invalidInput)
        #expect(second.errors.contains { $0.contains("column 'id' is not a child id: 12 of 12 rows share their id") })
        #expect(second.notes.contains { $0.contains("the file's 12 response(s) are for 3 child(ren)") })
        var stored = 0
        try store.responses(ResponseQuery()) { _ in stored += 1 }
        #expect(stored == 0)
    }

    @Test func unknownIDColumnIsRefusedWithTheColumns() throws {
        let (path, _) = try project()
        var request = request(path, [Self.fixture("dansk-skema.csv")])
        request.idColumn = "CPR-nummer"
        let sink = CollectingSink()
        let result = try ProjectImport.run(request, sink: sink)
        #expect(result.severity == .invalidInput)
        #expect(sink.errors.contains { $0.contains("there is no column 'CPR-nummer' for --id.") && $0.contains("Barnets navn, Klasse, CPR") })
    }

    @Test func surveyXactBackgroundCPRIsTheChildID() throws {
        let (path, store) = try project()
        let sink = CollectingSink()
        let result = try ProjectImport.run(request(path, [Self.fixture("surveyxact-baggrund/dataset.csv")]), sink: sink)
        #expect(result.severity == .success, "\(sink.text)")
        #expect(result.files.first?.summary?.childId?.column == "cpr")
        let found = try ChildLookup(store: store).find(Self.cprs[2])
        // Child 3's answers: code (2 + item) % 3, written 1-3 in SurveyXact and labelled.
        let items = try repositoryInstruments.resolve("sdq-s11-17").items
        #expect(found.responses.first?.answers[items[0].id] == .code(2))
        #expect(found.responses.first?.answers[items[1].id] == .code(0))
    }

    @Test func odmWithoutTheQuestionnaireFailsAndStoresNothing() throws {
        let (path, store) = try project()
        let odm = readerFixtures.appendingPathComponent("redcap/checkboxes-1/project.xml").path
        let sink = CollectingSink()
        let result = try ProjectImport.run(request(path, [odm]), sink: sink)
        #expect(result.severity == .invalidInput)
        #expect(sink.errors.contains { $0.contains("nothing imported: none of its 8 record(s) holds an answer to sdq-p4-17@1.0.0") })
        var stored = 0
        try store.responses(ResponseQuery()) { _ in stored += 1 }
        #expect(stored == 0)
        #expect(try !store.hasImported(sha256: FileDigest.sha256(path: odm)), "a file that gave nothing can be imported again")

        // To a file: the output has its header and the exit is a failure.
        let output = try useCaseFolder().appendingPathComponent("out.csv").path
        let files = try ImportFiles.run(ImportFiles.Request(files: [odm], instruments: repositoryInstruments,
                                                            profilesDirectory: profilesDirectory, output: output),
                                        sink: CollectingSink())
        #expect(files.severity == .invalidInput)
        #expect(try lines(of: output) == ["child_id,occasion,informant,instrument,version,item,variable,code"])
    }
}

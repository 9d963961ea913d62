import Foundation
import KortlaegDomain
@testable import KortlaegProject
import KortlaegReaders
import KortlaegTestSupport
import Testing

/// `kortlaeg profile suggest` (issue 13): a draft profile for the real-files fixtures of
/// `SampleData/realfiles/` (written by its `make_fixtures.py`) that validates against the
/// profile schema and, used with `import --profile`, gives the same responses as the automatic
/// import.
struct SuggestProfileTests {
    static func fixture(_ name: String) -> String { RealFilesImportTests.fixture(name) }

    /// The schema problems of a profile file, by the package's own JSON-schema validator.
    static func schemaProblems(_ path: String) throws -> [String] {
        let schema = try JSONSchemaValidator(schema: try Data(contentsOf: URL(fileURLWithPath: instrumentsDirectory + "/schema/profile.schema.json")))
        let document = try JSONDecoder().decode(JSONValue.self, from: try Data(contentsOf: URL(fileURLWithPath: path)))
        return schema.validate(document).map { "\($0.path): \($0.message)" }
    }

    /// Imports `file` to a CSV file (long format: one line per answer) and returns its lines.
    static func importedLines(_ file: String, profile: String?, missingCodes: String? = nil, sheet: String? = nil,
                              instrument: String? = nil) throws -> (lines: [String], severity: Severity) {
        let output = try useCaseFolder().appendingPathComponent("answers.csv").path
        var request = ImportFiles.Request(files: [file], instruments: repositoryInstruments, profilesDirectory: profilesDirectory,
                                          output: output)
        request.profile = profile
        request.instrument = instrument
        request.sheet = sheet
        request.missingCodes = missingCodes.map(MissingCode.list) ?? []
        let sink = CollectingSink()
        let result = try ImportFiles.run(request, sink: sink)
        return (try lines(of: output), result.severity)
    }

    func suggest(_ file: String, instrument: String? = nil) throws -> (result: SuggestProfile.Result, path: String, sink: CollectingSink) {
        let path = try useCaseFolder().appendingPathComponent("utkast.json").path
        var request = SuggestProfile.Request(file: file, instruments: repositoryInstruments, profilesDirectory: profilesDirectory,
                                             output: path)
        request.instrument = instrument
        let sink = CollectingSink()
        return (try SuggestProfile.run(request, sink: sink), path, sink)
    }

    /// The Windows-1252 Danish sheet, the same sheet as .xlsx and the SurveyXact export with the
    /// id in a background variable: the draft validates, loads with the profile loader, and the
    /// import with it writes exactly what the automatic import writes (NA read as missing in
    /// both: detected by suggest, named with --missing-codes for the automatic import).
    @Test(arguments: ["dansk-skema.csv", "dansk-skema.xlsx", "surveyxact-baggrund/dataset.csv"])
    func draftValidatesAndImportsLikeTheAutomaticImport(file: String) throws {
        let (result, path, sink) = try suggest(Self.fixture(file))
        #expect(try Self.schemaProblems(path) == [])
        let loaded = try MappingProfileCatalog.decode(path: path)
        #expect(loaded == result.suggestion.profile)
        #expect(loaded.id == "utkast")
        #expect(loaded.items?.count == 25, "the 25 item columns, each named")

        let automatic = try Self.importedLines(Self.fixture(file), profile: nil, missingCodes: "NA")
        let withDraft = try Self.importedLines(Self.fixture(file), profile: path)
        #expect(automatic.severity == .success && withDraft.severity == .success, "\(sink.text)")
        // 6 children × 25 answers (one NA in the sheets) + the header.
        #expect(automatic.lines.count == (file.hasPrefix("dansk") ? 150 : 151))
        #expect(withDraft.lines == automatic.lines)
    }

    @Test func danishSheetDraftNamesTheIDColumnItsReasonAndWhatToCheck() throws {
        let (result, _, sink) = try suggest(Self.fixture("dansk-skema.csv"))
        let suggestion = result.suggestion
        #expect(suggestion.childId == ChildIdChoice(column: "CPR", reason: .idHeader))
        #expect(suggestion.profile.childId == FieldReference(field: "CPR"))
        #expect(suggestion.instrument.description == "sdq-p4-17@1.0.0")
        #expect(suggestion.items.allSatisfy { $0.method == .variable } && suggestion.items.first?.column == "pconsid")
        #expect(suggestion.attributes.map { "\($0.attribute)=\($0.column)" } == ["date=Dato", "class=Klasse", "sex=Køn", "birthDate=Fødselsdato"])
        #expect(suggestion.unmatchedColumns == ["Barnets navn"])
        #expect(suggestion.detectedMissingCodes.map(\.code) == [MissingCode(value: "NA")])
        #expect(suggestion.detectedMissingCodes.first?.records == 1)
        #expect(suggestion.unmatchedAnswers.isEmpty, "the usual variants (passer delvis, PASSER GODT) are answers")
        #expect(suggestion.missingItems == ["pebddiff", "pchronic", "pdistres", "pimphome", "pimpfrie", "pimpclas", "pimpleis", "pburden"])
        // The checks on stderr; no child's name or id.
        #expect(sink.notes.contains { $0.hasSuffix("child id: column 'CPR' (its header names an id)") })
        #expect(sink.text.contains("warning: check: columns not read (not imported): 'Barnets navn'"))
        #expect(sink.text.contains("warning: check: 'NA' in item columns (1 record(s)) is read as a missing answer (missing)"))
        #expect(!sink.text.contains("Anna") && !sink.text.contains("elev-0001"))
        // The draft's notes say the same.
        let notes = try #require(suggestion.profile.notes)
        #expect(notes.contains("Child id: column 'CPR' (its header names an id). It must hold a CPR number or a pseudonymous id, never a name."))
        #expect(notes.contains { $0.hasPrefix("Items matched by variable name (25): 'pconsid' → consid, 'prestles' → restles") })
        #expect(notes.contains("Columns not read (not imported): 'Barnets navn'."))
    }

    @Test func surveyXactDraftTakesTheBackgroundID() throws {
        let (result, _, _) = try suggest(Self.fixture("surveyxact-baggrund/dataset.csv"))
        #expect(result.suggestion.kind == .surveyxact)
        #expect(result.suggestion.childId?.column == "cpr")
        #expect(result.suggestion.instrument.description == "sdq-s11-17@1.0.0")
        #expect(result.suggestion.unmatchedColumns == ["respondentid"])
        #expect(result.suggestion.attributes.map(\.column) == ["klasse"])
    }

    /// A sheet with the first item named by its Danish label and the others numbered as on the
    /// form (`spm 2` … `spm 25`), one answer misspelt beyond the tolerant match: the draft maps
    /// the label and the positions, names the misspelt text with its nearest label, and the
    /// import with the draft reads the positions as the items.
    @Test func labelAndPositionMatchesAndAnUnmatchedTextWithItsNearestLabel() throws {
        let folder = try useCaseFolder()
        let file = folder.appendingPathComponent("nummereret.csv").path
        var text = (["elev_id", "Hensynsfuld"] + (2...25).map { "spm \($0)" }).joined(separator: ";") + "\n"
        for row in 1...4 {
            // Item k (1-based) of row r gets code (k + r) % 3; row 3 writes item 5 as 'Pasér godt'.
            let cells = (1...25).map { item -> String in
                if row == 3 && item == 5 { return "Pasér godt" }
                return String((item + row) % 3)
            }
            text += (["elev-000\(row)"] + cells).joined(separator: ";") + "\n"
        }
        try text.write(toFile: file, atomically: true, encoding: .utf8)

        let (result, path, sink) = try suggest(file, instrument: "sdq-p4-17")
        let suggestion = result.suggestion
        #expect(try Self.schemaProblems(path) == [])
        #expect(suggestion.instrumentReason == "named with --instrument")
        #expect(suggestion.items.first == .init(column: "Hensynsfuld", item: "consid", variable: "pconsid", method: .label))
        #expect(suggestion.items.dropFirst().allSatisfy { $0.method == .position })
        #expect(suggestion.items[4] == .init(column: "spm 5", item: "tantrum", variable: "ptantrum", method: .position))
        #expect(suggestion.unmatchedAnswers == [.init(column: "spm 5", item: "tantrum", text: "Pasér godt", nearest: "Passer godt", records: 1)])
        #expect(sink.text.contains("warning: check: column 'spm 5' is read as item tantrum (ptantrum), matched by position on the form"))
        #expect(sink.text.contains("warning: check: Column 'spm 5' (item tantrum): 'Pasér godt' (1 record(s)) matches no code; the nearest label is 'Passer godt'"))

        // Without the draft the numbered columns are not items; with it they are.
        let imported = try Self.importedLines(file, profile: path)
        #expect(imported.severity == .rowsRejected, "row 3's misspelt answer is still a reject")
        #expect(imported.lines.contains("elev-0001,,parent,sdq-p4-17,1.0.0,tantrum,ptantrum,0"), "(5 + 1) % 3")
        #expect(imported.lines.contains("elev-0002,,parent,sdq-p4-17,1.0.0,consid,pconsid,0"), "(1 + 2) % 3")
        #expect(imported.lines.count == 1 + 3 * 25)
    }

    @Test func aFileWithNoItemColumnsNamesWhatToDo() throws {
        let file = try useCaseFolder().appendingPathComponent("intet.csv").path
        try "elev_id;spm a;spm b\nelev-0001;1;2\n".write(toFile: file, atomically: true, encoding: .utf8)
        let error = expectFailure { () throws(KortlaegError) in
            try SuggestProfile.run(SuggestProfile.Request(file: file, instruments: repositoryInstruments,
                                                          profilesDirectory: profilesDirectory, output: nil), sink: CollectingSink())
        }
        #expect(error?.severity == .invalidInput)
        #expect(error?.message.contains("no column matches the variable names or Danish labels of any instrument") == true)
    }

    @Test(arguments: [("dansk-skema.csv", nil, "draft-dansk-skema"), ("x.csv", "/tmp/Skema for 4.a.json", "Skema-for-4.a"),
                      ("x.csv", "/tmp/ærø.json", "aeroe"), ("x.csv", "/tmp/1.json", "draft-1")] as [(String, String?, String)])
    func draftIDIsAProfileID(file: String, output: String?, expected: String) {
        #expect(SuggestProfile.draftID(output: output, file: file) == expected)
    }
}

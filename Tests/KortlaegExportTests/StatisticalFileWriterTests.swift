import Foundation
import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegExport

/// Reads a .sav/.dta back with pyreadstat (user_missing=True) and prints JSON: values per column
/// (NaN → null; Stata tagged missing as 'a'…), variable labels, value labels, declared missing
/// values (SPSS ranges, Stata tags), notes and file label.
let readBackScript = """
import json, math, sys, pyreadstat
path, kind = sys.argv[1], sys.argv[2]
reader = pyreadstat.read_sav if kind == 'sav' else pyreadstat.read_dta
data, meta = reader(path, user_missing=True, output_format='dict')
def clean(v):
    if isinstance(v, float) and math.isnan(v): return None
    if hasattr(v, 'item'): v = v.item()
    if isinstance(v, float) and math.isnan(v): return None
    return v
out = {
  'columns': list(data.keys()),
  'data': {k: [clean(v) for v in vs] for k, vs in data.items()},
  'labels': meta.column_names_to_labels,
  'valueLabels': {k: {str(int(c)) if isinstance(c, float) else str(c): l for c, l in v.items()} for k, v in meta.variable_value_labels.items()},
  'missingRanges': {k: [[r['lo'], r['hi']] for r in v] for k, v in (meta.missing_ranges or {}).items()},
  'missingTags': meta.missing_user_values or {},
  'notes': meta.notes or [],
  'fileLabel': meta.file_label,
  'measures': meta.variable_measure,
}
print(json.dumps(out))
"""

struct ReadBack {
    let json: [String: Any]
    var data: [String: [Any]] { json["data"] as! [String: [Any]] }
    var labels: [String: String] { json["labels"] as! [String: String] }
    var valueLabels: [String: [String: String]] { json["valueLabels"] as! [String: [String: String]] }
    func row(of pseudonym: String) -> Int? { (data["id"] as? [String])?.firstIndex(of: pseudonym) }
    func number(_ column: String, _ row: Int) -> Double? { data[column]?[row] as? Double }
    func text(_ column: String, _ row: Int) -> String? { data[column]?[row] as? String }
}

func readBack(_ path: String, kind: StatisticalFormat) throws -> ReadBack? {
    let result = try runPython(readBackScript, [path, kind.rawValue])
    if result.stderr.contains("No module named 'pyreadstat'") {
        Issue.record("pyreadstat is not installed: run scripts/setup-debian.sh (python3 -m pip install pyreadstat)")
        return nil
    }
    guard result.status == 0 else {
        Issue.record("pyreadstat failed: \(result.stderr)")
        return nil
    }
    return ReadBack(json: try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])
}

func fixtureDataset(shape: ExportShape = .wide, language: Language = .danish) throws -> ExportDataset {
    try DatasetBuilder(sources: [fixtureSource(instrument: try sdqParent())],
                       options: ExportOptions(shape: shape, language: language, includeItems: true),
                       pseudonymizer: try fixedPseudonymizer(), reliableChange: testRCI).build()
}

@Test(arguments: StatisticalFormat.allCases)
func wideFileReadsBackWithValuesLabelsAndMissing(format: StatisticalFormat) throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("wide.\(format.rawValue)").path
    let dataset = try fixtureDataset()
    try StatisticalFileWriter.write(dataset, to: path, format: format)
    guard let back = try readBack(path, kind: format) else { return }
    let pseudonymizer = try fixedPseudonymizer()
    let child1 = try #require(back.row(of: pseudonymizer.pseudonym(for: cprShapedIDs[0])))
    let child2 = try #require(back.row(of: pseudonymizer.pseudonym(for: cprShapedIDs[1])))
    let child3 = try #require(back.row(of: pseudonymizer.pseudonym(for: cprShapedIDs[2])))

    // Every variable is there, in order.
    #expect(back.json["columns"] as? [String] == dataset.variables.map(\.name))
    // Values (fixture by hand): child 1 emotion 4 → 2, band3 levels 1 (4 = borderline) → 0 (normal), change −2.
    #expect(back.number("pemotion_t1", child1) == 4)
    #expect(back.number("pemotion_t2", child1) == 2)
    #expect(back.number("pemotion_band3_t1", child1) == 1)
    #expect(back.number("pemotion_band3_t2", child1) == 0)
    #expect(back.number("pemotion_chg", child1) == -2)
    // RCI = −2 / (√2·2·√0.2) = −1.5811388300841895 (python3).
    #expect(abs((back.number("pemotion_rci", child1) ?? 0) + 1.5811388300841895) < 1e-12)
    #expect(back.number("pworries_t1", child1) == 2)
    // Child 2: 7 → abnormal (level 2); no T2 response.
    #expect(back.number("pemotion_t1", child2) == 7)
    #expect(back.number("pemotion_band3_t1", child2) == 2)
    // Child 3: T1 not computed; T2 = 5 (abnormal).
    #expect(back.number("pemotion_t2", child3) == 5)
    // RCI where norm values are missing (conduct has none in this test).
    switch format {
    case .sav:
        // SPSS keeps the declared codes as values, declared as user-missing.
        #expect(back.number("pemotion_t2", child2) == -8)
        #expect(back.number("pemotion_chg", child2) == -98)
        #expect(back.number("pemotion_t1", child3) == -9)
        #expect(back.number("pemotion_chg", child3) == -99)
        let ranges = back.json["missingRanges"] as! [String: [[Double]]]
        #expect(ranges["pemotion_t1"] == [[-9, -9], [-8, -8]])
        // The RCI spans ±10/(√2·2·√0.2) = ±7.91 (python3), so -7 would be a real value: -99/-98/-97.
        #expect(ranges["pemotion_chg"] == [[-99, -99], [-98, -98]])
        #expect(ranges["pemotion_rci"] == [[-99, -99], [-98, -98], [-97, -97]])
        #expect(back.valueLabels["pemotion_band3_t1"]?["-9"] == "Ikke beregnet/ikke besvaret")
    case .dta:
        // Stata: extended missing values .b (no response) and .a (not computed).
        #expect(back.text("pemotion_t2", child2) == "b")
        #expect(back.text("pemotion_chg", child2) == "b")
        #expect(back.text("pemotion_t1", child3) == "a")
        #expect(back.valueLabels["pemotion_band3_t1"]?["a"] == "Ikke beregnet/ikke besvaret")
        #expect(back.valueLabels["pemotion_band3_t1"]?["b"] == "Ingen besvarelse ved dette måletidspunkt")
    }
    // Variable labels (Danish) and value labels from the band table and the answer scale.
    #expect(back.labels["pemotion_t1"] == "Score for følelsesmæssige symptomer (T1)")
    #expect(back.labels["pemotion_chg"] == "Score for følelsesmæssige symptomer: ændring T1→T2")
    #expect(back.valueLabels["pemotion_band3_t1"]?["0"] == "normalt")
    #expect(back.valueLabels["pemotion_band3_t1"]?["1"] == "grænseområde")
    #expect(back.valueLabels["pemotion_band3_t1"]?["2"] == "afvigende")
    #expect(back.valueLabels["pemotion_band4_t1"]?["3"] == "meget højt")
    #expect(back.valueLabels["pworries_t1"]?["2"] == "Passer godt")
    // Notes carry the instrument version and rule variant.
    let notes = (back.json["notes"] as? [String] ?? []).joined(separator: " ")
    #expect(notes.contains("sdq-p4-17@1.0.0"))
    #expect(notes.contains("impact-when-ebddiff-missing=sum"))
    // No CPR-shaped id anywhere in the file.
    #expect(try cprShapedFiles(in: folder).isEmpty)
}

@Test(arguments: StatisticalFormat.allCases)
func longFileHasOneRowPerChildOccasionInformant(format: StatisticalFormat) throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("long.\(format.rawValue)").path
    try StatisticalFileWriter.write(try fixtureDataset(shape: .long, language: .english), to: path, format: format)
    guard let back = try readBack(path, kind: format) else { return }
    // 5 responses in the fixture → 5 rows.
    #expect((back.data["id"] as? [String])?.count == 5)
    #expect(back.valueLabels["occasion"] == ["1": "T1", "2": "T2"])
    #expect(back.valueLabels["informant"]?["2"] == "parent")
    #expect(back.labels["emotion"] == "Emotional problems score" || back.labels["emotion"]?.isEmpty == false)
    let emotions = (back.data["emotion"] ?? []).compactMap { $0 as? Double }.filter { $0 >= 0 }.sorted()
    #expect(emotions == [2, 4, 5, 7])
}

@Test func cprShapedTextStopsTheExportNamingTheVariable() throws {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("bad.sav").path
    let dataset = ExportDataset(title: "t", variables: [ExportVariable(name: "note", label: "Note", type: .string(width: 40))],
                                rows: [[.text("ok")], [.text("born 010190-1234")]])
    do {
        try StatisticalFileWriter.write(dataset, to: path, format: .sav)
        Issue.record("expected an error")
    } catch let error as ExportError {
        #expect(error == .cprShapedValue(variable: "note", row: 2))
        #expect(!error.description.contains("010190"))
    }
    #expect(!FileManager.default.fileExists(atPath: path))
}

@Test func invalidNamesAndTooManyMissingCodesAreRefused() {
    let bad = ExportDataset(title: "t", variables: [ExportVariable(name: "1abc", label: "")], rows: [])
    #expect(throws: ExportError.invalidVariableName("1abc", problem: "must start with a letter (a-z)")) { try bad.validate() }
    let codes = (1...4).map { ExportMissingCode(code: -$0, tag: "a", label: "x") }
    let many = ExportDataset(title: "t", variables: [ExportVariable(name: "x", label: "", missingCodes: codes)], rows: [])
    #expect(throws: ExportError.tooManyMissingCodes(variable: "x", count: 4)) { try many.validate() }
}

import Foundation
import KortlaegTestSupport
import KortlaegDomain
import KortlaegReaders
import KortlaegExport
import KortlaegStore
import KortlaegStoreSQLite
import Testing

/// A project store filled through the library (so a renamed import command cannot break these
/// tests), with CPR-shaped raw ids on purpose: none may ever appear in an export or a report.
///
/// Scores by hand, following youthinmind's "Scoring the SDQ for age 4-17" (sdqinfo.org; the rules
/// in `../shared/specs/sdq.md`): a scale = the sum of its five items (0/1/2; `obeys`, `friend`,
/// `popular`, `reflect`, `attends` reversed 2/1/0), prorated as floor(5·S/k + 0.5) when 3 or 4 are
/// answered, missing under 3; total difficulties = emotion + conduct + hyper + peer; impact = 0
/// when `ebddiff` = 0, else the sum of the impact items recoded 0,1→0, 2→1, 3→2. Bands: the UK
/// 3-band table of the instrument file (emotion 0–3/4/5–10, conduct 0–2/3/4–10, hyper 0–5/6/7–10,
/// peer 0–2/3/4–10, prosocial 6–10/5/0–4, total 0–13/14–16/17–40, impact 0/1/2–10).
enum ProjectFixture {
    /// Child A: parent T1 and T2, teacher T1, trivsel T1, goals T1 and F1 (class 4.b).
    static let childA = "010190-1234"
    /// Child B: parent T1 only, every item 0 (class 4.b).
    static let childB = "0202911235"
    /// Child C: parent T1 with only two emotion items (emotion not computed), T2 all 1 (class 4.b).
    static let childC = "030392 1236"
    /// Children D, E, F: parent T1, every item 1 (class 4.b).
    static let classmates = ["040493-1237", "050594-1238", "060695-1239"]
    /// Children G, H, I: parent T1 (class 5.c: fewer than five children).
    static let smallClass = ["070796-1240", "080897-1241", "090998-1242"]
    /// Every raw id, and the ten digits of each, which must appear in no output.
    static var rawIDs: [String] { [childA, childB, childC] + classmates + smallClass }

    static let parent = InstrumentReference(id: "sdq-p4-17", version: "1.0.0")
    static let teacher = InstrumentReference(id: "sdq-t4-17", version: "1.0.0")
    static let sdqItems = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
                           "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
                           "reflect", "steals", "oldbest", "afraid", "attends"]
    static let goalText = "Deltage aktivt i matematiktimerne"

    /// Child A, parent, T1. By hand: emotion 2+2+1+1+0 = 6 (abnormal); conduct 1 + (2−0) + 0 + 1 + 0 = 4
    /// (abnormal); hyper 2+1+2 + (2−0) + (2−1) = 8 (abnormal); peer 0 + (2−2) + (2−1) + 1 + 0 = 2 (normal);
    /// prosocial 2+1+2+2+1 = 8 (normal); total 6+4+8+2 = 20 (abnormal); impact (ebddiff 2)
    /// distres 2→1, imphome 3→2, impfrie 1→0, impclas 2→1, impleis 0→0 = 4 (abnormal);
    /// externalising 4+8 = 12, internalising 6+2 = 8.
    static let childAParentT1: [String: Int] = [
        "somatic": 2, "worries": 2, "unhappy": 1, "clingy": 1, "afraid": 0,
        "tantrum": 1, "obeys": 0, "fights": 0, "lies": 1, "steals": 0,
        "restles": 2, "fidgety": 1, "distrac": 2, "reflect": 0, "attends": 1,
        "loner": 0, "friend": 2, "popular": 1, "bullied": 1, "oldbest": 0,
        "consid": 2, "shares": 1, "caring": 2, "kind": 2, "helpout": 1,
        "ebddiff": 2, "distres": 2, "imphome": 3, "impfrie": 1, "impclas": 2, "impleis": 0,
    ]
    /// Child A, parent, T2. By hand: emotion 4 of 5 answered (clingy blank), S = 1+1+0+0 = 2 →
    /// floor(5·2/4 + 0.5) = floor(3.0) = 3 (halves round up; normal); conduct 0 + (2−2) = 0; hyper
    /// 1+1+1 + (2−1) + (2−1) = 5 (normal); peer 0 + (2−2) + (2−2) + 0 + 0 = 0; prosocial 10; total
    /// 3+0+5+0 = 8 (normal); impact 0 (ebddiff 0). Change T1→T2: emotion −3, total −12.
    static let childAParentT2: [String: Int] = [
        "somatic": 1, "worries": 1, "unhappy": 0, "afraid": 0,
        "tantrum": 0, "obeys": 2, "fights": 0, "lies": 0, "steals": 0,
        "restles": 1, "fidgety": 1, "distrac": 1, "reflect": 1, "attends": 1,
        "loner": 0, "friend": 2, "popular": 2, "bullied": 0, "oldbest": 0,
        "consid": 2, "shares": 2, "caring": 2, "kind": 2, "helpout": 2,
        "ebddiff": 0,
    ]

    /// Every SDQ item answered `code`; `ebddiff` 0 (so impact = 0).
    /// With code 0: emotion 0, conduct 2 (obeys reversed), hyper 4, peer 4, prosocial 0, total 10.
    /// With code 1: every scale 5 (a reversed 1 is 2 − 1 = 1), total 20.
    static func uniform(_ code: Int) -> [String: Int] {
        var answers = Dictionary(uniqueKeysWithValues: sdqItems.map { ($0, code) })
        answers["ebddiff"] = 0
        return answers
    }

    static func record(_ id: String, _ occasion: Occasion, _ instrument: InstrumentReference, _ informant: Informant,
                       className: String, _ answers: [String: AnswerValue], row: Int) -> StoredResponseInput {
        StoredResponseInput(childKey: id, occasion: occasion, informant: informant,
                            attributes: ChildAttributes(className: className, school: "Aabybro Skole"),
                            response: Response(instrument: instrument, answers: answers), row: row)
    }

    static func codes(_ answers: [String: Int]) -> [String: AnswerValue] { answers.mapValues { .code($0) } }

    static func batch(_ name: String) -> ImportBatch {
        ImportBatch(fileName: name, sha256: name.utf8.map { String(format: "%02x", $0) }.joined(), profile: "test")
    }

    static var instrumentsDirectory: String { repositoryRoot.appendingPathComponent("Instruments").path }

    /// Creates `folder/p.kortlaeg` with the fixture's responses and returns its path.
    @discardableResult
    static func create(in folder: URL, instruments: String? = nil) throws -> String {
        let path = folder.appendingPathComponent("p.kortlaeg").path
        let store = try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Jammerbugt", interventionModel: "TIIS",
                                                                                toolVersion: "0.1.0"), operator: "tester")
        let options = ImportOptions(instruments: try InstrumentCatalog.load(directory: instruments ?? instrumentsDirectory), operator: "tester")
        var t1: [StoredResponseInput] = [
            record(childA, .initial, parent, .parent, className: "4.b", codes(childAParentT1), row: 1),
            record(childB, .initial, parent, .parent, className: "4.b", codes(uniform(0)), row: 2),
            record(childC, .initial, parent, .parent, className: "4.b",
                   codes(uniform(1).filter { !["unhappy", "clingy", "afraid"].contains($0.key) }), row: 3),
        ]
        for (index, id) in classmates.enumerated() {
            t1.append(record(id, .initial, parent, .parent, className: "4.b", codes(uniform(1)), row: 4 + index))
        }
        for (index, id) in smallClass.enumerated() {
            t1.append(record(id, .initial, parent, .parent, className: "5.c", codes(uniform(index)), row: 7 + index))
        }
        let t2 = [
            record(childA, .final, parent, .parent, className: "4.b", codes(childAParentT2), row: 1),
            record(childC, .final, parent, .parent, className: "4.b", codes(uniform(1)), row: 2),
        ]
        let teacherT1 = [record(childA, .initial, teacher, .teacher, className: "4.b", codes(uniform(1)), row: 1)]
        let trivsel = [record(childA, .initial, InstrumentReference(id: "trivsel-udvalgte", version: "1.0.0"), .child, className: "4.b",
                              codes(["glad_skole": 4, "ensom": 2]), row: 1)]
        let goal = InstrumentReference(id: "kv-maal", version: "0.1.0")
        let goals = [
            record(childA, .initial, goal, .professional, className: "4.b",
                   ["maal_faglig": .text(goalText), "maal_faglig_status": .code(2)], row: 1),
            record(childA, .followUp(1), goal, .professional, className: "4.b", ["maal_faglig_status": .code(4)], row: 2),
        ]
        for (name, records) in [("parent-T1.csv", t1), ("parent-T2.csv", t2), ("teacher-T1.csv", teacherT1),
                                ("trivsel-T1.csv", trivsel), ("maal.csv", goals)] {
            let outcome = try store.importBatch(batch(name), records: records, options: options)
            guard case .imported = outcome else { throw CocoaError(.fileWriteUnknown) }
        }
        return path
    }
}

/// Reads a .sav/.dta back with pyreadstat (user_missing=True, no pandas needed) and prints JSON:
/// values per column (Stata tagged missing as 'a', 'b', …), variable labels, value labels, notes.
/// (The same approach as `KortlaegExportTests/StatisticalFileWriterTests.swift`.)
let projectReadBackScript = """
import json, math, sys, pyreadstat
path, kind = sys.argv[1], sys.argv[2]
reader = pyreadstat.read_sav if kind == 'sav' else pyreadstat.read_dta
data, meta = reader(path, user_missing=True, output_format='dict')
def clean(v):
    if hasattr(v, 'item'): v = v.item()
    if isinstance(v, float) and math.isnan(v): return None
    return v
print(json.dumps({
  'columns': list(data.keys()),
  'data': {k: [clean(v) for v in vs] for k, vs in data.items()},
  'labels': meta.column_names_to_labels,
  'valueLabels': {k: {str(int(c)) if isinstance(c, float) else str(c): l for c, l in v.items()} for k, v in meta.variable_value_labels.items()},
  'notes': meta.notes or [],
}))
"""

struct ProjectReadBack {
    let json: [String: Any]
    var data: [String: [Any]] { json["data"] as! [String: [Any]] }
    var columns: [String] { json["columns"] as! [String] }
    /// The notes as one text (SPSS wraps long notes into lines of 80 characters).
    var notes: String { (json["notes"] as? [String] ?? []).joined(separator: " ").replacingOccurrences(of: "\n", with: " ") }
    var valueLabels: [String: [String: String]] { json["valueLabels"] as! [String: [String: String]] }
    func row(of pseudonym: String) -> Int? { (data["id"] as? [String])?.firstIndex(of: pseudonym) }
    func number(_ column: String, _ row: Int) -> Double? { data[column]?[row] as? Double }
    func text(_ column: String, _ row: Int) -> String? { data[column]?[row] as? String }
}

func readBackProjectExport(_ path: String, kind: String) throws -> ProjectReadBack? {
    let result = try runPython(projectReadBackScript, [path, kind])
    let stderr = result.stderr
    if stderr.contains("No module named 'pyreadstat'") {
        Issue.record("pyreadstat is not installed: run scripts/setup-debian.sh (python3 -m pip install pyreadstat)")
        return nil
    }
    guard result.status == 0 else {
        Issue.record("pyreadstat failed: \(stderr)")
        return nil
    }
    return ProjectReadBack(json: try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])
}

/// The files below `folder` that hold a CPR-shaped byte run or a raw fixture id. Hex SHA-256
/// checksums and key fingerprints in manifests are removed first (64 random hex digits can hold ten
/// digits in a row that read as a date).
func filesLeakingIDs(in folder: URL) throws -> [String] {
    var hits: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where !name.hasSuffix(".kortlaeg") {
        var text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        if name.hasSuffix(".manifest.json") {
            text = text.replacingOccurrences(of: "\"(sha256|keyFingerprint)\" : \"[0-9a-f]+\"", with: "", options: .regularExpression)
        }
        let digits = ProjectFixture.rawIDs.map { $0.filter(\.isNumber) }
        if CPRNumber.firstMatch(in: Array(text.utf8)) != nil || digits.contains(where: text.contains) { hits.append(name) }
    }
    return hits
}

/// The export pseudonym of a raw id, as `kortlaeg export --project --stable-salt NAME` derives it.
func exportPseudonym(_ rawID: String, project: String, salt: String) throws -> String {
    let store = try SQLiteProjectStore.open(at: project)
    let pseudonymizer = Pseudonymizer(key: try PseudonymKey(bytes: try store.derivedKey(purpose: "export-pseudonyms")),
                                      salt: .named(salt))
    return pseudonymizer.pseudonym(for: try store.pseudonym(for: rawID))
}

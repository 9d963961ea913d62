import Foundation
import KortlaegTestSupport
import KortlaegDomain
import KortlaegReaders
import Testing
@testable import KortlaegExport

/// Reads a .sav/.dta the way R/haven and SPSS users do by default: user-missing values become
/// NaN (pyreadstat `user_missing=False`, the same rule as `haven::read_sav(user_na = FALSE)`),
/// and prints per column the values (NaN → null) and the SPSS missing ranges.
private let defaultReadScript = """
import json, math, sys, pyreadstat
path, kind = sys.argv[1], sys.argv[2]
reader = pyreadstat.read_sav if kind == 'sav' else pyreadstat.read_dta
data, meta = reader(path, output_format='dict')
def clean(v):
    if hasattr(v, 'item'): v = v.item()
    if isinstance(v, float) and math.isnan(v): return None
    return v
_, meta2 = reader(path, user_missing=True, metadataonly=True, output_format='dict')
print(json.dumps({'data': {k: [clean(v) for v in vs] for k, vs in data.items()},
                  'missingRanges': {k: [[r['lo'], r['hi']] for r in v] for k, v in (meta2.missing_ranges or {}).items()},
                  'fileLabel': meta.file_label}))
"""

/// Every score of the parent SDQ at every possible change: child k has, for a score on
/// min…max (span s), the change d = k − s when k ≤ 2s (T1 = max for d < 0, else min; T2 = T1 + d).
private func everyChangeSource(_ instrument: Instrument) throws -> (ExportSource, [ScoreDefinition], Int) {
    let scores = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true)).scores
        .filter { $0.range.integer }
    let children = scores.map { Int(2 * ($0.range.maximum - $0.range.minimum)) + 1 }.max() ?? 0
    var responses: [ExportResponse] = []
    for k in 0..<children {
        var t1: [String: Double?] = [:], t2: [String: Double?] = [:]
        for score in scores {
            let span = Int(score.range.maximum - score.range.minimum)
            guard k <= 2 * span else { continue }
            let change = Double(k - span)
            let first = change < 0 ? score.range.maximum : score.range.minimum
            t1[score.id] = first
            t2[score.id] = first + change
        }
        responses.append(ExportResponse(childID: "barn-\(k)", occasion: "T1", scores: t1))
        responses.append(ExportResponse(childID: "barn-\(k)", occasion: "T2", scores: t2))
    }
    return (ExportSource(instrument: instrument, occasions: ["T1", "T2"], responses: responses), scores, children)
}

@Test(arguments: StatisticalFormat.allCases)
func everyPossibleChangeOfEveryScoreReadsBackAsAValue(format: StatisticalFormat) throws {
    let instrument = try sdqParent()
    let (source, scores, children) = try everyChangeSource(instrument)
    // Total difficulties spans 0–40: 81 children, changes -40…40.
    #expect(children == 81)
    let pseudonymizer = try fixedPseudonymizer()
    let dataset = try DatasetBuilder(sources: [source], options: ExportOptions(), pseudonymizer: pseudonymizer,
                                     reliableChange: testRCI).build()
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("change.\(format.rawValue)").path
    try StatisticalFileWriter.write(dataset, to: path, format: format)
    let result = try runPython(defaultReadScript, [path, format.rawValue])
    guard result.status == 0 else {
        Issue.record("pyreadstat failed: \(result.stderr)")
        return
    }
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let data = json["data"] as! [String: [Any]]
    let ids = data["id"] as! [String]
    for score in scores {
        let span = Int(score.range.maximum - score.range.minimum)
        let column = try #require(data["\(score.variable)_chg"], "\(score.variable)_chg")
        var seen: [Double] = []
        for k in 0...(2 * span) {
            let row = try #require(ids.firstIndex(of: pseudonymizer.pseudonym(for: "barn-\(k)")))
            let value = column[row] as? Double
            #expect(value == Double(k - span), "\(score.variable)_chg: change \(k - span) read back as \(String(describing: value))")
            if let value { seen.append(value) }
        }
        #expect(seen.sorted() == (-span...span).map(Double.init), "\(score.variable)")
        // Children beyond this score's range have no response for it: missing, not a value.
        for k in (2 * span + 1)..<children {
            let row = try #require(ids.firstIndex(of: pseudonymizer.pseudonym(for: "barn-\(k)")))
            #expect(column[row] is NSNull, "\(score.variable)_chg child \(k)")
        }
        if format == .sav {
            // The declared codes lie below -span (-99/-98 for every SDQ score; python3: 99 > 40).
            let ranges = (json["missingRanges"] as! [String: [[Double]]])["\(score.variable)_chg"] ?? []
            #expect(!ranges.isEmpty && ranges.allSatisfy { $0[0] < -Double(span) }, "\(score.variable)_chg \(ranges)")
        }
    }
    // The RCI of emotion (test SD 2, r .8: S_diff = √2·2·√0.2 = 1.2649110640673518, python3) spans
    // ±7.905694150420948; every one of the 21 RCIs reads back as a value.
    let rci = try #require(data["pemotion_rci"])
    for k in 0...20 {
        let row = try #require(ids.firstIndex(of: pseudonymizer.pseudonym(for: "barn-\(k)")))
        let expected = Double(k - 10) / 1.2649110640673518
        #expect(abs(((rci[row] as? Double) ?? .nan) - expected) < 1e-12, "RCI of change \(k - 10)")
    }
}

@Test func declaredCodesOutsideTheRangeAndTheDDIAgrees() throws {
    let instrument = try sdqParent()
    let (source, _, _) = try everyChangeSource(instrument)
    let dataset = try DatasetBuilder(sources: [source], options: ExportOptions(), pseudonymizer: try fixedPseudonymizer(),
                                     reliableChange: testRCI).build()
    for variable in dataset.variables where variable.isNumeric {
        guard let range = variable.validRange else { continue }
        for missing in variable.missingCodes { #expect(!range.contains(Double(missing.code)), "\(variable.name) \(missing.code)") }
    }
    let total = try #require(dataset.variables.first { $0.name == "pebdtot_chg" })
    #expect(total.validRange == -40...40)
    #expect(total.missingCodes.map(\.code) == [-99, -98])
    #expect(dataset.variables.first { $0.name == "pebdtot_t1" }?.missingCodes.map(\.code) == [-9, -8])
    // DDI: valrng and invalrng per variable, read with python3 xml.etree.
    let summaries = try VariableSummary.compute(dataset)
    let xml = DDICodebookWriter.xml(dataset, dataFileName: "change.sav", summaries: summaries, created: Date(timeIntervalSince1970: 0))
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("c.xml").path
    try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
    let script = """
    import json, sys
    import xml.etree.ElementTree as ET
    ns = '{ddi:codebook:2_5}'
    out = {}
    for v in ET.parse(sys.argv[1]).getroot().iter(ns + 'var'):
        r = v.find(ns + 'valrng/' + ns + 'range')
        out[v.get('name')] = {'valrng': [float(r.get('min')), float(r.get('max'))] if r is not None else None,
                              'invalrng': [float(i.get('VALUE')) for i in v.findall(ns + 'invalrng/' + ns + 'item')]}
    print(json.dumps(out))
    """
    let result = try runPython(script, [path])
    #expect(result.status == 0, "\(result.stderr)")
    let ddi = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: [String: Any]]
    #expect(ddi["pebdtot_chg"]?["valrng"] as? [Double] == [-40, 40])
    #expect(ddi["pebdtot_chg"]?["invalrng"] as? [Double] == [-99, -98])
    for variable in dataset.variables {
        let entry = try #require(ddi[variable.name])
        #expect(entry["invalrng"] as? [Double] == variable.missingCodes.map { Double($0.code) }, "\(variable.name)")
        if let range = variable.validRange, let ddiRange = entry["valrng"] as? [Double] {
            for code in entry["invalrng"] as? [Double] ?? [] { #expect(code < ddiRange[0] || code > ddiRange[1], "\(variable.name)") }
            #expect(abs(ddiRange[0] - range.lowerBound) < 1e-4)
        }
    }
}

@Test func aMissingCodeInsideTheRangeOrAValueEqualToACodeIsRefused() throws {
    let inside = ExportDataset(title: "t", variables: [
        ExportVariable(name: "chg", label: "", missingCodes: [ExportMissingCode(code: -9, tag: "a", label: "x")], validRange: -40...40),
    ], rows: [])
    #expect(throws: ExportError.missingCodeInsideRange(variable: "chg", code: -9, minimum: -40, maximum: 40)) { try inside.validate() }
    let clash = ExportDataset(title: "t", variables: [
        ExportVariable(name: "chg", label: "", missingCodes: [ExportMissingCode(code: -9, tag: "a", label: "x")]),
    ], rows: [[.number(-9)]])
    let path = try temporaryFolder().appendingPathComponent("x.sav").path
    #expect(throws: ExportError.valueIsMissingCode(variable: "chg", row: 1, code: -9)) {
        try StatisticalFileWriter.write(clash, to: path, format: .sav)
    }
}

@Test func fileLabelFitsSixtyFourBytesWithoutCuttingAWord() throws {
    let catalog = try InstrumentCatalog.load(directory: repositoryRoot.appendingPathComponent("Instruments").path)
    let ids = ["sdq-p4-17@1.0.0", "sdq-t4-17@1.0.0", "sdq-s11-17@1.0.0", "kv-behov@0.1.0", "kv-maal@0.1.0"]
    let sources = try ids.map { ExportSource(instrument: try catalog.resolve($0), occasions: ["T1"], responses: []) }
    let dataset = try DatasetBuilder(sources: sources, options: ExportOptions(), pseudonymizer: try fixedPseudonymizer()).build()
    let label = try #require(dataset.fileLabel)
    #expect(label.utf8.count <= 64)
    // Whole instrument ids only, and how many were left out.
    #expect(label.hasPrefix("Kortlæg: sdq-p4-17@1.0.0, sdq-t4-17@1.0.0"))
    #expect(label.hasSuffix("flere"))
    let listed = label.dropFirst("Kortlæg: ".count).split(separator: " + ")[0].split(separator: ", ").map(String.init)
    #expect(listed.allSatisfy(ids.contains))
    #expect(label.contains("+ \(ids.count - listed.count) flere"))
    // The notes keep the full list.
    for id in ids { #expect(dataset.notes.contains { $0.contains(id) }) }
    // Read back from the .sav (pyreadstat): the label as written.
    let path = try temporaryFolder().appendingPathComponent("label.sav").path
    try StatisticalFileWriter.write(dataset, to: path, format: .sav)
    let result = try runPython(defaultReadScript, [path, "sav"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    #expect(json["fileLabel"] as? String == label)
    // Shortening a title at a word: never mid-word, with an ellipsis.
    #expect(ReadStatWriter.wordTruncated("Kortlæg-eksport: SDQ forældreskema 4-17 år; SDQ lærerskema 4-17 år", bytes: 40)
            == "Kortlæg-eksport: SDQ forældreskema…")
}

@Test func exportsOfThreeFormatsToOneBaseKeepTheirOwnCodebooks() throws {
    let folder = try temporaryFolder()
    for format in [ExportFormat.sav, .dta, .csv] { _ = try runJob(format, folder: folder) }
    let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
    for format in ["sav", "dta", "csv"] {
        let data = "eksport.\(format)"
        for companion in [".codebook.xml", ".codebook.md", ".codebook.html", ".manifest.json"] {
            #expect(names.contains(data + companion), "\(data + companion)")
        }
        let ddi = try String(contentsOfFile: folder.appendingPathComponent(data + ".codebook.xml").path, encoding: .utf8)
        #expect(ddi.contains("<fileName>\(data)</fileName>"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(data + ".manifest.json"))) as! [String: Any]
        #expect(manifest["format"] as? String == format)
        let files = (manifest["files"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        #expect(files.first == data && files.allSatisfy { $0.hasPrefix(data) })
    }
}

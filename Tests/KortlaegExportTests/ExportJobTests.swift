import Foundation
import KortlaegTestSupport
@testable import KortlaegDomain
import Testing
@testable import KortlaegExport

func runJob(_ format: ExportFormat, folder: URL, csvStyle: CSVExportStyle = .plain, shape: ExportShape = .wide) throws -> ExportManifest {
    let instrument = try sdqParent()
    let source = fixtureSource(instrument: instrument)
    let options = ExportOptions(shape: shape, includeItems: true, filters: ["skole = Testskolen"])
    let dataset = try DatasetBuilder(sources: [source], options: options, pseudonymizer: try fixedPseudonymizer(), reliableChange: testRCI).build()
    let output = folder.appendingPathComponent("eksport.\(format == .ddi ? "codebook.xml" : format.rawValue)").path
    return try ExportJob(.init(format: format, outputPath: output, options: options, csvStyle: csvStyle))
        .run(dataset: dataset, sources: [source], inputs: [], pseudonymizer: try fixedPseudonymizer())
}

@Test(arguments: ExportFormat.allCases)
func everyExportIsFreeOfCPRShapedStringsAndHasAManifest(format: ExportFormat) throws {
    let folder = try temporaryFolder()
    let manifest = try runJob(format, folder: folder)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    // Data file (except ddi), three codebooks, manifest; no staging folder left.
    // Companions are named after the data file (eksport.sav.codebook.xml); ddi has none.
    let companion = format == .ddi ? "eksport" : "eksport.\(format.rawValue)"
    #expect(names.contains("\(companion).manifest.json"))
    #expect(names.contains("\(companion).codebook.xml") && names.contains("\(companion).codebook.md") && names.contains("\(companion).codebook.html"))
    #expect(names.count == (format == .ddi ? 4 : 5))
    #expect(try cprShapedFiles(in: folder).isEmpty)
    for name in names {
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        for id in cprShapedIDs { #expect(!text.contains(id), "\(name) contains an input id") }
    }
    // The manifest's checksums match the files (python3 hashlib would give the same: plain SHA-256).
    for file in manifest.files {
        #expect(try FileChecksum.sha256(path: folder.appendingPathComponent(file.name).path).hex == file.sha256)
    }
    #expect(manifest.rows == 3)
    #expect(manifest.instruments == ["sdq-p4-17@1.0.0"])
    #expect(manifest.filters == ["skole = Testskolen"])
    #expect(manifest.pseudonymisation.saltMode == "stable salt named 'evaluering-2026'")
    let json = String(decoding: try Data(contentsOf: folder.appendingPathComponent("\(companion).manifest.json")), as: UTF8.self)
    #expect(json.contains("\"sha256\""))
}

@Test func ddiCodebookIsWellFormedWithEveryVariableAndCategory() throws {
    let folder = try temporaryFolder()
    _ = try runJob(.sav, folder: folder)
    let ddi = folder.appendingPathComponent("eksport.sav.codebook.xml").path
    let sample = "/work/shared/samples/formats/ddi/ipums-cps_00158.ddi25.xml"
    // python3 xml.etree: parse (well-formed), check the namespace, the top-level sections in the
    // sample's order, and per variable: labl, sumStat (vald), catgry/catValu/labl for labelled ones, varFormat.
    let script = """
    import json, sys, os
    import xml.etree.ElementTree as ET
    ns = '{ddi:codebook:2_5}'
    root = ET.parse(sys.argv[1]).getroot()
    out = {'root': root.tag, 'sections': [c.tag.replace(ns, '') for c in root]}
    if os.path.exists(sys.argv[2]):
        sample = ET.parse(sys.argv[2]).getroot()
        out['sampleSections'] = [c.tag.replace(ns, '') for c in sample]
    vars = {}
    for v in root.iter(ns + 'var'):
        vars[v.get('name')] = {
          'labl': v.findtext(ns + 'labl'),
          'vald': v.findtext(ns + "sumStat[@type='vald']"),
          'mean': v.findtext(ns + "sumStat[@type='mean']"),
          'min': v.findtext(ns + "sumStat[@type='min']"),
          'max': v.findtext(ns + "sumStat[@type='max']"),
          'cats': {c.findtext(ns + 'catValu'): c.findtext(ns + 'labl') for c in v.findall(ns + 'catgry')},
          'format': v.find(ns + 'varFormat').get('type'),
          'files': v.get('files'),
        }
    out['vars'] = vars
    out['caseQnty'] = root.findtext(f'{ns}fileDscr/{ns}fileTxt/{ns}dimensns/{ns}caseQnty')
    out['titl'] = root.findtext(f'{ns}stdyDscr/{ns}citation/{ns}titlStmt/{ns}titl')
    print(json.dumps(out))
    """
    let result = try runPython(script, [ddi, sample])
    try #require(result.status == 0, "\(result.stderr)")
    let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    #expect(json["root"] as? String == "{ddi:codebook:2_5}codeBook")
    #expect(json["sections"] as? [String] == ["docDscr", "stdyDscr", "fileDscr", "dataDscr"])
    if let sampleSections = json["sampleSections"] as? [String] { #expect(json["sections"] as? [String] == sampleSections) }
    #expect(json["caseQnty"] as? String == "3")
    let dataset = try fixtureDataset()
    let vars = json["vars"] as! [String: [String: Any]]
    #expect(Set(vars.keys) == Set(dataset.variables.map(\.name)))
    for variable in dataset.variables {
        let entry = try #require(vars[variable.name])
        #expect(entry["labl"] as? String == variable.label)
        #expect(entry["files"] as? String == "F1")
        let categories = entry["cats"] as! [String: String]
        for (code, label) in variable.valueLabels { #expect(categories[String(code)] == label, "\(variable.name) \(code)") }
        #expect(entry["format"] as? String == (variable.isNumeric ? "numeric" : "character"))
    }
    // pemotion_t1: valid values 4 and 7 (child 3 not computed) → n 2, mean 5.5, min 4, max 7.
    let emotion = vars["pemotion_t1"]!
    #expect(emotion["vald"] as? String == "2")
    #expect(emotion["mean"] as? String == "5.5")
    #expect(emotion["min"] as? String == "4")
    #expect(emotion["max"] as? String == "7")
}

@Test func danishExcelCSVHasBOMSemicolonsAndDecimalComma() throws {
    let folder = try temporaryFolder()
    _ = try runJob(.csv, folder: folder, csvStyle: .excelDanish)
    let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("eksport.csv")))
    #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
    let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
    #expect(text.hasPrefix("id;sdq_p4_17_status_t1;sdq_p4_17_status_t2;pemotion_t1;pemotion_t2;"))
    #expect(text.contains("\r\n"))
    // RCI −1.5811388300841895 written with a decimal comma.
    #expect(text.contains("-1,5811388300841895"))
}

@Test func plainCSVIsRFC4180WithEmptyMissing() throws {
    let folder = try temporaryFolder()
    _ = try runJob(.csv, folder: folder)
    let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent("eksport.csv")), as: UTF8.self)
    #expect(text.hasPrefix("id,sdq_p4_17_status_t1,sdq_p4_17_status_t2,pemotion_t1,pemotion_t2,"))
    #expect(text.contains("-1.5811388300841895"))
    #expect(!text.contains("-9,") && !text.contains("-8,"))
}

@Test func freeTextItemsAreLeftOutUnlessAsked() throws {
    var instrument = try sdqParent()
    instrument.answerScales.append(AnswerScale(id: "fritekst", kind: .text))
    instrument.items.append(Item(id: "comment", variable: "pcomment", label: LocalizedText(["da": "Kommentar"]), answerScale: "fritekst", personalData: true))
    let source = ExportSource(instrument: instrument, occasions: ["T1"], responses: [
        ExportResponse(childID: "a", occasion: "T1", scores: ["emotion": 1], answers: ["comment": .text("Bor hos mor")]),
    ])
    let without = try DatasetBuilder(sources: [source], options: ExportOptions(includeItems: true), pseudonymizer: try fixedPseudonymizer()).build()
    #expect(!without.variables.contains { $0.name == "pcomment_t1" })
    let with = try DatasetBuilder(sources: [source], options: ExportOptions(includeItems: true, includePersonalData: true),
                                  pseudonymizer: try fixedPseudonymizer()).build()
    #expect(with.variables.first { $0.name == "pcomment_t1" }?.personalData == true)
}

import Foundation
import Testing
@testable import KortlaegDomain

struct InstrumentValidatorTests {
    let validator: InstrumentValidator

    init() throws {
        func schema(_ name: String) throws -> DefinitionFile {
            let path = instrumentsDirectory + "/schema/" + name
            return DefinitionFile(path: path, data: try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        validator = try InstrumentValidator(schema: schema("instrument.schema.json"), batterySchema: schema("battery.schema.json"))
    }

    @Test func shippedInstrumentsAreValid() throws {
        let files = try shippedFiles()
        let instruments = files.files(of: Instrument.self), batteries = files.files(of: Battery.self)
        // 8 SDQ, 3 trivsel and 3 own forms; 3 batteries (Instruments/).
        #expect(instruments.count == 14 && batteries.count == 3)
        let findings = validator.validate(instruments: instruments, batteries: batteries, catalog: try shippedCatalog())
        #expect(findings.isEmpty, "\(findings)")
    }

    /// Two files defining one `id@version` are both named.
    @Test func duplicateVersionAcrossFilesIsFound() throws {
        let original = try #require(try shippedFiles().first { $0.relativePath == "sdq/sdq-p4-17@1.0.0.json" })
        var copy = original
        copy.path = "copy.json"
        let findings = validator.validate(instruments: [original, copy], batteries: [], catalog: nil)
        #expect(findings == [InstrumentFinding(file: "copy.json", jsonPath: "$.id",
                                               message: "sdq-p4-17@1.0.0 is also defined in \(original.path)")])
    }

    /// Writes a modified copy of sdq-p4-17 and returns the findings for it.
    func findings(_ change: (inout [String: Any]) -> Void) throws -> [InstrumentFinding] {
        let path = instrumentsDirectory + "/sdq/sdq-p4-17@1.0.0.json"
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        change(&object)
        return validator.validate(DefinitionFile(path: "changed.json", data: try JSONSerialization.data(withJSONObject: object))).1
    }

    @Test func unknownItemInScaleIsNamedWithPathAndSuggestion() throws {
        let result = try findings { object in
            var scales = object["scales"] as! [[String: Any]]
            var items = scales[0]["items"] as! [String]
            items[1] = "wories"
            scales[0]["items"] = items
            object["scales"] = scales
        }
        #expect(result.map(\.jsonPath) == ["$.scales[0].items[1]"])
        #expect(result.first?.message == "unknown item 'wories'. Did you mean 'worries'?")
    }

    @Test func overlappingAndGappedBandsAreFound() throws {
        let result = try findings { object in
            var tables = object["bandTables"] as! [[String: Any]]
            var scores = tables[0]["scores"] as! [String: Any]
            var total = scores["ebdtot"] as! [String: Any]
            var bands = total["bands"] as! [[String: Any]]
            bands[1]["minimum"] = 13   // overlaps 0-13
            bands[2]["minimum"] = 18   // gap at 17
            total["bands"] = bands
            scores["ebdtot"] = total
            tables[0]["scores"] = scores
            object["bandTables"] = tables
        }
        #expect(result.map(\.jsonPath) == ["$.bandTables[0].scores.ebdtot.bands[1]", "$.bandTables[0].scores.ebdtot.bands[2]"])
        #expect(result[0].message.hasPrefix("overlaps the band before"))
        #expect(result[1].message == "gap before this band: values from 17 to 17 are in no band")
    }

    @Test func duplicateItemIdIsFound() throws {
        let result = try findings { object in
            var items = object["items"] as! [[String: Any]]
            items[1]["id"] = "consid"
            object["items"] = items
        }
        #expect(result.contains { $0.jsonPath == "$.items[1].id" && $0.message == "duplicate item id 'consid'" })
    }

    @Test func schemaRejectsUnknownKeysWithSuggestion() throws {
        let result = try findings { object in object["scoreOrdr"] = ["emotion"] }
        #expect(result.map(\.description).contains { $0.hasSuffix("$.scoreOrdr: error: unknown key 'scoreOrdr'. Did you mean 'scoreOrder'?") })
    }

    @Test func schemaChecksTypes() throws {
        let result = try findings { object in object["version"] = 1 }
        #expect(result.first?.jsonPath == "$.version")
        #expect(result.first?.message == "expected a string, found an integer")
    }
}

/// Danish reports and codebooks quote band tables' and norm sets' sources: every shipped one has
/// a Danish text, and the Danish source differs from the English (a copy would be an English
/// fragment; trivsel's norm-set name is Danish in both).
@Test func shippedBandTablesAndNormSetsHaveDanishSources() throws {
    let instruments = try shippedCatalog().entries.map(\.instrument)
    var checked = 0
    for instrument in instruments {
        for table in instrument.bandTables ?? [] {
            let source = try #require(table.sourceDa, "\(instrument.reference) band table \(table.id)")
            let normSet = try #require(table.normSetDa, "\(instrument.reference) band table \(table.id)")
            #expect(source != table.source && (normSet != table.normSet || instrument.id.hasPrefix("trivsel")))
            #expect(table.sourceText.text(.danish) == source && table.sourceText.text(.english) == table.source)
            checked += 1
        }
        for norms in instrument.normSets ?? [] {
            let source = try #require(norms.sourceDa, "\(instrument.reference) norm set \(norms.id)")
            #expect(source != norms.source && norms.sourceText.text(.danish) == source)
            checked += 1
        }
    }
    // 7 SDQ instruments with band tables (13 tables), 4 with norm sets (Instruments/sdq), trivsel-4-9's categories.
    #expect(checked == 18)
}

import Foundation
import Testing

@testable import KortlaegReaders

@Suite struct ODMReaderTests {
    // Expected counts were computed independently with Python's xml.etree.ElementTree:
    // FormData under SubjectData (any depth), ItemData inside them, ItemDef and CodeListItem.
    @Test(arguments: [
        ("arm-multiple-delete", 56, 224, 4, 3),
        ("checkboxes-1", 8, 50, 13, 24),
        ("decimal-comma", 4, 24, 6, 3),
        ("repeating-instruments", 6, 34, 13, 18),
        ("survey", 3, 16, 34, 52),
        ("validation-types-1", 1, 6, 53, 19),
    ])
    func redcapProjectXML(project: String, forms: Int, items: Int, itemDefs: Int, codeListItems: Int) throws {
        let (records, metadata) = try ODMReader(path: Fixture.path("redcap/\(project)/project.xml")).readAll()
        #expect(records.count == forms)
        #expect(records.reduce(0) { $0 + $1.fields.count } == items)
        #expect(metadata.items.count == itemDefs)
        #expect(metadata.codeLists.values.reduce(0) { $0 + $1.count } == codeListItems)
        #expect(metadata.sourceSystem == "REDCap")
        #expect(metadata.odmVersion == "1.3.1")
    }

    @Test func repeatingInstrumentKeepsRepeatKeyAndNoEvent() throws {
        let (records, metadata) = try ODMReader(path: Fixture.path("redcap/repeating-instruments/project.xml")).readAll()
        let bp = records.filter { $0.form == "Form.bp" && $0.subjectKey == "1" }
        #expect(bp.map(\.repeatKey) == ["1", "2", "3"])
        #expect(bp.allSatisfy { $0.occasion == nil })
        #expect(records[0].location == "line 158 (ODM/ClinicalData/SubjectData/FormData)")
        #expect(metadata.codeLists.values.contains { $0.contains(.init(code: "2", label: "Complete")) })
    }

    /// `ItemData`'s attributes in any order and with others around them; `IsNull="Yes"` leaves
    /// the item out, a missing `Value` is an empty answer, a prefixed `ItemOID` is not `ItemOID`.
    @Test func itemDataAttributesInAnyOrder() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:x="urn:x" ODMVersion="1.3.2">
             <ClinicalData StudyOID="S"><SubjectData SubjectKey="7"><FormData FormOID="F">
              <ItemGroupData ItemGroupOID="G">
               <ItemData Value="2" ItemOID="a"/>
               <ItemData x:Note="n" ItemOID="b" Value="1" TransactionType="Insert"/>
               <ItemData ItemOID="c" IsNull="Yes"/>
               <ItemData IsNull="No" ItemOID="d"/>
               <ItemData x:ItemOID="e" Value="3"/>
              </ItemGroupData>
             </FormData></SubjectData></ClinicalData>
            </ODM>
            """
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("odm-attributes-\(UUID().uuidString).xml").path
        try Data(xml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (records, _) = try ODMReader(path: path).readAll()
        #expect(records.count == 1)
        #expect(records.first?.fields.map { "\($0.name)=\($0.value)" } == ["a=2", "b=1", "d="])
    }

    @Test func longitudinalUsesUniqueEventName() throws {
        let (records, _) = try ODMReader(path: Fixture.path("redcap/arm-multiple-delete/project.xml")).readAll()
        #expect(records.first?.occasion == "event_1_arm_1")
    }
}

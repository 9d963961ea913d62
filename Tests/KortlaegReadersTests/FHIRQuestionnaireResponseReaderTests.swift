import Foundation
import Testing

@testable import KortlaegReaders

@Suite struct FHIRQuestionnaireResponseReaderTests {
    // Answer counts computed independently with Python's json module (walking item/answer/item).

    @Test func klChildrenSDQWithDanishAnswerStrings() throws {
        let response = try FHIRQuestionnaireResponseReader.read(
            path: Fixture.path("fhir/kl-children-QuestionnaireResponse-SDQ4-10AnswerLars.json"))
        #expect(response.answers.count == 26)
        #expect(response.answers.first == {
            var a = FHIRAnswer(linkId: "1friendly"); a.string = "Passer godt"; return a
        }())
        #expect(response.answers.last?.linkId == "26difficulties")
        #expect(response.answers.last?.text == "Nej")
        #expect(response.questionnaire == "http://fhir.kl.dk/children/Questionnaire/klgateway-children-sdq11-17")
        #expect(response.subject == "Patient/Lars")
        #expect(response.authored == "2024-04-23")
        let record = response.sourceRecord(source: "lars.json")
        #expect(record["2restless"] == "Passer delvist")
    }

    @Test func phq9NestedItemsJSONAndXMLAgree() throws {
        let json = try FHIRQuestionnaireResponseReader.read(path: Fixture.path("fhir/sdc-questionnaireresponse-PHQ9.json"))
        let xml = try FHIRQuestionnaireResponseReader.read(path: Fixture.path("fhir/sdc-questionnaireresponse-PHQ9.xml"))
        #expect(json.answers.count == 10)
        #expect(json.answers[0].linkId == "H1/T1/Q1")
        #expect(json.answers[0].code == "Not-at-all" && json.answers[0].display == "Not at all")
        #expect(json.answers.last?.linkId == "H1/TS")
        #expect(json.answers.last?.decimal == 13)
        #expect(xml.answers.map(\.linkId) == json.answers.map(\.linkId))
        #expect(xml.answers.map(\.text) == json.answers.map(\.text))
        #expect(xml.authored == json.authored && xml.questionnaire == json.questionnaire && xml.subject == json.subject)
    }

    @Test func weightsFromOrdinalValueAndItemWeight() throws {
        let text = """
            {"resourceType":"QuestionnaireResponse","item":[{"linkId":"a","answer":[{"valueCoding":{"code":"x",
            "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/ordinalValue","valueDecimal":2}]}}]},
            {"linkId":"b","answer":[{"valueInteger":3,"extension":[{"url":"http://hl7.org/fhir/StructureDefinition/itemWeight","valueDecimal":1.5}],
            "item":[{"linkId":"b1","answer":[{"valueString":"s"}]}]}]}]}
            """
        let response = try FHIRQuestionnaireResponseReader.readJSON(Data(text.utf8), file: "w.json")
        #expect(response.answers.map(\.linkId) == ["a", "b", "b1"])
        #expect(response.answers.map(\.weight) == [2, 1.5, nil])
        #expect(response.answers[1].integer == 3)
    }

    @Test func wrongResourceType() throws {
        #expect(throws: FHIRReadError.notQuestionnaireResponse(file: "q.json", found: "Questionnaire")) {
            try FHIRQuestionnaireResponseReader.readJSON(Data("{\"resourceType\":\"Questionnaire\"}".utf8), file: "q.json")
        }
    }
}

import Foundation

/// Reads a FHIR R4 QuestionnaireResponse from JSON or XML (chosen by the first character).
///
/// Handles nested items (items in items and items under answers), every `value[x]` Kortlæg
/// meets, and weights from the `ordinalValue` or `itemWeight` extension.
public enum FHIRQuestionnaireResponseReader {
    /// Reads the file at `path`.
    /// - Throws: ``FHIRReadError`` or, for XML, ``XMLReadError``.
    public static func read(path: String) throws -> FHIRQuestionnaireResponse {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FHIRReadError.unreadable(file: path, reason: "the file does not exist or cannot be opened")
        }
        let first = data.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        if first == UInt8(ascii: "<") { return try readXML(path: path) }
        return try readJSON(data, file: path)
    }

    // MARK: - JSON

    static func readJSON(_ data: Data, file: String) throws -> FHIRQuestionnaireResponse {
        guard let object = try? JSONSerialization.jsonObject(with: data), let root = object as? [String: Any] else {
            throw FHIRReadError.invalidJSON(file: file)
        }
        let type = root["resourceType"] as? String ?? "resource without resourceType"
        guard type == "QuestionnaireResponse" else {
            throw FHIRReadError.notQuestionnaireResponse(file: file, found: type)
        }
        var response = FHIRQuestionnaireResponse()
        response.questionnaire = root["questionnaire"] as? String
        response.authored = root["authored"] as? String
        response.status = root["status"] as? String
        response.subject = (root["subject"] as? [String: Any])?["reference"] as? String
        collect(items: root["item"], into: &response.answers)
        return response
    }

    private static func collect(items: Any?, into answers: inout [FHIRAnswer]) {
        for item in items as? [[String: Any]] ?? [] {
            let linkId = item["linkId"] as? String ?? ""
            for answerObject in item["answer"] as? [[String: Any]] ?? [] {
                var answer = FHIRAnswer(linkId: linkId)
                for (key, value) in answerObject where key.hasPrefix("value") {
                    apply(key: key, value: value, to: &answer)
                }
                answer.weight = answer.weight ?? weight(in: answerObject["extension"])
                answers.append(answer)
                collect(items: answerObject["item"], into: &answers)
            }
            collect(items: item["item"], into: &answers)
        }
    }

    private static func apply(key: String, value: Any, to answer: inout FHIRAnswer) {
        switch key {
        case "valueCoding":
            let coding = value as? [String: Any] ?? [:]
            answer.code = coding["code"] as? String
            answer.display = coding["display"] as? String
            answer.system = coding["system"] as? String
            answer.weight = weight(in: coding["extension"])
        case "valueInteger":
            answer.integer = (value as? NSNumber)?.intValue
        case "valueDecimal":
            answer.decimal = (value as? NSNumber)?.doubleValue
        case "valueQuantity":
            answer.decimal = ((value as? [String: Any])?["value"] as? NSNumber)?.doubleValue
        case "valueBoolean":
            answer.string = (value as? Bool).map { $0 ? "true" : "false" }
        default:
            answer.string = value as? String
        }
    }

    private static func weight(in extensions: Any?) -> Double? {
        for ext in extensions as? [[String: Any]] ?? [] {
            guard let url = ext["url"] as? String, FHIRAnswer.isWeightExtension(url) else { continue }
            if let number = (ext["valueDecimal"] ?? ext["valueInteger"]) as? NSNumber { return number.doubleValue }
        }
        return nil
    }

    // MARK: - XML

    static func readXML(path: String) throws -> FHIRQuestionnaireResponse {
        let xml = try XMLStreamReader(path: path)
        var response = FHIRQuestionnaireResponse()
        var linkIds: [String] = []
        var answerStack: [FHIRAnswer] = []
        var answerPositions: [Int] = []
        var weightExtension = false
        var names: [String] = []
        var sawRoot = false
        while let node = try xml.next() {
            switch node {
            case let .startElement(name, attributes, _):
                if !sawRoot {
                    sawRoot = true
                    guard name == "QuestionnaireResponse" else {
                        throw FHIRReadError.notQuestionnaireResponse(file: path, found: name)
                    }
                }
                let parent = names.last ?? ""
                let grandparent = names.count >= 2 ? names[names.count - 2] : ""
                names.append(name)
                let value = attributes["value"]
                switch (parent, name) {
                case ("QuestionnaireResponse", "questionnaire"): response.questionnaire = value
                case ("QuestionnaireResponse", "authored"): response.authored = value
                case ("QuestionnaireResponse", "status"): response.status = value
                case ("subject", "reference") where grandparent == "QuestionnaireResponse": response.subject = value
                case ("item", "item"), ("answer", "item"), ("QuestionnaireResponse", "item"): linkIds.append("")
                case ("item", "linkId"): if !linkIds.isEmpty { linkIds[linkIds.count - 1] = value ?? "" }
                case ("item", "answer"):
                    answerStack.append(FHIRAnswer(linkId: linkIds.last ?? ""))
                    answerPositions.append(response.answers.count)
                case ("answer", "extension"), ("valueCoding", "extension"):
                    weightExtension = FHIRAnswer.isWeightExtension(attributes["url"] ?? "")
                case ("extension", "valueDecimal"), ("extension", "valueInteger"):
                    if weightExtension, !answerStack.isEmpty, grandparent == "answer" || grandparent == "valueCoding" {
                        answerStack[answerStack.count - 1].weight = value.flatMap(Double.init)
                    }
                case ("valueCoding", "code"): answerStack.indices.last.map { answerStack[$0].code = value }
                case ("valueCoding", "display"): answerStack.indices.last.map { answerStack[$0].display = value }
                case ("valueCoding", "system"): answerStack.indices.last.map { answerStack[$0].system = value }
                case ("valueQuantity", "value"):
                    answerStack.indices.last.map { answerStack[$0].decimal = value.flatMap(Double.init) }
                case ("answer", _) where name.hasPrefix("value"):
                    guard let index = answerStack.indices.last, let value else { break }
                    switch name {
                    case "valueInteger": answerStack[index].integer = Int(value)
                    case "valueDecimal": answerStack[index].decimal = Double(value)
                    default: answerStack[index].string = value
                    }
                default: break
                }
            case .endElement(let name):
                names.removeLast()
                let parent = names.last ?? ""
                switch name {
                case "answer" where parent == "item":
                    if let answer = answerStack.popLast() {
                        // Answers nested under this answer are already in; put this one before them.
                        response.answers.insert(answer, at: answerPositions.removeLast())
                    }
                case "item": linkIds.removeLast()
                case "extension": weightExtension = false
                default: break
                }
            case .text: break
            }
        }
        return response
    }

}

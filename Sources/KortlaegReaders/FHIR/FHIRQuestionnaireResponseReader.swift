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
        let first: UInt8?
        do { first = try TextStart.firstCharacter(of: data) } catch {
            throw FHIRReadError.unreadable(file: path, reason: "\(error)")
        }
        if first == UInt8(ascii: "<") { return try readXML(path: path) }
        return try readJSON(data, file: path)
    }

    // MARK: - JSON

    static func readJSON(_ data: Data, file: String) throws -> FHIRQuestionnaireResponse {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw FHIRReadError.invalidJSON(file: file, problem: JSONSyntaxProblem(error, in: data))
        }
        guard let root = object as? [String: Any] else {
            throw FHIRReadError.notQuestionnaireResponse(file: file, found: "JSON that is not an object")
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
        collect(items: root["item"], path: "item", into: &response)
        return response
    }

    private static func collect(items: Any?, path: String, into response: inout FHIRQuestionnaireResponse) {
        for (itemIndex, item) in (items as? [[String: Any]] ?? []).enumerated() {
            let itemPath = "\(path)[\(itemIndex)]"
            let linkId = item["linkId"] as? String ?? ""
            for (answerIndex, answerObject) in (item["answer"] as? [[String: Any]] ?? []).enumerated() {
                let answerPath = "\(itemPath).answer[\(answerIndex)]"
                var answer = FHIRAnswer(linkId: linkId)
                var problem: FHIRValueProblem?
                for (key, value) in answerObject where key.hasPrefix("value") {
                    if key == "valueInteger", let reason = integerProblem(value) {
                        problem = FHIRValueProblem(linkId: linkId, path: "\(answerPath).valueInteger",
                                                   value: (value as? NSNumber).flatMap { isBoolean($0) ? nil : "\($0)" },
                                                   reason: reason)
                        continue
                    }
                    apply(key: key, value: value, to: &answer)
                }
                answer.weight = answer.weight ?? weight(in: answerObject["extension"])
                if let problem { response.problems.append(problem) } else { response.answers.append(answer) }
                collect(items: answerObject["item"], path: "\(answerPath).item", into: &response)
            }
            collect(items: item["item"], path: "\(itemPath).item", into: &response)
        }
    }

    /// Why a `valueInteger` is not exactly an integer (FHIR: a JSON number without fraction or
    /// exponent, −2³¹…2³¹−1), nil when it is one. Nothing is rounded or coerced.
    static func integerProblem(_ value: Any) -> String? {
        let expected = "expected a whole number (valueInteger)"
        switch value {
        case is NSNull: return "valueInteger is null; \(expected), or leave the answer out"
        case is String: return "valueInteger is a string; \(expected) without quotes"
        case is [Any]: return "valueInteger is an array; \(expected)"
        case is [String: Any]: return "valueInteger is an object; \(expected)"
        case let number as NSNumber:
            if isBoolean(number) { return "valueInteger is true/false; \(expected)" }
            if number is NSDecimalNumber { return "valueInteger is too large; \(expected) between -2147483648 and 2147483647" }
            let type = String(cString: number.objCType)
            guard ["c", "C", "s", "S", "i", "I", "l", "L", "q", "Q"].contains(type) else {
                return "valueInteger has a fraction or an exponent; \(expected)"
            }
            guard type != "Q" || number.uint64Value <= UInt64(Int32.max),
                  (Int64(Int32.min)...Int64(Int32.max)).contains(number.int64Value) else {
                return "valueInteger is too large; \(expected) between -2147483648 and 2147483647"
            }
            return nil
        default: return "valueInteger is not a number; \(expected)"
        }
    }

    /// Whether JSON `true`/`false` (Foundation gives them as NSNumber).
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(describing: type(of: number)).contains("Boolean")
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

import Foundation
import KortlaegDomain

/// The JSON form of a response's answers, as stored (SQLite's `response.answers` column) and as
/// written into the audit log when a response is replaced:
/// `{"c":{"item":code,…},"n":{"item":number,…},"t":{"item":"text",…}}` (empty groups left out,
/// keys sorted). Codes, numbers and texts are kept apart so a number 2.0 never reads back as
/// code 2. Items a file answered with a source missing code keep their reason in a fourth group,
/// `"m":{"item":"refused",…}` (`notAsked`, `refused`, `dontKnow`, `missing`): never an answer.
/// Stores written before the group existed simply have none; a Kortlæg that does not know the
/// group ignores it.
package enum AnswerCoding {
    private struct Groups: Codable {
        var c: [String: Int]?
        var n: [String: Double]?
        var t: [String: String]?
        var m: [String: String]?
    }

    package static func encode(_ answers: [String: AnswerValue], missingReasons: [String: String] = [:]) -> String {
        var codes: [(String, Int)] = []
        var numbers: [(String, Double)] = []
        var texts: [(String, String)] = []
        codes.reserveCapacity(answers.count)
        for (item, value) in answers {
            switch value {
            case .code(let code): codes.append((item, code))
            case .number(let number): numbers.append((item, number))
            case .text(let text): texts.append((item, text))
            }
        }
        // One string appended to in place (a response is encoded per stored row).
        var out = "{"
        out.reserveCapacity(16 + 14 * answers.count)
        var first = true
        func group(_ name: String, _ count: Int, _ member: (Int, inout String) -> Void) {
            guard count > 0 else { return }
            if !first { out += "," }
            first = false
            out += "\"" + name + "\":{"
            for index in 0..<count {
                if index > 0 { out += "," }
                member(index, &out)
            }
            out += "}"
        }
        codes.sort { $0.0 < $1.0 }
        group("c", codes.count) { index, out in
            appendQuoted(codes[index].0, to: &out)
            out += ":"
            out += String(codes[index].1)
        }
        numbers.sort { $0.0 < $1.0 }
        group("n", numbers.count) { index, out in
            appendQuoted(numbers[index].0, to: &out)
            out += ":"
            out += number(numbers[index].1)
        }
        texts.sort { $0.0 < $1.0 }
        group("t", texts.count) { index, out in
            appendQuoted(texts[index].0, to: &out)
            out += ":"
            appendQuoted(texts[index].1, to: &out)
        }
        let reasons = missingReasons.sorted { $0.key < $1.key }
        group("m", reasons.count) { index, out in
            appendQuoted(reasons[index].key, to: &out)
            out += ":"
            appendQuoted(reasons[index].value, to: &out)
        }
        return out + "}"
    }

    /// The reasons of the items answered with a source missing code (item → reason), if any.
    /// A text in ``AnswerLayout``'s short form has none.
    package static func decodeMissingReasons(_ json: String, layout: AnswerLayout? = nil) throws -> [String: String] {
        if AnswerLayout.isShort(json) { return [:] }
        return try JSONDecoder().decode(Groups.self, from: Data(json.utf8)).m ?? [:]
    }

    /// The answers of a stored text: JSON, or ``AnswerLayout``'s short form read with `layout`
    /// (the layout kept with the response's scoring row).
    package static func decode(_ json: String, layout: AnswerLayout? = nil) throws -> [String: AnswerValue] {
        try decodeWithReasons(json, layout: layout).answers
    }

    /// The answers and the missing codes' reasons, decoded once.
    /// - Throws: ``StoreError/database(_:)`` for a short-form text without its layout.
    package static func decodeWithReasons(_ json: String, layout: AnswerLayout? = nil) throws -> (answers: [String: AnswerValue], missingReasons: [String: String]) {
        if AnswerLayout.isShort(json) {
            guard let layout else {
                throw StoreError.database("stored answers are in the short form, but their scoring row keeps no layout of the items")
            }
            return (try layout.decode(json), [:])
        }
        let groups = try JSONDecoder().decode(Groups.self, from: Data(json.utf8))
        var answers: [String: AnswerValue] = [:]
        for (item, code) in groups.c ?? [:] { answers[item] = .code(code) }
        for (item, value) in groups.n ?? [:] { answers[item] = .number(value) }
        for (item, text) in groups.t ?? [:] { answers[item] = .text(text) }
        return (answers, groups.m ?? [:])
    }

    private static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    /// Appends ``quoted(_:)`` of `text` to `out`.
    private static func appendQuoted(_ text: String, to out: inout String) {
        if needsNoEscaping(text) {
            out += "\""
            out += text
            out += "\""
        } else {
            out += quoted(text)
        }
    }

    /// Whether `text` is printable ASCII without `"` and `\\` (item ids and most values).
    private static func needsNoEscaping(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 < 0x80 }
    }

    /// A JSON string literal.
    package static func quoted(_ text: String) -> String {
        // Fast path: item ids and most values need no escaping.
        if needsNoEscaping(text) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

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
        for (item, value) in answers {
            switch value {
            case .code(let code): codes.append((item, code))
            case .number(let number): numbers.append((item, number))
            case .text(let text): texts.append((item, text))
            }
        }
        var parts: [String] = []
        if !codes.isEmpty {
            parts.append("\"c\":{" + codes.sorted { $0.0 < $1.0 }.map { "\(quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}")
        }
        if !numbers.isEmpty {
            parts.append("\"n\":{" + numbers.sorted { $0.0 < $1.0 }.map { "\(quoted($0.0)):\(number($0.1))" }.joined(separator: ",") + "}")
        }
        if !texts.isEmpty {
            parts.append("\"t\":{" + texts.sorted { $0.0 < $1.0 }.map { "\(quoted($0.0)):\(quoted($0.1))" }.joined(separator: ",") + "}")
        }
        if !missingReasons.isEmpty {
            parts.append("\"m\":{" + missingReasons.sorted { $0.key < $1.key }.map { "\(quoted($0.key)):\(quoted($0.value))" }.joined(separator: ",") + "}")
        }
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// The reasons of the items answered with a source missing code (item → reason), if any.
    package static func decodeMissingReasons(_ json: String) throws -> [String: String] {
        try JSONDecoder().decode(Groups.self, from: Data(json.utf8)).m ?? [:]
    }

    package static func decode(_ json: String) throws -> [String: AnswerValue] {
        try decodeWithReasons(json).answers
    }

    /// The answers and the missing codes' reasons, decoded once.
    package static func decodeWithReasons(_ json: String) throws -> (answers: [String: AnswerValue], missingReasons: [String: String]) {
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

    /// A JSON string literal.
    package static func quoted(_ text: String) -> String {
        // Fast path: item ids and most values need no escaping.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 < 0x80 }) { return "\"" + text + "\"" }
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

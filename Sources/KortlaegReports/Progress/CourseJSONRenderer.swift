import Foundation
import KortlaegDomain
import KortlaegProgress

/// Writes a ``CourseReport`` as one JSON object: the occasions, the rows of
/// ``CourseCSVRenderer/groupRows`` as objects (numbers as numbers, empty fields left out), the
/// children seen and paired per occasion, the notes in the report's language.
public struct CourseJSONRenderer: Sendable {
    public var report: CourseReport
    public var language: Language

    public init(report: CourseReport, language: Language = .danish) {
        self.report = report
        self.language = language
    }

    /// The JSON text (pretty-printed, keys sorted), ending with a newline.
    public var text: String {
        let rows = CourseCSVRenderer(report: report, language: language).groupRows
        let groups: [[String: Any]] = rows.dropFirst().map { row in
            var object: [String: Any] = [:]
            for (column, value) in zip(rows[0], row) where !value.isEmpty {
                if !CourseCSVRenderer.textGroupColumns.contains(column), let number = Double(value) {
                    object[column] = number == number.rounded() && abs(number) < 1e15 ? Int(number) as Any : number as Any
                } else {
                    object[column] = value
                }
            }
            return object
        }
        let analysis = report.analysis
        let occasions: [[String: Any]] = analysis.occasions.enumerated().map { index, code in
            var entry: [String: Any] = ["occasion": code, "children": analysis.groups.reduce(0) { $0 + $1.children[index] },
                                        "duplicates": analysis.duplicates[index].count]
            if index > 0 {
                let pairing = analysis.followUps[index - 1].pairing
                entry["pairedWithFirst"] = pairing.pairs.count
                entry["onlyFirst"] = pairing.onlyBefore.count
            }
            if index < report.rejectedRows.count { entry["rejectedRows"] = report.rejectedRows[index] }
            return entry
        }
        let object: [String: Any] = [
            "occasions": occasions, "groups": groups, "notes": report.notes.map { $0.text(language) },
            "suppressionThreshold": analysis.suppressionThreshold,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

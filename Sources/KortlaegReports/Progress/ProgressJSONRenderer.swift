import Foundation
import KortlaegDomain
import KortlaegProgress
import KortlaegStatistics

/// Writes a ``ProgressReport`` as one JSON object: the group rows of ``ProgressCSVRenderer`` as
/// objects (empty fields left out), the pairing counts, the unpaired ids (masked where CPR-shaped)
/// and the notes in the report's language.
public struct ProgressJSONRenderer: Sendable {
    /// The report to write.
    public var report: ProgressReport
    /// The language of the notes.
    public var language: Language

    /// A renderer.
    public init(report: ProgressReport, language: Language = .danish) {
        self.report = report
        self.language = language
    }

    /// The JSON text (pretty-printed, keys sorted), ending with a newline.
    public var text: String {
        let rows = ProgressCSVRenderer(report: report, language: language).groupRows
        // Numbers as JSON numbers; text columns (names, methods, reasons) as strings.
        let groups: [[String: Any]] = rows.dropFirst().map { row in
            var object: [String: Any] = [:]
            for (column, value) in zip(rows[0], row) where !value.isEmpty {
                if !ProgressCSVRenderer.textGroupColumns.contains(column), let number = Double(value) {
                    object[column] = number == number.rounded() && abs(number) < 1e15 ? Int(number) as Any : number as Any
                } else {
                    object[column] = value
                }
            }
            return object
        }
        let pairing = report.analysis.pairing
        let object: [String: Any] = [
            "from": report.from, "to": report.to, "groups": groups, "notes": report.notes.map { $0.text(language) },
            "paired": pairing.pairs.count,
            "onlyFrom": pairing.onlyBefore.map(CPRNumber.masked),
            "onlyTo": pairing.onlyAfter.map(CPRNumber.masked),
            "duplicates": pairing.duplicates.map(CPRNumber.masked),
            "suppressionThreshold": report.analysis.suppressionThreshold,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

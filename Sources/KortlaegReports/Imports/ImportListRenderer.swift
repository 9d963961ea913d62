import Foundation
import KortlaegDomain
import KortlaegStore

/// Writes the imports of a project (``StoredImport``) as a text table, CSV or JSON.
///
/// "stored", "unchanged", "replaced" and "problems" are the import's own counts; "held now" counts
/// the responses (and trivselsmåling figures) stored under the import today.
public struct ImportListRenderer: Sendable {
    /// The imports, oldest first.
    public var imports: [StoredImport]
    /// The project as the user named it (for the hint under the table).
    public var location: String
    /// The language of headers and texts.
    public var language: Language

    /// A renderer.
    public init(imports: [StoredImport], location: String, language: Language = .danish) {
        self.imports = imports
        self.location = location
        self.language = language
    }

    private typealias Text = Phrasebook.Imports

    /// The column headers in `language` (text and CSV).
    var header: [String] {
        [Text.number, Text.importedAt, Text.file, Text.by, Text.instrument, Text.occasion, Text.informant, Text.stored,
         Text.unchanged, Text.replaced, Text.problems, Text.heldNow, Text.status].map { $0(language) }
    }

    /// One row per import, in header order.
    var rows: [[String]] {
        imports.map { batch in
            let informants = batch.informants.map { name in Informant(rawValue: name).map { Phrasebook.informant($0)(language) } ?? name }
            var held = String(batch.responses)
            if batch.trivselFigures > 0 { held += " + \(batch.trivselFigures) " + Text.trivselFigures(language) }
            return [String(batch.id), batch.importedAt, batch.fileName, batch.operator,
                    batch.instruments.joined(separator: " "), batch.occasions.joined(separator: " "),
                    informants.joined(separator: " "), String(batch.accepted), String(batch.unchanged),
                    String(batch.replaced), String(batch.rejected), held,
                    batch.removedAt.map { Text.removed(at: $0, by: batch.removedBy ?? "?")(language) } ?? ""]
        }
    }

    /// The table with a hint how to remove an import, ending with a newline.
    public var text: String {
        guard !imports.isEmpty else { return Text.none(language) + "\n" }
        let table = TextTable(header: header, rows: rows, rightAligned: [0, 7, 8, 9, 10])
        return table.lines.joined(separator: "\n") + "\n\n" + Text.removeHint(location)(language) + "\n"
    }

    /// The table as CSV (header in `language`; numbers as numbers).
    public var csv: String {
        var rows = self.rows
        for index in rows.indices { rows[index][11] = String(imports[index].responses) }
        return CSVTable(rows: [header] + rows).text
    }

    /// The imports as a JSON array (keys in English, sorted), ending with a newline.
    public var json: String {
        let objects: [[String: Any]] = imports.map { batch in
            var object: [String: Any] = [
                "id": batch.id, "fileName": batch.fileName, "sha256": batch.sha256, "profile": batch.profile,
                "importedAt": batch.importedAt, "operator": batch.operator, "accepted": batch.accepted,
                "rejected": batch.rejected, "replaced": batch.replaced, "unchanged": batch.unchanged,
                "responses": batch.responses, "trivselFigures": batch.trivselFigures, "instruments": batch.instruments,
                "occasions": batch.occasions, "informants": batch.informants, "removed": batch.isRemoved,
            ]
            if let at = batch.removedAt { object["removedAt"] = at }
            if let who = batch.removedBy { object["removedBy"] = who }
            return object
        }
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

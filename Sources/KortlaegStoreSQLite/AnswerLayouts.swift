import GRDB
import KortlaegStore

/// The layouts of the short answers (``AnswerLayout``) kept with the scoring rows
/// (`scoring.answerItems`, schema v10), by scoring id: read once per scan of responses (a store
/// has a handful of scoring rows).
struct AnswerLayouts {
    private var byScoring: [Int64: AnswerLayout] = [:]

    /// Every scoring row's layout.
    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, answerItems FROM scoring WHERE answerItems <> ''")
        while let row = try rows.next() {
            if let layout = AnswerLayout(stored: row[1]) { byScoring[row[0]] = layout }
        }
    }

    /// The layout kept with scoring row `scoringID`, if any.
    subscript(scoringID: Int64) -> AnswerLayout? { byScoring[scoringID] }

    /// Keeps `layout` with scoring row `scoringID` when the row keeps none yet; whether the row's
    /// layout is now `layout`.
    static func adopt(_ layout: AnswerLayout, scoringID: Int64, in db: Database) throws -> Bool {
        guard let kept = try String.fetchOne(db, sql: "SELECT answerItems FROM scoring WHERE id = ?", arguments: [scoringID]) else {
            return false
        }
        if kept.isEmpty {
            try db.execute(sql: "UPDATE scoring SET answerItems = ? WHERE id = ?", arguments: [layout.stored, scoringID])
            return true
        }
        return AnswerLayout(stored: kept) == layout
    }
}

import GRDB
import KortlaegStore

/// The layouts of the short stored forms kept with the scoring rows (schema v10): of the answers
/// (``AnswerLayout``, `scoring.answerItems`) and of the scores (``ScoreLayout``,
/// `scoring.scoreItems`), by scoring id. Read once per scan of responses (a store has a handful
/// of scoring rows).
struct ShortFormLayouts {
    private var answers: [Int64: AnswerLayout] = [:]
    private var scores: [Int64: ScoreLayout] = [:]

    /// Every scoring row's layouts.
    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, answerItems, scoreItems FROM scoring WHERE answerItems <> '' OR scoreItems <> ''")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            if let layout = AnswerLayout(stored: row[1]) { answers[id] = layout }
            if let layout = ScoreLayout(stored: row[2]) { scores[id] = layout }
        }
    }

    /// The answers' layout kept with scoring row `scoringID`, if any.
    func answers(_ scoringID: Int64) -> AnswerLayout? { answers[scoringID] }

    /// The scores' layout kept with scoring row `scoringID`, if any.
    func scores(_ scoringID: Int64) -> ScoreLayout? { scores[scoringID] }

    /// Keeps `layout` (``AnswerLayout/stored`` or ``ScoreLayout/stored``) in `column` of scoring row
    /// `scoringID` when the row keeps none yet; whether the row's layout is now `layout`.
    static func adopt(_ layout: String, column: Column, scoringID: Int64, in db: Database) throws -> Bool {
        guard let kept = try String.fetchOne(db, sql: "SELECT \(column.rawValue) FROM scoring WHERE id = ?", arguments: [scoringID]) else {
            return false
        }
        if kept.isEmpty {
            try db.execute(sql: "UPDATE scoring SET \(column.rawValue) = ? WHERE id = ?", arguments: [layout, scoringID])
            return true
        }
        return kept == layout
    }

    /// The scoring row's columns that keep a layout.
    enum Column: String {
        case answers = "answerItems"
        case scores = "scoreItems"
    }
}

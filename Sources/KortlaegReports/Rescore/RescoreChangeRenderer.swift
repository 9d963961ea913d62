import KortlaegStore

/// Writes the score changes of a rescoring as tab-separated lines for the terminal or a
/// spreadsheet: child (pseudonym label), occasion, informant, instrument, score, old and new value
/// and bands. Values are written as `kortlaeg score` writes them (`12`, `3.5`), missing ones empty.
public enum RescoreChangeRenderer {
    /// The header line.
    public static let header = CSVTable.line(
        ["child", "occasion", "informant", "instrument", "score", "old", "new", "old_bands", "new_bands"], delimiter: "\t")

    /// One change as a line. The child is shown by the first 12 characters of its pseudonym.
    public static func line(_ change: ScoreChange) -> String {
        CSVTable.line([String(change.pseudonym.prefix(12)), change.occasion, change.informant, change.instrument,
                       change.score, change.old.map(value) ?? "", change.new.map(value) ?? "",
                       change.oldBands ?? "", change.newBands ?? ""], delimiter: "\t")
    }

    /// A score value: integers without decimals, others in Swift's shortest round-trip form.
    private static func value(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
    }
}

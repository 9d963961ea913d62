/// Places scores in bands of an instrument's band tables.
public struct BandLookup: Sendable {
    /// The band tables, in instrument order.
    public let tables: [BandTable]
    private let labels: [String: LocalizedText]

    /// Creates a lookup for `instrument`.
    public init(instrument: Instrument) {
        tables = instrument.bandTables ?? []
        labels = Dictionary((instrument.bandLabels ?? []).map { ($0.id, $0.label) }, uniquingKeysWith: { a, _ in a })
    }

    /// The band of `value` for score `scoreID` in `table`, or nil when the table has no bands for
    /// the score or the value is missing.
    public func band(table: BandTable, scoreID: String, value: Double?) -> BandTable.Band? {
        Self.band(table: table, scoreID: scoreID, value: value)
    }

    /// The band of `value` for score `scoreID` in `table` (needs no lookup: the labels are not read).
    public static func band(table: BandTable, scoreID: String, value: Double?) -> BandTable.Band? {
        guard let value, let bands = table.scores[scoreID]?.bands else { return nil }
        return bands.first { $0.contains(value) }
    }

    /// The label of a band in `language`.
    public func label(of band: BandTable.Band, language: Language) -> String {
        labels[band.label]?.text(language) ?? band.label
    }
}

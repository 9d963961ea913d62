import KortlaegDomain

/// `tool list`: one row per battery (mapping tool) version, as a text table.
public struct BatteryListText: Sendable {
    /// The batteries listed.
    public var catalog: BatteryCatalog
    /// The language of the titles and headings.
    public var language: Language

    /// A text in `language`.
    public init(catalog: BatteryCatalog, language: Language) {
        self.catalog = catalog
        self.language = language
    }

    /// The table: id, version, intervention model, ages, title.
    public var text: String {
        let header = [Phrasebook.columnID, Phrasebook.columnVersion, Phrasebook.columnModel, Phrasebook.columnAges, Phrasebook.columnTitle].map { $0(language) }
        let rows = catalog.entries.map { entry in
            let battery = entry.battery
            return [battery.id, battery.version, battery.model.id, "\(battery.ageRange.minimum)-\(battery.ageRange.maximum)",
                    battery.title.text(language)]
        }
        return TextTable(header: header, rows: rows).text
    }
}

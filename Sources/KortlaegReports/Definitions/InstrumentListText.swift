import KortlaegDomain

/// `instruments list`: one row per instrument version, as a text table.
public struct InstrumentListText: Sendable {
    /// The instruments listed.
    public var catalog: InstrumentCatalog
    /// The language of the titles and headings.
    public var language: Language

    /// A text in `language`.
    public init(catalog: InstrumentCatalog, language: Language) {
        self.catalog = catalog
        self.language = language
    }

    /// The table: id, version, informant (the code `--informant` takes), ages, title.
    public var text: String {
        let header = [Phrasebook.columnID, Phrasebook.columnVersion, Phrasebook.columnInformant, Phrasebook.columnAges, Phrasebook.columnTitle].map { $0(language) }
        let rows = catalog.entries.map { entry in
            let instrument = entry.instrument
            return [instrument.id, instrument.version, instrument.informant.rawValue,
                    instrument.ageRange.map { "\($0.minimum)-\($0.maximum)" } ?? "", instrument.title.text(language)]
        }
        return TextTable(header: header, rows: rows).text
    }
}

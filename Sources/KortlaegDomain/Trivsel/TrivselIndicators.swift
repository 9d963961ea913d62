/// The trivselsmåling indicators the instrument files define, in official order.
///
/// An indicator is a scale with `resultColumns`: the column names under which aggregated results
/// files publish its group means (`Social trivsel`, `Generel skoletrivsel`). Its id is the scale
/// id and its name the scale's label; the order is the instruments' (by id), then the scales'.
/// Of several versions of one instrument the newest counts; an id defined twice counts once
/// (the first). Adding an indicator is a change to an instrument file, not to the code.
public struct TrivselIndicators: Hashable, Sendable {
    /// One indicator with the names results files give its column.
    public struct Definition: Hashable, Sendable {
        /// The indicator (id, name, position).
        public var indicator: TrivselIndicator
        /// The column names in results files, the official one first.
        public var resultColumns: [String]
        /// The instrument that defines it.
        public var instrument: InstrumentReference
    }

    /// Every indicator with its column names, in official order.
    public let definitions: [Definition]

    /// Every indicator, in official order.
    public var all: [TrivselIndicator] { definitions.map(\.indicator) }

    /// Collects the indicators of `instruments`.
    public init(instruments: [Instrument]) {
        var newest: [String: Instrument] = [:]
        var order: [String] = []
        for instrument in instruments {
            if let kept = newest[instrument.id] {
                let keptVersion = SemanticVersion(kept.version) ?? SemanticVersion("0.0.0")!
                if (SemanticVersion(instrument.version) ?? SemanticVersion("0.0.0")!) > keptVersion {
                    newest[instrument.id] = instrument
                }
            } else {
                newest[instrument.id] = instrument
                order.append(instrument.id)
            }
        }
        var definitions: [Definition] = []
        var seen: Set<String> = []
        for id in order.sorted() {
            let instrument = newest[id]!
            for scale in instrument.scales {
                guard let columns = scale.resultColumns, !columns.isEmpty, seen.insert(scale.id).inserted else { continue }
                definitions.append(Definition(
                    indicator: TrivselIndicator(id: scale.id, name: scale.label, position: definitions.count),
                    resultColumns: columns, instrument: instrument.reference))
            }
        }
        self.definitions = definitions
    }

    /// Collects the indicators of every instrument in `catalog`.
    public init(catalog: InstrumentCatalog) {
        self.init(instruments: catalog.entries.map(\.instrument))
    }

    /// The indicator with this id, if defined.
    public subscript(id: String) -> TrivselIndicator? {
        definitions.first { $0.indicator.rawValue == id }?.indicator
    }

    /// The defined indicator with the same id (its name and place), or `indicator` itself when
    /// the instruments do not define it.
    public func resolved(_ indicator: TrivselIndicator) -> TrivselIndicator {
        self[indicator.rawValue] ?? indicator
    }
}

/// Compares two versions of a battery (mapping tool) or of an instrument (`tool diff`).
public enum CompareDefinitions {
    /// The two versions compared.
    public enum Comparison: Sendable, Equatable {
        /// Two batteries: assignments, occasions, and the instruments replaced.
        case batteries(BatteryDiff)
        /// Two instruments: items, scores, and which scores stay comparable.
        case instruments(InstrumentDiff)
    }

    /// Compares `old` with `new`, each `id` or `id@version`: as batteries when both name
    /// batteries, else as instruments.
    /// - Throws: ``KortlaegError``: ``Severity/usage`` when either names neither,
    ///   ``Severity/invalidInput`` when the folder cannot be read.
    public static func run(old: String, new: String, library: InstrumentLibrary) throws(KortlaegError) -> Comparison {
        let catalog = try library.instruments()
        if let batteries = try? library.batteries(), let a = try? batteries.resolve(old), let b = try? batteries.resolve(new) {
            return .batteries(BatteryDiff(old: a, new: b, catalog: catalog))
        }
        return .instruments(InstrumentDiff(old: try library.instrument(old), new: try library.instrument(new)))
    }
}

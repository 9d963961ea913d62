/// Problems finding or reading instrument and battery definitions.
public enum InstrumentError: Error, CustomStringConvertible, Equatable {
    /// No instrument with that id exists in the catalog.
    case unknownInstrument(id: String, suggestion: String?, known: [String])
    /// The id exists but not at that version.
    case unknownVersion(id: String, version: String, known: [String])
    /// No battery (mapping tool) with that id exists in the catalog.
    case unknownBattery(id: String, suggestion: String?, known: [String])
    /// The battery exists but not at that version.
    case unknownBatteryVersion(id: String, version: String, known: [String])
    /// The reference is not `id` or `id@version`.
    case malformedReference(String)
    /// A file could not be read or decoded.
    case unreadableFile(path: String, reason: String)
    /// Two files define the same id and version.
    case duplicate(reference: String, paths: [String])
    /// The instruments folder does not exist.
    case missingDirectory(String)

    public var description: String {
        switch self {
        case let .unknownInstrument(id, suggestion, known):
            var text = "Unknown instrument '\(id)'."
            if let suggestion { text += " Did you mean '\(suggestion)'?" }
            return text + " Known instruments: \(known.joined(separator: ", ")). See 'kortlaeg instruments list'."
        case let .unknownVersion(id, version, known):
            return "Instrument '\(id)' has no version \(version). Known versions: \(known.joined(separator: ", "))."
        case let .unknownBattery(id, suggestion, known):
            var text = "Unknown battery '\(id)'."
            if let suggestion { text += " Did you mean '\(suggestion)'?" }
            return text + " Known batteries: \(known.joined(separator: ", ")). See 'kortlaeg tool list'."
        case let .unknownBatteryVersion(id, version, known):
            return "Battery '\(id)' has no version \(version). Known versions: \(known.joined(separator: ", "))."
        case let .malformedReference(text):
            return "'\(text)' is not a reference. Write ID or ID@VERSION as 'kortlaeg instruments list' or 'kortlaeg tool list' shows them."
        case let .unreadableFile(path, reason):
            return "\(path): cannot read instrument file: \(reason)"
        case let .duplicate(reference, paths):
            return "Instrument \(reference) is defined more than once: \(paths.joined(separator: ", "))."
        case let .missingDirectory(path):
            return "The instruments folder '\(path)' does not exist. Name it with --instruments or KORTLAEG_INSTRUMENTS."
        }
    }
}

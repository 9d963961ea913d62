/// All batteries (`"kind": "battery"`) of an instruments folder, by id and version.
///
/// KortlaegReaders loads a folder (`BatteryCatalog.load(directory:)`); the domain reads no files.
public struct BatteryCatalog: Sendable {
    /// Loaded batteries with their files, sorted by id then version.
    public private(set) var entries: [(battery: Battery, path: String)]

    /// Creates a catalog from the battery files among `files` (`"kind": "battery"`).
    /// - Throws: ``InstrumentError`` naming a file that does not decode.
    public init(files: some Sequence<DefinitionFile>) throws {
        self.init(entries: try files.definitions(Battery.self).map { ($0.definition, $0.path) })
    }

    /// Creates a catalog from batteries and the files they were decoded from.
    public init(entries: [(battery: Battery, path: String)]) {
        self.entries = entries.sorted {
            ($0.battery.id, SemanticVersion($0.battery.version) ?? SemanticVersion("0.0.0")!)
                < ($1.battery.id, SemanticVersion($1.battery.version) ?? SemanticVersion("0.0.0")!)
        }
    }

    /// Resolves `id` (newest version) or `id@version`.
    public func resolve(_ text: String) throws -> Battery {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard let id = parts.first, !id.isEmpty else { throw InstrumentError.malformedReference(text) }
        let versions = entries.filter { $0.battery.id == id }
        guard !versions.isEmpty else {
            let ids = Array(Set(entries.map(\.battery.id))).sorted()
            throw InstrumentError.unknownBattery(id: id, suggestion: closestMatch(to: id, in: ids), known: ids)
        }
        if parts.count == 2 {
            guard let match = versions.first(where: { $0.battery.version == parts[1] }) else {
                throw InstrumentError.unknownBatteryVersion(id: id, version: parts[1], known: versions.map(\.battery.version))
            }
            return match.battery
        }
        return versions.last!.battery
    }
}

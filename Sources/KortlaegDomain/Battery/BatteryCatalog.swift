import Foundation

/// All battery files (`"kind": "battery"`) below the instruments folder.
public struct BatteryCatalog: Sendable {
    /// Loaded batteries with their files, sorted by id then version.
    public private(set) var entries: [(battery: Battery, path: String)]

    /// Loads every battery file below `directory`.
    /// - Throws: ``InstrumentError`` naming the file that could not be read.
    public static func load(directory: String) throws -> BatteryCatalog {
        var entries: [(Battery, String)] = []
        for path in batteryFiles(in: directory) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw InstrumentError.unreadableFile(path: path, reason: "the file cannot be opened")
            }
            do {
                entries.append((try JSONDecoder().decode(Battery.self, from: data), path))
            } catch let error as DecodingError {
                throw InstrumentError.unreadableFile(path: path, reason: describe(error))
            }
        }
        entries.sort {
            ($0.0.id, SemanticVersion($0.0.version) ?? SemanticVersion("0.0.0")!)
                < ($1.0.id, SemanticVersion($1.0.version) ?? SemanticVersion("0.0.0")!)
        }
        return BatteryCatalog(entries: entries)
    }

    /// Paths of the files below `directory` whose top-level `kind` is `battery`.
    public static func batteryFiles(in directory: String) -> [String] {
        let base = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix(".json") && !relative.hasPrefix("schema/") {
            let path = base.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  object["kind"] as? String == "battery"
            else { continue }
            paths.append(path)
        }
        return paths.sorted()
    }

    /// Resolves `id` (newest version) or `id@version`.
    public func resolve(_ text: String) throws -> Battery {
        let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
        guard let id = parts.first, !id.isEmpty else { throw InstrumentError.malformedReference(text) }
        let versions = entries.filter { $0.battery.id == id }
        guard !versions.isEmpty else {
            let ids = Array(Set(entries.map(\.battery.id))).sorted()
            throw InstrumentError.unknownInstrument(id: id, suggestion: closestMatch(to: id, in: ids), known: ids)
        }
        if parts.count == 2 {
            guard let match = versions.first(where: { $0.battery.version == parts[1] }) else {
                throw InstrumentError.unknownVersion(id: id, version: parts[1], known: versions.map(\.battery.version))
            }
            return match.battery
        }
        return versions.last!.battery
    }
}

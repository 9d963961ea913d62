import Foundation

/// All instrument definitions in a folder, by id and version.
///
/// Reading instrument files is the only I/O of the domain library.
public struct InstrumentCatalog: Sendable {
    /// A loaded instrument and the file it came from.
    public struct Entry: Sendable {
        public var instrument: Instrument
        public var path: String
    }

    /// Every loaded instrument, sorted by id then version.
    public private(set) var entries: [Entry]

    /// Creates a catalog from already-decoded instruments (for tests and embedding).
    public init(instruments: [Instrument]) throws {
        try self.init(entries: instruments.map { Entry(instrument: $0, path: "<memory>") })
    }

    init(entries: [Entry]) throws {
        var seen: [InstrumentReference: String] = [:]
        for entry in entries {
            if let other = seen[entry.instrument.reference] {
                throw InstrumentError.duplicate(reference: entry.instrument.reference.description, paths: [other, entry.path])
            }
            seen[entry.instrument.reference] = entry.path
        }
        self.entries = entries.sorted {
            ($0.instrument.id, SemanticVersion($0.instrument.version) ?? SemanticVersion("0.0.0")!)
                < ($1.instrument.id, SemanticVersion($1.instrument.version) ?? SemanticVersion("0.0.0")!)
        }
    }

    /// Loads every `*.json` instrument file below `directory`, skipping `schema/` and
    /// files whose top-level object has no `items` (batteries, mapping profiles).
    /// - Throws: ``InstrumentError`` naming the file that could not be read.
    public static func load(directory: String) throws -> InstrumentCatalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InstrumentError.missingDirectory(directory)
        }
        var entries: [Entry] = []
        for path in instrumentFiles(in: directory) {
            entries.append(Entry(instrument: try decode(path: path), path: path))
        }
        return try InstrumentCatalog(entries: entries)
    }

    /// The paths of the instrument files below `directory`.
    public static func instrumentFiles(in directory: String) -> [String] {
        let base = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var paths: [String] = []
        for case let relative as String in enumerator {
            guard relative.hasSuffix(".json"), !relative.hasPrefix("schema/") else { continue }
            let path = base.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  object["items"] != nil, object["answerScales"] != nil
            else { continue }
            paths.append(path)
        }
        return paths.sorted()
    }

    /// Decodes one instrument file.
    public static func decode(path: String) throws -> Instrument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InstrumentError.unreadableFile(path: path, reason: "the file cannot be opened")
        }
        do {
            return try JSONDecoder().decode(Instrument.self, from: data)
        } catch let error as DecodingError {
            throw InstrumentError.unreadableFile(path: path, reason: describe(error))
        }
    }

    /// Resolves `id` (the newest version) or `id@version`.
    public func resolve(_ text: String) throws -> Instrument {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw InstrumentError.malformedReference(text)
        }
        let id = parts[0]
        let versions = entries.filter { $0.instrument.id == id }
        guard !versions.isEmpty else {
            let ids = Array(Set(entries.map(\.instrument.id))).sorted()
            throw InstrumentError.unknownInstrument(id: id, suggestion: closestMatch(to: id, in: ids), known: ids)
        }
        if parts.count == 2 {
            guard let entry = versions.first(where: { $0.instrument.version == parts[1] }) else {
                throw InstrumentError.unknownVersion(id: id, version: parts[1], known: versions.map(\.instrument.version))
            }
            return entry.instrument
        }
        return versions.last!.instrument
    }

    /// Resolves an exact reference.
    public func instrument(_ reference: InstrumentReference) throws -> Instrument {
        try resolve(reference.description)
    }
}

/// A decoding error as a sentence with its JSON path.
func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("$") { result, key in
            if let index = key.intValue { return "\(result)[\(index)]" }
            return "\(result).\(key.stringValue)"
        }
    }
    switch error {
    case let .keyNotFound(key, context):
        return "\(path(context.codingPath)): missing required key '\(key.stringValue)'"
    case let .typeMismatch(type, context):
        return "\(path(context.codingPath)): expected \(type): \(context.debugDescription)"
    case let .valueNotFound(type, context):
        return "\(path(context.codingPath)): expected a value of type \(type)"
    case let .dataCorrupted(context):
        return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default:
        return "\(error)"
    }
}

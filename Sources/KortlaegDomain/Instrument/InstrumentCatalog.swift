/// All instrument definitions of a folder, by id and version.
///
/// The domain reads no files: KortlaegReaders reads a folder (`InstrumentCatalog.load(directory:)`)
/// and hands the files' contents to ``init(files:)``.
public struct InstrumentCatalog: Sendable {
    /// A loaded instrument and the file it came from.
    public struct Entry: Sendable {
        /// The instrument.
        public var instrument: Instrument
        /// The file it was decoded from (`<memory>` when it was not read from a file).
        public var path: String

        /// An instrument decoded from `path`.
        public init(instrument: Instrument, path: String) {
            self.instrument = instrument
            self.path = path
        }
    }

    /// Every loaded instrument, sorted by id then version.
    public private(set) var entries: [Entry]

    /// Creates a catalog from already-decoded instruments (for tests and embedding).
    public init(instruments: [Instrument]) throws {
        try self.init(entries: instruments.map { Entry(instrument: $0, path: "<memory>") })
    }

    /// Creates a catalog from the instrument files among `files` (those with `items` and
    /// `answerScales`); the others (batteries, profiles, reference data) are left out.
    /// - Throws: ``InstrumentError`` naming a file that does not decode, or two files defining
    ///   one `id@version`.
    public init(files: some Sequence<DefinitionFile>) throws {
        try self.init(entries: files.definitions(Instrument.self).map { Entry(instrument: $0.definition, path: $0.path) })
    }

    /// Creates a catalog from instruments and their files.
    /// - Throws: ``InstrumentError/duplicate(reference:paths:)`` when two files define one `id@version`.
    public init(entries: [Entry]) throws {
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

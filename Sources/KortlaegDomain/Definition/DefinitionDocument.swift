/// A kind of definition kept as one JSON file per version: an instrument, a battery (and, in
/// KortlaegReaders, a mapping profile).
///
/// The one folder loader (`DefinitionFolder` in KortlaegReaders) reads the files of a folder and
/// keeps those each kind ``recognizes(_:)``; the kind decodes them.
public protocol DefinitionDocument: Sendable {
    /// Whether `file` holds a definition of this kind (from its top-level keys).
    static func recognizes(_ file: DefinitionFile) -> Bool
    /// Decodes one file.
    /// - Throws: an error that names the file and the JSON path of the problem.
    static func decode(_ file: DefinitionFile) throws -> Self
}

extension Sequence<DefinitionFile> {
    /// The files `kind` recognises, in order.
    public func files<D: DefinitionDocument>(of kind: D.Type) -> [DefinitionFile] {
        filter { kind.recognizes($0) }
    }

    /// The files `kind` recognises, decoded, with the path of each.
    /// - Throws: the first file's decoding error (it names the file and the JSON path).
    public func definitions<D: DefinitionDocument>(_ kind: D.Type) throws -> [(definition: D, path: String)] {
        try files(of: kind).map { (try kind.decode($0), $0.path) }
    }
}

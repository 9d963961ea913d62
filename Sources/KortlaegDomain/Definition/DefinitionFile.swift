import Foundation

/// The bytes of one JSON definition file (an instrument, a battery, a mapping profile) and where
/// they came from.
///
/// The domain decodes definitions from these values and never reads files itself; the folder
/// reader in KortlaegReaders (`DefinitionFolder`) makes them, a test or a web upload can too.
public struct DefinitionFile: Hashable, Sendable {
    /// The file's path, as messages name it.
    public var path: String
    /// The path below the definitions folder (`sdq/sdq-p4-17@1.0.0.json`).
    public var relativePath: String
    /// The file's contents.
    public var data: Data

    /// A file read from `path` (`relativePath` below its folder; the last path component when not given).
    public init(path: String, relativePath: String? = nil, data: Data) {
        self.path = path
        self.relativePath = relativePath ?? (path as NSString).lastPathComponent
        self.data = data
    }

    /// The top-level object when the file is a JSON object; nil otherwise (for recognising a kind).
    package var topLevelObject: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
}

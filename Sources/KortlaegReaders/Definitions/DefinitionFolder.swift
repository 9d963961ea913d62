import Foundation
import KortlaegDomain

/// A folder of JSON definition files, read once: the instruments folder (instruments, batteries,
/// national reference data) or a folder of mapping profiles.
///
/// The one loader for definition folders: ``InstrumentCatalog/load(directory:)``,
/// ``BatteryCatalog/load(directory:)`` and ``MappingProfileCatalog/load(directory:)`` all read
/// through it; each kind (``DefinitionDocument``) picks its own files from ``files`` and decodes
/// them (`files.definitions(Instrument.self)`).
public struct DefinitionFolder: Sendable {
    /// The folder's path.
    public let path: String
    /// Every `*.json` file below the folder, sorted by path. The JSON Schemas in `schema/` are
    /// not definitions and are left out.
    public let files: [DefinitionFile]

    /// Reads the folder.
    /// - Parameters:
    ///   - path: the folder.
    ///   - recursive: also read the subfolders (the instruments folder keeps its files in
    ///     `sdq/`, `trivsel/`, `batteries/`, …); false for a flat folder such as `profiles/`.
    /// - Throws: ``InstrumentError/missingDirectory(_:)`` when there is no folder at `path`,
    ///   ``InstrumentError/unreadableFile(path:reason:)`` when a file cannot be read.
    public init(path: String, recursive: Bool = true) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw InstrumentError.missingDirectory(path)
        }
        let relativePaths: [String]
        if recursive {
            relativePaths = (FileManager.default.enumerator(atPath: path)?.allObjects as? [String]) ?? []
        } else {
            relativePaths = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        }
        let base = URL(fileURLWithPath: path)
        self.path = path
        self.files = try relativePaths
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix("schema/") }
            .sorted()
            .map { relative in try Self.read(base.appendingPathComponent(relative).path, relativePath: relative) }
    }

    /// Reads one file.
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` when it cannot be opened.
    public static func read(_ path: String, relativePath: String? = nil) throws -> DefinitionFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InstrumentError.unreadableFile(path: path, reason: "the file cannot be opened")
        }
        return DefinitionFile(path: path, relativePath: relativePath, data: data)
    }
}

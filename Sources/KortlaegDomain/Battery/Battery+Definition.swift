import Foundation

extension Battery: DefinitionDocument {
    /// A battery file says `"kind": "battery"` at the top level.
    public static func recognizes(_ file: DefinitionFile) -> Bool {
        file.topLevelObject?["kind"] as? String == "battery"
    }

    /// Decodes one battery file.
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` with the JSON path of the problem.
    public static func decode(_ file: DefinitionFile) throws -> Battery {
        do {
            return try JSONDecoder().decode(Battery.self, from: file.data)
        } catch let error as DecodingError {
            throw InstrumentError.unreadableFile(path: file.path, reason: error.locatedDescription)
        }
    }
}

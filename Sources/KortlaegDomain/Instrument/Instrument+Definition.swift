import Foundation

extension Instrument: DefinitionDocument {
    /// An instrument file has `items` and `answerScales` at the top level.
    public static func recognizes(_ file: DefinitionFile) -> Bool {
        guard let object = file.topLevelObject else { return false }
        return object["items"] != nil && object["answerScales"] != nil
    }

    /// Decodes one instrument file.
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` with the JSON path of the problem.
    public static func decode(_ file: DefinitionFile) throws -> Instrument {
        do {
            return try JSONDecoder().decode(Instrument.self, from: file.data)
        } catch let error as DecodingError {
            throw InstrumentError.unreadableFile(path: file.path, reason: error.locatedDescription)
        }
    }
}

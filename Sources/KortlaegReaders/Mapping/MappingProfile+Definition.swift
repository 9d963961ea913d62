import Foundation
import KortlaegDomain

extension MappingProfile: DefinitionDocument {
    /// Every JSON file of a profiles folder (`Instruments/profiles/`) is a mapping profile: a file
    /// there that does not decode is an error, never skipped.
    public static func recognizes(_ file: DefinitionFile) -> Bool { true }

    /// Decodes one profile file.
    /// - Throws: ``MappingProfileError/unreadable(path:reason:)`` with the JSON path of the problem.
    public static func decode(_ file: DefinitionFile) throws(MappingProfileError) -> MappingProfile {
        do {
            return try JSONDecoder().decode(MappingProfile.self, from: file.data)
        } catch let error as DecodingError {
            throw .unreadable(path: file.path, reason: error.locatedDescription)
        } catch {
            throw .unreadable(path: file.path, reason: "not valid JSON")
        }
    }
}

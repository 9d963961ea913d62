import Foundation
import KortlaegDomain

/// The mapping profiles in a folder (`Instruments/profiles/`), by id.
public struct MappingProfileCatalog: Sendable {
    /// Every loaded profile, sorted by id.
    public let profiles: [MappingProfile]

    /// Creates a catalog from decoded profiles.
    public init(profiles: [MappingProfile]) {
        self.profiles = profiles.sorted { $0.id < $1.id }
    }

    /// Loads every `*.json` file in `directory` (the profiles folder, not its subfolders); a
    /// missing folder gives an empty catalog (an instruments folder need not have profiles).
    /// - Throws: ``MappingProfileError/unreadable(path:reason:)`` naming the file.
    public static func load(directory: String) throws(MappingProfileError) -> MappingProfileCatalog {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return MappingProfileCatalog(profiles: [])
        }
        do {
            return MappingProfileCatalog(profiles: try DefinitionFolder(path: directory, recursive: false).files
                .definitions(MappingProfile.self).map(\.definition))
        } catch let error as MappingProfileError {
            throw error
        } catch let InstrumentError.unreadableFile(path, reason) {
            throw .unreadable(path: path, reason: reason)
        } catch {
            throw .unreadable(path: directory, reason: "\(error)")
        }
    }

    /// Decodes one profile file.
    public static func decode(path: String) throws(MappingProfileError) -> MappingProfile {
        let file: DefinitionFile
        do {
            file = try DefinitionFolder.read(path)
        } catch {
            throw .unreadable(path: path, reason: "the file cannot be opened")
        }
        return try MappingProfile.decode(file)
    }

    /// The profile with id `name`, or the profile file at path `name`.
    /// - Throws: ``MappingProfileError/unknownProfile(name:suggestion:known:)``.
    public func resolve(_ name: String) throws(MappingProfileError) -> MappingProfile {
        if let profile = profiles.first(where: { $0.id == name }) { return profile }
        if name.hasSuffix(".json") || name.contains("/") {
            return try Self.decode(path: name)
        }
        let ids = profiles.map(\.id)
        throw .unknownProfile(name: name, suggestion: closestMatch(to: name, in: ids), known: ids)
    }

    /// The profiles that read `kind` files, those naming `form` first.
    public func candidates(for kind: SourceKind, form: String?) -> [MappingProfile] {
        let fitting = profiles.filter { $0.source.accepts(kind) }
        if let form {
            let named = fitting.filter { $0.forms?.contains(form) == true }
            if !named.isEmpty { return named }
        }
        let exact = fitting.filter { $0.source == kind && ($0.forms ?? []).isEmpty }
        return exact.isEmpty ? fitting.filter { ($0.forms ?? []).isEmpty } : exact
    }
}

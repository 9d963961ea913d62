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

    /// Loads every `*.json` file in `directory`; a missing folder gives an empty catalog.
    /// - Throws: ``MappingProfileError/unreadable(path:reason:)`` naming the file.
    public static func load(directory: String) throws(MappingProfileError) -> MappingProfileCatalog {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var profiles: [MappingProfile] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            profiles.append(try decode(path: (directory as NSString).appendingPathComponent(name)))
        }
        return MappingProfileCatalog(profiles: profiles)
    }

    /// Decodes one profile file.
    public static func decode(path: String) throws(MappingProfileError) -> MappingProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "the file cannot be opened")
        }
        do {
            return try JSONDecoder().decode(MappingProfile.self, from: data)
        } catch let error as DecodingError {
            throw .unreadable(path: path, reason: describeDecodingError(error))
        } catch {
            throw .unreadable(path: path, reason: "not valid JSON")
        }
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

/// A decoding error as `$.path: problem`.
func describeDecodingError(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
        keys.reduce("$") { result, key in
            if let index = key.intValue { return "\(result)[\(index)]" }
            return "\(result).\(key.stringValue)"
        }
    }
    switch error {
    case let .keyNotFound(key, context): return "\(path(context.codingPath)): missing required key '\(key.stringValue)'"
    case let .typeMismatch(type, context): return "\(path(context.codingPath)): expected \(type)"
    case let .valueNotFound(type, context): return "\(path(context.codingPath)): expected a value of type \(type)"
    case let .dataCorrupted(context): return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
}

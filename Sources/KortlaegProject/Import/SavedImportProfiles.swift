import Crypto
import Foundation
import KortlaegDomain
import KortlaegReaders

/// The mapping profiles saved from the import wizard ("Gem som indlæsningsprofil"): JSON files in
/// `mapping-profiles/` beside the project file, one per header, each valid against
/// `schema/profile.schema.json` and usable with `kortlaeg import --profile FILE` as well.
///
/// A profile records the columns of the file it was saved from (``MappingProfile/header``); the
/// next upload with exactly these columns starts from its choices. Its id is `wizard-` and the
/// first 12 hex digits of the header's SHA-256, so saving again for the same header replaces it.
/// The occasion is not saved: the next file with this header is usually the next occasion.
public struct SavedImportProfiles: Sendable {
    /// The folder.
    public let directory: String

    /// The profiles of the project in `projectFolder` (the folder holding the project file).
    public init(projectFolder: String) {
        directory = (projectFolder as NSString).appendingPathComponent("mapping-profiles")
    }

    /// The id a profile for `header` gets.
    public static func id(header: [String]) -> String {
        let digest = SHA256.hash(data: Data(header.joined(separator: "\u{1F}").utf8))
        return "wizard-" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// Every profile that decodes (others are skipped: a hand-edited file never stops an upload).
    public func all() -> [MappingProfile] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        return names.compactMap { try? MappingProfileCatalog.decode(path: (directory as NSString).appendingPathComponent($0)) }
    }

    /// The profile saved for files with exactly these columns.
    public func matching(header: [String]) -> MappingProfile? {
        all().first { $0.header == header }
    }

    /// Saves `profile` for files with `header`, after checking it against the profile schema.
    /// - Parameters:
    ///   - title: what the profile is for (e.g. the file it was saved from), per language.
    ///   - schema: `schema/profile.schema.json` of the instruments folder.
    /// - Returns: the saved profile (with its id and header).
    /// - Throws: ``KortlaegError``: ``Severity/invalidInput`` when the profile does not fit the
    ///   schema (a defect: the wizard makes only valid profiles), ``Severity/cannotWrite``.
    @discardableResult
    public func save(_ profile: MappingProfile, header: [String], title: LocalizedText, note: String,
                     schema: String) throws(KortlaegError) -> MappingProfile {
        var saved = profile
        saved.id = Self.id(header: header)
        saved.title = LocalizedText(title.texts.mapValues(CPRGuard.masked))
        saved.header = header
        saved.forms = nil
        saved.notes = [CPRGuard.masked(note)]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(saved) } catch { throw KortlaegError(.invalidInput, "the profile cannot be written as JSON: \(error)") }
        let findings: [(path: String, message: String)]
        do {
            let validator = try JSONSchemaValidator(schema: try Data(contentsOf: URL(fileURLWithPath: schema)))
            findings = validator.validate(try JSONDecoder().decode(JSONValue.self, from: data))
        } catch {
            throw KortlaegError(.invalidInput, "\(schema): the profile schema cannot be read (\(error)).")
        }
        if let first = findings.first {
            throw KortlaegError(.invalidInput, "the profile does not fit \(schema) at \(first.path): \(first.message)")
        }
        let manager = FileManager.default
        let path = (directory as NSString).appendingPathComponent(saved.id + ".json")
        do {
            try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw KortlaegError(.cannotWrite, "cannot write the mapping profile \(saved.id).json (\(error.localizedDescription)).")
        }
        return saved
    }

    /// The saved profile with this id.
    public func profile(id: String) -> MappingProfile? { all().first { $0.id == id } }
}

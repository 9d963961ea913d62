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
///
/// A record file (ODM/REDCap XML, FHIR) has no header: its fields vary from record to record. Its
/// profile is saved for the file's kind and the first record's form (ODM FormOID, FHIR
/// Questionnaire URL) in ``MappingProfile/forms``, with no header; the next upload of that kind
/// and form starts from it.
public struct SavedImportProfiles: Sendable {
    /// What a saved profile is for: files with exactly these columns, or record files of a kind and form.
    public enum Key: Hashable, Sendable {
        /// A table's columns (trimmed).
        case header([String])
        /// A record file's kind and its first record's form (nil: the records name none).
        case records(SourceKind, form: String?)
    }

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

    /// The id a profile for record files of `kind` and `form` gets.
    public static func id(records kind: SourceKind, form: String?) -> String {
        let digest = SHA256.hash(data: Data(("records\u{1F}" + kind.rawValue + "\u{1F}" + (form ?? "")).utf8))
        return "wizard-" + digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }

    /// The id a profile for `key` gets.
    public static func id(_ key: Key) -> String {
        switch key {
        case .header(let header): id(header: header)
        case .records(let kind, let form): id(records: kind, form: form)
        }
    }

    /// The saved profile for record files of `kind` whose first record has `form`.
    public func matching(records kind: SourceKind, form: String?) -> MappingProfile? {
        all().first { $0.header == nil && $0.source.accepts(kind) && ($0.forms ?? []) == (form.map { [$0] } ?? []) }
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
        try save(profile, for: .header(header), title: title, note: note, schema: schema)
    }

    /// Saves `profile` for the files `key` names (a table's columns or a record file's kind and
    /// form), after checking it against the profile schema; see ``save(_:header:title:note:schema:)``.
    @discardableResult
    public func save(_ profile: MappingProfile, for key: Key, title: LocalizedText, note: String,
                     schema: String) throws(KortlaegError) -> MappingProfile {
        var saved = profile
        saved.id = Self.id(key)
        saved.title = LocalizedText(title.texts.mapValues(CPRGuard.masked))
        switch key {
        case .header(let header):
            saved.header = header
            saved.forms = nil
        case .records(_, let form):
            saved.header = nil
            saved.forms = form.map { [$0] }
        }
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

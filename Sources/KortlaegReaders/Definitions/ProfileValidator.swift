import Foundation
import KortlaegDomain

/// Checks the mapping profiles in `profiles/` of an instruments folder: against
/// `schema/profile.schema.json`, the file name against the id, then against the instrument each
/// profile names.
public enum ProfileValidator {
    /// The problems of every profile of the instruments folder `directory`, located by file and
    /// JSON path, and the number of profile files checked (0 when there is no `profiles/`).
    /// - Parameter catalog: the folder's instruments, or nil when they could not be loaded (the
    ///   profiles' references are then not checked).
    public static func validate(directory: String, catalog: InstrumentCatalog?) -> (files: Int, findings: [InstrumentFinding]) {
        let folderPath = (directory as NSString).appendingPathComponent("profiles")
        let files: [DefinitionFile]
        do {
            files = try DefinitionFolder(path: folderPath, recursive: false).files
        } catch InstrumentError.missingDirectory {
            return (0, [])
        } catch InstrumentError.unreadableFile(let path, let reason) {
            return (1, [InstrumentFinding(file: path, jsonPath: "$", message: reason)])
        } catch {
            return (1, [InstrumentFinding(file: folderPath, jsonPath: "$", message: "\(error)")])
        }
        guard !files.isEmpty else { return (0, []) }
        let schemaPath = (directory as NSString).appendingPathComponent("schema/profile.schema.json")
        guard let schemaFile = try? DefinitionFolder.read(schemaPath),
              let schema = try? JSONSchemaValidator(schema: schemaFile.data)
        else { return (files.count, [InstrumentFinding(file: schemaPath, jsonPath: "$", message: "the profile schema cannot be read")]) }
        var findings: [InstrumentFinding] = []
        for file in files {
            guard let document = try? JSONDecoder().decode(JSONValue.self, from: file.data) else {
                findings.append(InstrumentFinding(file: file.path, jsonPath: "$", message: "not valid JSON"))
                continue
            }
            let schemaFindings = schema.validate(document)
            findings += schemaFindings.map { InstrumentFinding(file: file.path, jsonPath: $0.path, message: $0.message) }
            guard schemaFindings.isEmpty else { continue }
            do {
                let profile = try MappingProfile.decode(file)
                let name = file.relativePath
                if profile.id + ".json" != name {
                    findings.append(InstrumentFinding(file: file.path, jsonPath: "$.id",
                                                      message: "the id '\(profile.id)' differs from the file name; expected \(name.dropLast(5))"))
                }
                if let reference = profile.instrument, let catalog {
                    _ = try ResponseMapper(profile: profile, instrument: catalog.resolve(reference))
                }
            } catch {
                findings.append(InstrumentFinding(file: file.path, jsonPath: "$", message: "\(error)"))
            }
        }
        return (files.count, findings)
    }
}

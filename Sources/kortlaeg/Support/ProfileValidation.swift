import Foundation
import KortlaegDomain
import KortlaegReaders

/// Checks the mapping profiles in `profiles/` of an instruments folder: against
/// `schema/profile.schema.json`, then against the instrument each names.
enum ProfileValidation {
    /// One line per problem, `FILE: JSON-PATH: error: MESSAGE`, and the number of files checked.
    static func problems(directory: String, catalog: InstrumentCatalog?) -> (files: Int, problems: [String]) {
        let folder = directory + "/profiles"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        guard !names.isEmpty else { return (0, []) }
        guard let schemaData = FileManager.default.contents(atPath: directory + "/schema/profile.schema.json"),
              let schema = try? JSONSchemaValidator(schema: schemaData)
        else { return (names.count, ["\(directory)/schema/profile.schema.json: $: error: the profile schema cannot be read"]) }
        var problems: [String] = []
        for name in names {
            let path = folder + "/" + name
            guard let data = FileManager.default.contents(atPath: path),
                  let document = try? JSONDecoder().decode(JSONValue.self, from: data)
            else {
                problems.append("\(path): $: error: not valid JSON")
                continue
            }
            let findings = schema.validate(document)
            problems += findings.map { "\(path): \($0.path): error: \($0.message)" }
            guard findings.isEmpty else { continue }
            do {
                let profile = try MappingProfileCatalog.decode(path: path)
                if profile.id + ".json" != name {
                    problems.append("\(path): $.id: error: the id '\(profile.id)' differs from the file name; expected \(name.dropLast(5))")
                }
                if let reference = profile.instrument, let catalog {
                    _ = try ResponseMapper(profile: profile, instrument: catalog.resolve(reference))
                }
            } catch {
                problems.append("\(path): $: error: \(error)")
            }
        }
        return (names.count, problems)
    }
}

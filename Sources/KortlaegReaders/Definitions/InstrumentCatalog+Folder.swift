import Foundation
import KortlaegDomain

extension InstrumentCatalog {
    /// Loads every instrument file below `directory` (JSON files with `items` and `answerScales`;
    /// batteries, mapping profiles and the schemas are left out).
    /// - Throws: ``InstrumentError`` naming the folder or the file that could not be read, or two
    ///   files defining one `id@version`.
    public static func load(directory: String) throws -> InstrumentCatalog {
        try InstrumentCatalog(files: DefinitionFolder(path: directory).files)
    }
}

extension InstrumentCatalog {
    /// The instrument `reference` names (`id@version`, or `id` for its newest version), decoded
    /// from the one file named `<id>@<version>.json` below `directory` without reading the others
    /// (start-up of `kortlaeg score`).
    ///
    /// Nil whenever the names alone cannot settle it: no such file, a version in a file name that
    /// is not a semantic version, two files of that name, or a file whose contents are not that
    /// instrument. The caller then loads the whole folder, whose messages name every problem.
    public static func loadByFileName(directory: String, reference: String) -> Instrument? {
        let parts = reference.split(separator: "@", omittingEmptySubsequences: false).map(String.init)
        guard (1...2).contains(parts.count), !parts[0].isEmpty, !parts.contains("") else { return nil }
        let id = parts[0]
        guard let names = try? FileManager.default.subpathsOfDirectory(atPath: directory) else { return nil }
        var candidates: [(version: SemanticVersion, text: String, relative: String)] = []
        for relative in names where relative.hasSuffix(".json") && !relative.hasPrefix("schema/") {
            let name = (relative as NSString).lastPathComponent.dropLast(".json".count)
            guard name.hasPrefix(id + "@") else { continue }
            let text = String(name.dropFirst(id.count + 1))
            guard let version = SemanticVersion(text) else { return nil }
            if parts.count == 2, text != parts[1] { continue }
            candidates.append((version, text, relative))
        }
        guard let newest = candidates.max(by: { $0.version < $1.version }),
              candidates.filter({ $0.version == newest.version }).count == 1,
              let file = try? DefinitionFolder.read((directory as NSString).appendingPathComponent(newest.relative),
                                                    relativePath: newest.relative),
              // No `Instrument.recognizes` first: it parses the JSON once more, and a file that
              // decodes as an instrument has its `items` and `answerScales` (both required).
              let instrument = try? Instrument.decode(file),
              instrument.id == id, instrument.version == newest.text
        else { return nil }
        return instrument
    }
}

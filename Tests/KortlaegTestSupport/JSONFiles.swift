import Foundation

/// Every `*.json` file below `folder` (not in `schema/`), sorted, with its path relative to the
/// folder and its bytes.
///
/// For the test targets that check the shipped definitions without depending on KortlaegReaders
/// (whose `DefinitionFolder` is the program's reader): they turn these into `DefinitionFile`s and
/// decode them with the domain's own catalogs.
public func jsonFiles(below folder: String) throws -> [(path: String, relativePath: String, data: Data)] {
    let relativePaths = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
    return try relativePaths.filter { $0.hasSuffix(".json") && !$0.hasPrefix("schema/") }.sorted().map { relative in
        let path = (folder as NSString).appendingPathComponent(relative)
        return (path, relative, try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

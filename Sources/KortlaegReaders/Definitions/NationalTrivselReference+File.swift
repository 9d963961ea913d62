import KortlaegDomain

extension NationalTrivselReference {
    /// Loads the reference file (`Instruments/trivsel/national-reference.json`).
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` naming the file and the problem.
    public static func load(path: String) throws -> NationalTrivselReference {
        let file: DefinitionFile
        do {
            file = try DefinitionFolder.read(path)
        } catch {
            throw InstrumentError.unreadableFile(path: path, reason: "the national reference file cannot be opened")
        }
        return try decode(file)
    }
}

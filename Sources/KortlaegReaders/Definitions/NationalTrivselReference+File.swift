import KortlaegDomain

extension NationalTrivselReference {
    /// Loads the reference file (`Instruments/trivsel/national-reference.json`).
    /// - Parameter indicators: The indicators the instrument files define.
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` naming the file and the problem.
    public static func load(path: String, indicators: TrivselIndicators) throws -> NationalTrivselReference {
        let file: DefinitionFile
        do {
            file = try DefinitionFolder.read(path)
        } catch {
            throw InstrumentError.unreadableFile(path: path, reason: "the national reference file cannot be opened")
        }
        return try decode(file, indicators: indicators)
    }
}

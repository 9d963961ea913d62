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

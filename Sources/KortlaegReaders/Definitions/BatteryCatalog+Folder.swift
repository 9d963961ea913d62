import KortlaegDomain

extension BatteryCatalog {
    /// Loads every battery file (`"kind": "battery"`) below `directory`.
    /// - Throws: ``InstrumentError`` naming the folder or the file that could not be read.
    public static func load(directory: String) throws -> BatteryCatalog {
        try BatteryCatalog(files: DefinitionFolder(path: directory).files)
    }
}

import Foundation
import KortlaegDomain

extension InstrumentValidator {
    /// Creates a validator from the schema file (`Instruments/schema/instrument.schema.json`) and
    /// the battery schema beside it (`battery.schema.json`, when present).
    /// - Throws: ``InstrumentError/unreadableFile(path:reason:)`` when the schema cannot be read.
    public init(schemaPath: String) throws {
        let schema: DefinitionFile
        do {
            schema = try DefinitionFolder.read(schemaPath)
        } catch {
            throw InstrumentError.unreadableFile(path: schemaPath, reason: "the schema file cannot be opened")
        }
        let batteryPath = URL(fileURLWithPath: schemaPath).deletingLastPathComponent().appendingPathComponent("battery.schema.json").path
        try self.init(schema: schema, batterySchema: try? DefinitionFolder.read(batteryPath))
    }

    /// Validates every instrument and battery file below `directory`, including duplicate
    /// `id@version` across files and the batteries' references to the instruments.
    /// - Returns: the number of files checked and the problems found.
    /// - Throws: ``InstrumentError`` when the folder or a file cannot be read.
    public func validateDirectory(_ directory: String) throws -> (files: Int, findings: [InstrumentFinding]) {
        let folder = try DefinitionFolder(path: directory)
        let instruments = folder.files.files(of: Instrument.self), batteries = folder.files.files(of: Battery.self)
        let catalog = batteries.isEmpty ? nil : try? InstrumentCatalog.load(directory: directory)
        return (instruments.count + batteries.count, validate(instruments: instruments, batteries: batteries, catalog: catalog))
    }
}

import ArgumentParser
import Foundation
import KortlaegDomain

/// Where instrument definitions are read from.
struct InstrumentOptions: ParsableArguments {
    @Option(name: .customLong("instruments"),
            help: "Folder of instrument files (default: $KORTLAEG_INSTRUMENTS, ./Instruments, or the Instruments folder next to the tool).")
    var directory: String?

    /// The folder to use: the option, the environment, ./Instruments, then upward from the executable.
    func resolvedDirectory() -> String {
        if let directory { return directory }
        if let environment = ProcessInfo.processInfo.environment["KORTLAEG_INSTRUMENTS"], !environment.isEmpty {
            return environment
        }
        let local = FileManager.default.currentDirectoryPath + "/Instruments"
        if FileManager.default.fileExists(atPath: local) { return local }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = url.appendingPathComponent("Instruments").path
            if FileManager.default.fileExists(atPath: candidate + "/schema") { return candidate }
            url.deleteLastPathComponent()
        }
        return local
    }

    func catalog() throws -> InstrumentCatalog {
        do {
            return try InstrumentCatalog.load(directory: resolvedDirectory())
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
    }

    func resolve(_ reference: String) throws -> Instrument {
        do {
            return try catalog().resolve(reference)
        } catch let error as InstrumentError {
            throw ValidationError(error.description)
        }
    }

    func batteries() throws -> BatteryCatalog {
        do {
            return try BatteryCatalog.load(directory: resolvedDirectory())
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.dataError
        }
    }

    func resolveBattery(_ reference: String) throws -> Battery {
        do {
            return try batteries().resolve(reference)
        } catch let error as InstrumentError {
            throw ValidationError(error.description.replacingOccurrences(of: "instrument", with: "battery"))
        }
    }
}

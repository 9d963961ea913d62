import ArgumentParser
import Foundation
import KortlaegProject

/// `--instruments DIR`: where instrument definitions are read from. The search when it is not
/// given is ``InstrumentLocation``'s.
struct InstrumentOptions: ParsableArguments {
    @Option(name: .customLong("instruments"),
            help: "Folder of instrument files (default: $KORTLAEG_INSTRUMENTS, ./Instruments, or the Instruments shipped with the program).")
    var directory: String?

    /// The definitions of the folder found; a failure is printed and becomes the exit code.
    func library() throws -> InstrumentLibrary {
        do {
            return try InstrumentLibrary.find(option: directory)
        } catch {
            throw Self.failure(error)
        }
    }

    /// What a command throws for a definition error: an unknown instrument or battery is the
    /// user's mistake (a `ValidationError`: message and usage, exit 64), anything else is printed
    /// and ends with its severity's exit code.
    static func failure(_ error: KortlaegError) -> any Error {
        error.severity == .usage ? ValidationError(error.message) : KortlaegExit.fail(error)
    }

    // MARK: - For the commands that read definitions themselves

    /// The instruments folder found, or the option (or `./Instruments`) when none is found (the
    /// command then fails when it reads it, with the same message).
    func resolvedDirectory() -> String {
        (try? InstrumentLocation.find(option: directory).directory) ?? directory ?? "Instruments"
    }

    /// Every instrument of the folder.
    func catalog() throws -> InstrumentCatalog {
        do { return try library().instruments() } catch let error as KortlaegError { throw Self.failure(error) }
    }

    /// A catalog that resolves `reference`, read without decoding the other files when its file is found by name.
    func catalog(resolving reference: String) throws -> InstrumentCatalog {
        do { return try library().catalog(resolving: reference) } catch let error as KortlaegError { throw Self.failure(error) }
    }

    /// The instrument `reference` names.
    func resolve(_ reference: String) throws -> Instrument {
        do { return try library().instrument(reference) } catch let error as KortlaegError { throw Self.failure(error) }
    }

    /// Every battery of the folder.
    func batteries() throws -> BatteryCatalog {
        do { return try library().batteries() } catch let error as KortlaegError { throw Self.failure(error) }
    }

    /// The battery `reference` names.
    func resolveBattery(_ reference: String) throws -> Battery {
        do { return try library().battery(reference) } catch let error as KortlaegError { throw Self.failure(error) }
    }
}

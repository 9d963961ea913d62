import Foundation
import KortlaegProject
import KortlaegTestSupport

/// The repository's instrument definitions, loaded once.
let repositoryInstruments: InstrumentCatalog = {
    do { return try InstrumentCatalog.load(directory: instrumentsDirectory) } catch { fatalError("\(error)") }
}()

/// The repository's mapping profiles.
let profilesDirectory = instrumentsDirectory + "/profiles"

/// The readers' test fixtures (their origin is in `Tests/KortlaegReadersTests/Fixtures/README.md`).
let readerFixtures = repositoryRoot.appendingPathComponent("Tests/KortlaegReadersTests/Fixtures")

/// A fresh temporary folder for one test, removed at exit.
func useCaseFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-project") }

/// The lines of a text file (LF), without the empty one after the last newline.
func lines(of path: String) throws -> [String] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        .dropLast().map(String.init)
}

extension CollectingSink {
    /// The texts of the notes.
    var notes: [String] { messages.filter { $0.kind == .note }.map(\.text) }
    /// The texts of the errors.
    var errors: [String] { messages.filter { $0.kind == .error }.map(\.text) }
}

/// Runs a use case that must fail and returns its error.
func expectFailure<Value>(_ body: () throws(KortlaegError) -> Value) -> KortlaegError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

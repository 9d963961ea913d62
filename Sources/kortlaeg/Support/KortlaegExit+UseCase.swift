import ArgumentParser
import KortlaegProject

extension KortlaegExit {
    /// Runs a use case and ends the command as its error says: a ``Severity/usage`` error as a
    /// validation error (ArgumentParser prints it with the subcommand's usage, exit 64), any other
    /// error printed on stderr with its exit code.
    static func run<Value>(_ useCase: () throws(KortlaegError) -> Value) throws -> Value {
        do {
            return try useCase()
        } catch {
            if error.severity == .usage { throw ValidationError(error.message) }
            throw fail(error)
        }
    }
}

import ArgumentParser
import KortlaegProject

extension KortlaegExit {
    /// Runs a use case and ends the command as its error says: a ``Severity/usage`` error with
    /// the usage of `command` (exit 64; from `validate()`, where there is no command type at hand,
    /// as a validation error, which ArgumentParser prints with the right usage), any other error
    /// printed on stderr with its exit code.
    static func run<Value>(in command: (any ParsableCommand.Type)? = nil,
                           _ useCase: () throws(KortlaegError) -> Value) throws -> Value {
        do {
            return try useCase()
        } catch {
            guard let command else {
                if error.severity == .usage { throw ValidationError(error.message) }
                throw fail(error)
            }
            throw fail(error, in: command)
        }
    }
}

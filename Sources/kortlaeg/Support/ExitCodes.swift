import ArgumentParser
import KortlaegProject

/// The exit codes documented in the README. Stable: scripts depend on them. The use cases say
/// how they ended as a ``Severity``; this is the one place that turns it into an exit code.
enum KortlaegExit {
    /// Done, but some rows were rejected (see the rejects report).
    static let rowsRejected = ExitCode(3)
    /// A file re-delivers responses that another file already delivered (same child, occasion,
    /// informant, instrument) and `--replace` was not given: nothing from that file was imported.
    static let conflict = ExitCode(4)
    /// A usage error (EX_USAGE).
    static let usage = ExitCode(64)
    /// The input is not readable or not in the expected form (sysexits EX_DATAERR).
    static let dataError = ExitCode(65)
    /// An input file does not exist (EX_NOINPUT).
    static let noInput = ExitCode(66)
    /// The output cannot be written (EX_CANTCREAT).
    static let cannotCreate = ExitCode(73)

    /// The exit code of a use case's outcome.
    static func code(_ severity: Severity) -> ExitCode {
        switch severity {
        case .success: .success
        case .rowsRejected: rowsRejected
        case .conflict: conflict
        case .usage: usage
        case .invalidInput: dataError
        case .notFound: noInput
        case .cannotWrite: cannotCreate
        }
    }

    /// Prints `error`'s message and ends with its exit code.
    static func fail(_ error: KortlaegError) -> ExitCode {
        Diagnostics.error(error.message)
        return code(error.severity)
    }

    /// Ends with the outcome's exit code (nothing to throw on success).
    static func finish(_ severity: Severity) throws {
        if severity != .success { throw code(severity) }
    }
}

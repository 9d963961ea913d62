import ArgumentParser
import Foundation
import KortlaegProject

extension KortlaegExit {
    /// Prints a use case's error and returns its exit code. A usage error (a mistake in the
    /// request found after parsing) is printed like ArgumentParser's own validation errors, with
    /// the usage of `command` (not `kortlaeg <subcommand>`).
    static func fail(_ error: KortlaegError, in command: any ParsableCommand.Type) -> ExitCode {
        guard error.severity == .usage else { return fail(error) }
        return usage(error.message, in: command)
    }

    /// Prints `message` with the usage of `command` and returns the usage exit code (64).
    static func usage(_ message: String, in command: any ParsableCommand.Type) -> ExitCode {
        let usage = KortlaegCommand.usageString(for: command)
        // "kortlaeg progress [<options>] …" → "kortlaeg progress".
        let name = usage.split(separator: " ").prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") && !$0.hasPrefix("-") }
            .joined(separator: " ")
        let text = "Error: \(message)\nUsage: \(usage)\n  See '\(name) --help' for more information.\n"
        FileHandle.standardError.write(Data(text.utf8))
        return KortlaegExit.usage
    }
}

import ArgumentParser
import Foundation

/// Who is running the command, for the project's audit log.
struct OperatorOption: ParsableArguments {
    @Option(name: .customLong("operator"), help: "Your name or initials for the audit log (default: $USER).")
    var name: String?

    /// The operator: --operator, $USER, $LOGNAME, the login name of the process, or "unknown".
    var resolved: String {
        if let name, !name.isEmpty { return name }
        let environment = ProcessInfo.processInfo.environment
        return environment["USER"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LOGNAME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSUserName().isEmpty ? nil : NSUserName()) ?? "unknown"
    }
}

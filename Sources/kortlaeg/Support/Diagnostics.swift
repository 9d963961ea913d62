import Foundation
import KortlaegProject

/// Writes diagnostics to stderr; a progress line only when stderr is a terminal.
enum Diagnostics {
    static let isTerminal = isatty(STDERR_FILENO) != 0

    static func note(_ message: String) {
        // On a terminal, a message first clears a progress line that may be showing. Every
        // message passes the CPR guard: a CPR-shaped number never reaches the terminal or a log.
        let message = CPRGuard.masked(message)
        FileHandle.standardError.write(Data(((isTerminal ? "\r\u{1B}[K" : "") + message + "\n").utf8))
    }

    static func error(_ message: String) {
        note("error: \(message)")
    }

    static func warning(_ message: String) {
        note("warning: \(message)")
    }

    static func progress(_ message: String) {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(CPRGuard.masked(message))".utf8))
    }

    static func endProgress() {
        guard isTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

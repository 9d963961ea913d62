import Foundation
import KortlaegProject

/// The command line's ``ProgressSink``: messages to stderr, the progress line only on a terminal
/// (records read, percent of the file and time left; see ``ProgressLine``), at most five times
/// a second.
final class StderrSink: ProgressSink, @unchecked Sendable {
    static let shared = StderrSink()

    private let lock = NSLock()
    /// When the file being shown was started, and when the line was last drawn.
    private var started: (subject: String, at: Date)?
    private var drawn = Date.distantPast

    func report(_ message: Message) {
        switch message.kind {
        case .note: Diagnostics.note(message.text)
        case .warning: Diagnostics.warning(message.text)
        case .error: Diagnostics.error(message.text)
        }
    }

    func progress(_ update: ProgressUpdate) {
        guard Diagnostics.isTerminal else { return }
        let now = Date()
        let text: String? = lock.withLock {
            if started?.subject != update.subject { started = (update.subject, now) }
            guard now.timeIntervalSince(drawn) >= 0.2 else { return nil }
            drawn = now
            return ProgressLine.text(update, elapsed: now.timeIntervalSince(started!.at))
        }
        if let text { Diagnostics.progress(text) }
    }

    func endProgress() {
        lock.withLock { started = nil }
        Diagnostics.endProgress()
    }
}

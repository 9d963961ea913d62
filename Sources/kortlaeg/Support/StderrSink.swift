import KortlaegProject

/// The command line's ``ProgressSink``: messages to stderr, the progress line only on a terminal.
final class StderrSink: ProgressSink, Sendable {
    static let shared = StderrSink()

    func report(_ message: Message) {
        switch message.kind {
        case .note: Diagnostics.note(message.text)
        case .warning: Diagnostics.warning(message.text)
        case .error: Diagnostics.error(message.text)
        }
    }

    func progress(_ update: ProgressUpdate) {
        var text = "\(update.subject): \(update.records) records read"
        if let bytes = update.bytes, let total = update.totalBytes, total > 0 {
            text += " (\(min(100, bytes * 100 / total)) %)"
        }
        Diagnostics.progress(text)
    }

    func endProgress() { Diagnostics.endProgress() }
}

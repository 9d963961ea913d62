/// Where a use case sends what it has to say while it runs: notes, warnings, errors and progress.
///
/// Use cases never write to stderr themselves. The command line prints to stderr (the progress
/// line only on a terminal); the web server collects the messages for the page; tests collect
/// them to check the exact text.
public protocol ProgressSink: AnyObject {
    /// A message for the user (``Message/Kind`` says which kind).
    func report(_ message: Message)
    /// How far a long step is; shown only where a progress line can be shown.
    func progress(_ update: ProgressUpdate)
    /// The long step is over.
    func endProgress()
}

/// One message of a use case.
public struct Message: Hashable, Sendable, CustomStringConvertible {
    /// What kind of message.
    public enum Kind: String, Hashable, Sendable {
        case note, warning, error
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    /// A note (`kind` `.note`).
    public static func note(_ text: String) -> Message { Message(.note, text) }
    /// A warning.
    public static func warning(_ text: String) -> Message { Message(.warning, text) }
    /// An error.
    public static func error(_ text: String) -> Message { Message(.error, text) }

    /// As the command line prints it: `error: …`, `warning: …`, or the note as it is.
    public var description: String {
        switch kind {
        case .note: text
        case .warning: "warning: \(text)"
        case .error: "error: \(text)"
        }
    }
}

/// How far a long step is: what is being read, how many records, and (when known) how many bytes
/// of how many.
public struct ProgressUpdate: Hashable, Sendable {
    /// What is being worked on (a file name).
    public var subject: String
    /// Records read so far.
    public var records: Int
    /// Bytes read so far, and the total, when known.
    public var bytes: Int?
    public var totalBytes: Int?

    public init(subject: String, records: Int, bytes: Int? = nil, totalBytes: Int? = nil) {
        self.subject = subject
        self.records = records
        self.bytes = bytes
        self.totalBytes = totalBytes
    }
}

/// A sink that keeps every message (for tests and the web server).
public final class CollectingSink: ProgressSink, @unchecked Sendable {
    /// The messages so far, in order.
    public private(set) var messages: [Message] = []

    public init() {}

    public func report(_ message: Message) { messages.append(message) }
    public func progress(_ update: ProgressUpdate) {}
    public func endProgress() {}

    /// The messages' texts as the command line would print them, one per line.
    public var text: String { messages.map(\.description).joined(separator: "\n") }
}

extension ProgressSink {
    /// Reports a note.
    public func note(_ text: String) { report(.note(text)) }
    /// Reports a warning.
    public func warning(_ text: String) { report(.warning(text)) }
    /// Reports an error.
    public func error(_ text: String) { report(.error(text)) }
}

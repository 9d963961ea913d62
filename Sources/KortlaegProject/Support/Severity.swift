/// How a use case ended, worst last. Every front end maps it to its own signal: the command line
/// to an exit code (README "Exit codes"), the web server to a page and an HTTP status.
///
/// The ranking is written here once: when several files or steps end differently, the worst
/// decides (failure > conflict > rows rejected > success).
public enum Severity: Int, Comparable, Sendable, CaseIterable {
    /// Done.
    case success = 0
    /// Done, but some rows were rejected (see the rejects report).
    case rowsRejected = 1
    /// A file re-delivers responses another file delivered; nothing from it was imported.
    case conflict = 2
    /// The request itself is wrong (unknown option value, instrument or rule choice).
    case usage = 3
    /// An input is unreadable or not in the expected form; an instrument file is invalid.
    case invalidInput = 4
    /// An input file, project or child does not exist.
    case notFound = 5
    /// An output cannot be written.
    case cannotWrite = 6

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Failures outrank a conflict, a conflict outranks rejected rows.
    private var rank: Int {
        switch self {
        case .success: 0
        case .rowsRejected: 1
        case .conflict: 2
        case .usage, .invalidInput, .notFound, .cannotWrite: 3
        }
    }

    /// The worse of two outcomes; between two failures, the first one stands.
    public func worse(_ other: Severity) -> Severity {
        other > self ? other : self
    }

    /// Whether the use case failed (as opposed to finished, with or without rejected rows).
    public var isFailure: Bool { self > .conflict }
}

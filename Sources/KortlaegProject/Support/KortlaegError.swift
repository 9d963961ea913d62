/// A use case that could not be carried out: a message a PPR employee can act on and the
/// ``Severity`` a front end turns into its exit code or HTTP status.
///
/// Messages never contain a raw child id or a CPR number.
public struct KortlaegError: Error, CustomStringConvertible, Sendable {
    /// How bad it is.
    public var severity: Severity
    /// What went wrong and what to do, in the user's words.
    public var message: String

    /// Creates an error.
    public init(_ severity: Severity, _ message: String) {
        self.severity = severity
        self.message = message
    }

    public var description: String { message }
}

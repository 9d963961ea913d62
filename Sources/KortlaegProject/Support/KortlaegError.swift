import KortlaegDomain

/// A use case that could not be carried out: a message a PPR employee can act on and the
/// ``Severity`` a front end turns into its exit code or HTTP status.
///
/// The English ``message`` is the command line's (and the log's); ``danish`` is the same
/// message for the web pages, in plain words without option names. An error that wraps a store
/// or I/O error without a Danish text leaves ``danish`` nil, and a Danish page then shows a
/// sentence chosen by its severity.
///
/// Messages never contain a raw child id or a CPR number.
public struct KortlaegError: Error, CustomStringConvertible, Sendable {
    /// How bad it is.
    public var severity: Severity
    /// What went wrong and what to do, in the user's words (English).
    public var message: String
    /// The same in Danish, for the web pages; nil when there is no Danish text.
    public var danish: String?

    /// Creates an error.
    /// - Parameters:
    ///   - severity: how bad it is.
    ///   - message: the English message.
    ///   - danish: the Danish message, when there is one.
    public init(_ severity: Severity, _ message: String, danish: String? = nil) {
        self.severity = severity
        self.message = message
        self.danish = danish
    }

    /// The message in `language`: ``message`` in English, ``danish`` in Danish (nil when there is none).
    /// - Parameter language: the language of the page or report.
    /// - Returns: the text, or nil when the error has none in `language`.
    public func message(in language: Language) -> String? {
        switch language {
        case .english: message
        case .danish: danish
        }
    }

    public var description: String { message }
}

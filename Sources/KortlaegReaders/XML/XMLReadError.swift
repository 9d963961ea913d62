/// A problem with an XML input file, located by file, line and element path.
///
/// Messages never quote text or attribute values from the document.
public enum XMLReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened.
    case unreadable(file: String, reason: String)
    /// The document has a DOCTYPE declaration, which Kortlæg refuses (entity attacks).
    case doctypeRefused(file: String, line: Int)
    /// The document uses an entity reference such as `&name;`, which Kortlæg refuses.
    case entityReferenceRefused(file: String, line: Int)
    /// An element has more attributes than any real export (`limit`); refused before parsing.
    case tooManyAttributes(file: String, line: Int, limit: Int)
    /// The document is not well-formed XML (truncated, wrong encoding, …).
    case malformed(file: String, line: Int, path: String, problem: String)
    /// The document is well-formed but not what the reader expected.
    case unexpectedContent(file: String, line: Int, path: String, expected: String)

    /// A message in `file:line: message` form.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)."
        case let .doctypeRefused(file, line):
            return "\(file):\(line): the document contains a DOCTYPE declaration; "
                + "Kortlæg refuses DTDs in input files for safety. Export the file again without a DOCTYPE."
        case let .entityReferenceRefused(file, line):
            return "\(file):\(line): the document contains an entity reference; "
                + "Kortlæg refuses entities in input files for safety."
        case let .tooManyAttributes(file, line, limit):
            return "\(file):\(line): an element has more than \(limit) attributes; no questionnaire export has that many, "
                + "so the file was not read (it may be damaged or made to slow the import down)."
        case let .malformed(file, line, path, problem):
            let at = path.isEmpty ? "" : " (in \(path))"
            return "\(file):\(line): the file is not well-formed XML\(at): \(problem). "
                + "Expected a complete XML document in its declared encoding."
        case let .unexpectedContent(file, line, path, expected):
            return "\(file):\(line): unexpected content in \(path); expected \(expected)."
        }
    }
}

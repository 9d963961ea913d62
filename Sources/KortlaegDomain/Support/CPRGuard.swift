import Foundation

/// The one guard for every text that enters a project store or leaves the program (stderr,
/// rejects files, reports, exports): a CPR-shaped number is replaced by a marker in free text and
/// refuses a name or an id, with a message that never repeats the number.
///
/// It recognises the numbers as people type them: `010203-1234`, `010203–1234` (en dash, as word
/// processors turn `-` into), `010203 1234`, `0102031234`, and full-width digits
/// (`０１０２０３－１２３４`, from East Asian input methods and some PDF copies); see
/// ``CPRNumber``.
public enum CPRGuard {
    /// What replaces a CPR-shaped number in any output: free text, messages, ids in reports and
    /// CSV files, web pages, the command line's standard error. The one definition; nothing else
    /// spells a marker of its own (a test scans `Sources/` for that). It is also what the store
    /// keeps in place of a number in a text answer, so it is never changed.
    public static let marker = "[CPR fjernet]"

    /// A name or an id that holds a CPR-shaped number; `what` names the field (`class name`,
    /// `school`, `file name`). The message never contains the number.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        /// The kind of text refused, e.g. `class name`.
        public var what: String

        /// A refusal of the `what` (e.g. `file name`).
        public init(what: String) { self.what = what }

        /// A message a PPR employee can act on.
        public var description: String {
            "the \(what) contains a CPR number (not shown), and a CPR number is never stored or printed"
        }
    }

    /// `text` with every CPR-shaped number replaced by ``marker`` (free text: answers, goals,
    /// messages).
    public static func masked(_ text: String) -> String {
        guard CPRNumber.containsCPR(text) else { return text }
        return CPRNumber.replacingMatches(in: text, with: marker)
    }

    /// A fresh UUID string (`UUID().uuidString`) that holds no CPR-shaped number, for the names of
    /// temporary files and folders. Their paths reach messages and the store's file names, which
    /// refuse a CPR-shaped number, and about one UUID in a few hundred happens to hold one
    /// (`…-0102031234AB`, `…010203-1234…`): such a UUID is drawn again.
    public static func uniqueName() -> String {
        while true {
            let name = UUID().uuidString
            if !CPRNumber.containsCPR(name) { return name }
        }
    }

    /// `text` unchanged when it holds no CPR-shaped number (names and ids).
    /// - Throws: ``Refusal`` naming `what`, never the number.
    @discardableResult
    public static func name(_ text: String, what: String) throws(Refusal) -> String {
        if CPRNumber.containsCPR(text) { throw Refusal(what: what) }
        return text
    }
}

import KortlaegDomain

/// The items of one instrument version in stored order, for the short form of its answers that
/// the SQLite store keeps (schema v10): `~` and one character per item — its code 0–9 as a
/// letter `a`–`j`, or `-` when the item was not answered. `~bcac-b` is items 1–6 answered 1, 2,
/// 0, 2, blank, 1. Letters, not digits: a run of answers never looks like a CPR number to a scan
/// of the project file.
///
/// A response of 31 SDQ items is 32 bytes instead of about 350 of JSON (``AnswerCoding``): an
/// import of a million responses writes a third of the bytes. The layout is kept once, with the
/// scoring row the responses point to (`scoring.answerItems`), never in the response. A response
/// the short form cannot hold (a code above 9, a number, a text, a missing code's reason, an item
/// the instrument does not have) is stored as JSON; a reader tells the two apart by the first
/// character (`~` or `{`).
package struct AnswerLayout: Hashable, Sendable {
    /// The first character of the short form.
    static let marker = UInt8(ascii: "~")
    private static let notAnswered = UInt8(ascii: "-")
    /// The character of code 0 (code c is `a` + c).
    private static let firstCode = UInt8(ascii: "a")
    private static let separator: Character = "\u{1F}"

    /// Item ids, sorted by their bytes, each once.
    package let items: [String]

    /// The layout of `itemIDs`; nil when there are none or one is empty or holds U+001F (the
    /// stored layout's separator).
    package init?(itemIDs: some Sequence<String>) {
        let items = Set(itemIDs).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        guard !items.isEmpty, items.allSatisfy({ !$0.isEmpty && !$0.contains(Self.separator) }) else { return nil }
        self.items = items
    }

    /// The layout as kept in the scoring row: the item ids separated by U+001F.
    package var stored: String { items.joined(separator: String(Self.separator)) }

    /// The layout kept as ``stored``; nil for the empty text (no layout kept).
    package init?(stored: String) {
        guard !stored.isEmpty else { return nil }
        self.init(itemIDs: stored.split(separator: Self.separator, omittingEmptySubsequences: false).map(String.init))
    }

    /// Whether `text` is a stored answer text in the short form.
    package static func isShort(_ text: String) -> Bool { text.utf8.first == marker }

    /// The short form of `answers`, or nil when it cannot hold them (see the type's description).
    package func encode(_ answers: [String: AnswerValue], missingReasons: [String: String] = [:]) -> String? {
        guard missingReasons.isEmpty, answers.count <= items.count else { return nil }
        var out = [UInt8](repeating: Self.notAnswered, count: items.count + 1)
        out[0] = Self.marker
        var found = 0
        for (index, item) in items.enumerated() {
            guard let value = answers[item] else { continue }
            guard case let .code(code) = value, (0...9).contains(code) else { return nil }
            out[index + 1] = Self.firstCode + UInt8(code)
            found += 1
        }
        guard found == answers.count else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// The answers of a short-form text.
    /// - Throws: ``StoreError/database(_:)`` when the text is not one of this layout.
    package func decode(_ text: String) throws -> [String: AnswerValue] {
        var text = text
        return try text.withUTF8 { bytes in
            guard bytes.count == items.count + 1, bytes.first == Self.marker else {
                throw StoreError.database("stored answers are damaged: \(bytes.count - 1) answers in the short form, \(items.count) items in its layout")
            }
            var answers: [String: AnswerValue] = [:]
            answers.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                let byte = bytes[index + 1]
                if byte == Self.notAnswered { continue }
                guard byte &- Self.firstCode < 10 else {
                    throw StoreError.database("stored answers are damaged: \(String(decoding: [byte], as: UTF8.self).debugDescription) is neither a code a–j nor -")
                }
                answers[item] = .code(Int(byte &- Self.firstCode))
            }
            return answers
        }
    }
}

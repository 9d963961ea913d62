import KortlaegDomain

/// One text of the Danish/English string table: what a PPR employee reads, Danish by default.
///
/// The table itself is ``Phrasebook``: one `static let` per text, grouped by topic in
/// `Phrasebook+Topic.swift` files. Texts with values are `static func`s returning a `Phrase`.
public struct Phrase: Hashable, Sendable, ExpressibleByStringLiteral {
    /// The Danish text.
    public var da: String
    /// The English text.
    public var en: String

    /// A text in both languages.
    public init(da: String, en: String) {
        self.da = da
        self.en = en
    }

    /// The same text in both languages (names, numbers, symbols).
    public init(stringLiteral value: String) {
        self.init(da: value, en: value)
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String {
        language == .danish ? da : en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String { self(language) }
}

/// The string table of everything Kortlæg's reports say. Extended by topic.
public enum Phrasebook {}

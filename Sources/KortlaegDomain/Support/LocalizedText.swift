/// Text in one or more languages, keyed by ISO 639-1 code (`"da"`, `"en"`).
///
/// Labels meant for Danish staff default to Danish; English is the fallback for missing
/// translations and the language of code and logs.
public struct LocalizedText: Codable, Hashable, Sendable {
    /// The texts by language code.
    public var texts: [String: String]

    /// Creates a text from language-code/text pairs.
    public init(_ texts: [String: String]) {
        self.texts = texts
    }

    /// The text in `language`, else English, else Danish, else any language present, else "".
    public func text(_ language: Language) -> String {
        texts[language.rawValue] ?? texts["en"] ?? texts["da"] ?? texts.values.sorted().first ?? ""
    }

    public init(from decoder: any Decoder) throws {
        texts = try decoder.singleValueContainer().decode([String: String].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(texts)
    }
}

/// The languages Kortlæg writes labels and reports in.
public enum Language: String, Codable, Sendable, CaseIterable {
    case danish = "da"
    case english = "en"
}

import Foundation

/// One choice of a REDCap radio, dropdown or checkbox field: `1, Yes`.
public struct REDCapChoice: Sendable, Equatable {
    /// The raw code (`1`, `a`).
    public var code: String
    /// The label shown to respondents.
    public var label: String

    /// Creates a choice.
    public init(code: String, label: String) {
        self.code = code
        self.label = label
    }

    /// Parses REDCap's `Choices, Calculations, OR Slider Labels` text: `1, Yes | 0, No`
    /// (spaces around `|` and after `,` optional; only the first comma separates code and label).
    public static func parseList(_ text: String) -> [REDCapChoice] {
        text.split(separator: "|").compactMap { part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let comma = trimmed.firstIndex(of: ",") else { return REDCapChoice(code: trimmed, label: trimmed) }
            return REDCapChoice(
                code: trimmed[..<comma].trimmingCharacters(in: .whitespaces),
                label: trimmed[trimmed.index(after: comma)...].trimmingCharacters(in: .whitespaces))
        }
    }
}

/// How a child is shown on screen: by a short label of its pseudonym, never by its id.
public enum PseudonymLabel {
    /// The first 12 characters of `pseudonym` in groups of four (`3f2a-09bc-77de`), which can never
    /// look like a CPR number (at most four digits in a row).
    public static func text(_ pseudonym: String) -> String {
        let characters = Array(pseudonym.prefix(12))
        return stride(from: 0, to: characters.count, by: 4)
            .map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }
}

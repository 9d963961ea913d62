/// Parses numbers written the Danish way (`3,7`, `2.351`, `-1.234,5`) or the English way.
///
/// The caller chooses the ``DecimalStyle`` per column (see ``DecimalStyle/detect(in:)``).
public enum DanishNumber {
    /// Parses `text` as a number in the given decimal style.
    ///
    /// Accepts a leading `+`, `-` or `−` (U+2212), surrounding spaces, and thousands groups of
    /// exactly three digits separated by the other separator, a space or a no-break space.
    /// - Parameters:
    ///   - text: The number as written, e.g. `"3,7"` or `"2.351"`.
    ///   - style: The column's decimal style.
    /// - Returns: The value, or `nil` when `text` is not a number in that style.
    public static func parse(_ text: String, style: DecimalStyle) -> Double? {
        let decimal: Character = style == .comma ? "," : "."
        let grouping: Set<Character> = style == .comma ? [".", " ", "\u{00A0}", "\u{202F}"] : [",", " ", "\u{00A0}", "\u{202F}"]
        var body = Substring(text.trimmingCharacters(in: " \t\u{00A0}"))
        var negative = false
        if let first = body.first, first == "-" || first == "+" || first == "\u{2212}" {
            negative = first != "+"
            body = body.dropFirst()
        }
        let parts = body.split(separator: decimal, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count <= 2, let integerText = parts.first else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard fraction.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
        // Integer part: digits, optionally grouped in threes.
        let groups = integerText.split(omittingEmptySubsequences: false) { grouping.contains($0) }
        for (index, group) in groups.enumerated() {
            guard group.allSatisfy(\.isASCIIDigitCharacter) else { return nil }
            if groups.count > 1 {
                if index == 0 ? !(1...3).contains(group.count) : group.count != 3 { return nil }
            }
        }
        let digits = groups.joined()
        guard !digits.isEmpty || !fraction.isEmpty else { return nil }
        guard let value = Double("\(digits.isEmpty ? "0" : digits).\(fraction.isEmpty ? "0" : fraction)") else {
            return nil
        }
        return negative ? -value : value
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> Substring {
        var slice = Substring(self)
        while let c = slice.first, set.contains(c) { slice = slice.dropFirst() }
        while let c = slice.last, set.contains(c) { slice = slice.dropLast() }
        return slice
    }

    fileprivate func trimmingCharacters(in characters: String) -> Substring {
        trimmingCharacters(in: Set(characters))
    }
}

/// Which character separates the decimals in a column of numbers.
///
/// Decide per column, never per file: a REDCap export has `number_comma_decimal` fields
/// (`"1,54"`) beside calculated fields written with a point (`22.1`).
public enum DecimalStyle: Sendable, Equatable, CustomStringConvertible {
    /// Danish: `3,7`; `.` (or a space) groups thousands, as in `2.351`.
    case comma
    /// English: `3.7`; `,` (or a space) groups thousands, as in `2,351`.
    case point

    /// `decimal comma` or `decimal point`.
    public var description: String {
        self == .comma ? "decimal comma" : "decimal point"
    }

    /// Guesses a column's style from its values, or returns `nil` when they do not tell.
    ///
    /// A value decides when its separator cannot be a thousands separator (`1,54`, `0.5`,
    /// `1,2345`) or when both separators occur (`1.234,5`). Values like `2.351` or `12` are
    /// ambiguous and ignored. Conflicting evidence returns `nil`.
    /// - Parameter values: The column's values.
    public static func detect(in values: some Sequence<String>) -> DecimalStyle? {
        var sawComma = false
        var sawPoint = false
        for value in values {
            guard let style = evidence(value) else { continue }
            if style == .comma { sawComma = true } else { sawPoint = true }
            if sawComma && sawPoint { return nil }
        }
        return sawComma ? .comma : sawPoint ? .point : nil
    }

    private static func evidence(_ value: String) -> DecimalStyle? {
        let utf8 = Array(value.utf8)
        let commas = utf8.indices.filter { utf8[$0] == UInt8(ascii: ",") }
        let points = utf8.indices.filter { utf8[$0] == UInt8(ascii: ".") }
        if let c = commas.last, let p = points.last { return c > p ? .comma : .point }
        for (separators, style) in [(commas, DecimalStyle.comma), (points, .point)] where !separators.isEmpty {
            if separators.count > 1 { return style == .comma ? .point : .comma }
            let digitsAfter = utf8.count - separators[0] - 1
            let digitsBefore = separators[0]
            if digitsAfter != 3 || digitsBefore == 0 { return style }
            if utf8[0] == UInt8(ascii: "0") && digitsBefore == 1 { return style }  // 0,123
        }
        return nil
    }
}

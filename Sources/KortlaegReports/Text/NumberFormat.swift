import KortlaegDomain

/// The one number formatter of the reports: halves round up (`floor(x·10ᵈ + 0.5)`, as
/// everywhere in Kortlæg), a decimal comma in Danish, a point in English, and never `-0`.
public struct NumberFormat: Hashable, Sendable {
    /// Fixed decimals, or at most this many with trailing zeros (and the point) dropped.
    public var decimals: Int
    /// Drop trailing zeros (`2,50` → `2,5`, `3,00` → `3`).
    public var trimsZeros: Bool
    /// The language whose decimal mark is used.
    public var language: Language

    /// A formatter.
    public init(decimals: Int, trimsZeros: Bool = false, language: Language) {
        self.decimals = decimals
        self.trimsZeros = trimsZeros
        self.language = language
    }

    /// `value` as text. Non-finite values are `–`.
    public func string(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // Half up on the magnitude's scaled value; a tiny epsilon absorbs binary representation
        // error (2.675 is stored as 2.67499…), as a person rounding the printed number would.
        let scaled = (value * scale + 0.5 + 1e-9 * max(1, abs(value * scale))).rounded(.down)
        let negative = scaled < 0
        let magnitude = abs(scaled)
        let integer = (magnitude / scale).rounded(.down)
        var fraction = String(Int(magnitude - integer * scale))
        fraction = String(repeating: "0", count: max(0, decimals - fraction.count)) + fraction
        if trimsZeros { while fraction.hasSuffix("0") { fraction.removeLast() } }
        let mark = language == .danish ? "," : "."
        let body = String(Int(integer)) + (decimals == 0 || fraction.isEmpty ? "" : mark + fraction)
        return negative && body.contains(where: { $0 != "0" && $0 != "," && $0 != "." }) ? "-" + body : body
    }

    /// A formatter with `decimals` fixed decimals.
    public static func fixed(_ decimals: Int, _ language: Language) -> NumberFormat {
        NumberFormat(decimals: decimals, language: language)
    }

    /// Up to `decimals` decimals, trailing zeros dropped (scores: `12`, means: `3,5`).
    public static func upTo(_ decimals: Int, _ language: Language) -> NumberFormat {
        NumberFormat(decimals: decimals, trimsZeros: true, language: language)
    }
}

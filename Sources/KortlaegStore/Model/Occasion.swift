import Foundation

/// When in the course a mapping was made: the initial mapping T1, follow-up n (`F1`, `F2`, …)
/// or the final (new) mapping T2.
public enum Occasion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Indledende kortlægning (baseline).
    case initial
    /// Opfølgning number n (1, 2, …).
    case followUp(Int)
    /// Ny kortlægning at the end of the course.
    case final

    /// Parses `T1`, `F1`, `F2`, …, `T2` (case-insensitive).
    public init?(_ text: String) {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        switch code {
        case "T1": self = .initial
        case "T2": self = .final
        default:
            guard code.hasPrefix("F"), let number = Int(code.dropFirst()), number >= 1, number < 1000,
                  !code.dropFirst().hasPrefix("0") else { return nil }
            self = .followUp(number)
        }
    }

    /// The code: `T1`, `F1`, …, `T2`.
    public var code: String {
        switch self {
        case .initial: "T1"
        case .followUp(let number): "F\(number)"
        case .final: "T2"
        }
    }

    /// The position in the course: T1 = 0, Fn = n, T2 = 1000.
    public var sequence: Int {
        switch self {
        case .initial: 0
        case .followUp(let number): number
        case .final: 1000
        }
    }

    public var description: String { code }

    public static func < (lhs: Occasion, rhs: Occasion) -> Bool { lhs.sequence < rhs.sequence }
}

/// The school year of a trivselsmåling, e.g. 2017/18.
///
/// The survey runs from 20 January to 20 March, so a bare year `Y` (as municipal pipelines write
/// in an `År` column) is read as the survey of spring `Y`: school year `Y−1/Y`.
/// Source: shared/specs/trivsel.md, "Legal frame".
public struct SchoolYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the school year ends (and the survey is taken).
    public var endYear: Int

    /// Creates the school year ending in `endYear`.
    public init(endYear: Int) {
        self.endYear = endYear
    }

    /// Parses `2017/2018`, `2017/18`, `2017-2018` or a bare survey year `2018`.
    /// - Returns: nil when the text is none of these or the two years do not follow each other.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: " \t")
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" }).map(String.init)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else {
            return nil
        }
        guard let first = Int(parts[0]), parts[0].count == 4, (1990...2200).contains(first) else { return nil }
        if parts.count == 1 {
            endYear = first
            return
        }
        let second: Int
        switch parts[1].count {
        case 2: second = first / 100 * 100 + Int(parts[1])!
        case 4: second = Int(parts[1])!
        default: return nil
        }
        guard second == first + 1 || (parts[1].count == 2 && second + 100 == first + 1) else { return nil }
        endYear = first + 1
    }

    /// `2017/18`.
    public var description: String {
        let end = endYear % 100
        return "\(endYear - 1)/\(end < 10 ? "0" : "")\(end)"
    }

    public static func < (lhs: SchoolYear, rhs: SchoolYear) -> Bool { lhs.endYear < rhs.endYear }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    fileprivate func trimmingCharacters(in characters: String) -> Substring {
        var slice = Substring(self)
        while let c = slice.first, characters.contains(c) { slice = slice.dropFirst() }
        while let c = slice.last, characters.contains(c) { slice = slice.dropLast() }
        return slice
    }
}

/// Finds text shaped like a Danish CPR number, so that no export or report ever writes one.
///
/// A CPR number is `DDMMYY-SSSS` or the same ten digits without the hyphen, where the first six
/// digits are a valid date (the century is not known, so 29 February is accepted for every year
/// divisible by 4, and for `00`). The match must not be part of a longer run of digits. A space
/// instead of the hyphen is also caught, to be safe. The modulus-11 check is deliberately not
/// applied: CPR numbers issued since 2007 need not satisfy it.
///
/// Source: CPR-kontoret, "Personnummeret i CPR" (2008).
public enum CPRDetector {
    /// Whether `text` contains anything CPR-shaped.
    public static func containsCPR(_ text: String) -> Bool {
        firstMatch(in: Array(text.utf8)) != nil
    }

    /// Whether a number would read as a CPR when written with ten digits (leading zero restored).
    public static func looksLikeCPR(_ number: Double) -> Bool {
        guard number.isFinite, number == number.rounded(), number >= 1_000_000, number < 10_000_000_000 else { return false }
        var digits = String(Int64(number))
        if digits.count == 9 { digits = "0" + digits }
        return digits.count == 10 && containsCPR(digits)
    }

    /// The byte offset of the first CPR-shaped match in `bytes`, or nil.
    public static func firstMatch(in bytes: [UInt8]) -> Int? {
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && (0x30...0x39).contains(bytes[index]) }
        func value(_ index: Int) -> Int { Int(bytes[index] - 0x30) }
        var start = 0
        while start + 10 <= bytes.count {
            defer { start += 1 }
            guard isDigit(start), !isDigit(start - 1), (0..<6).allSatisfy({ isDigit(start + $0) }) else { continue }
            var next = start + 6
            if next < bytes.count, bytes[next] == UInt8(ascii: "-") || bytes[next] == UInt8(ascii: " ") { next += 1 }
            guard next + 4 <= bytes.count, (0..<4).allSatisfy({ isDigit(next + $0) }), !isDigit(next + 4) else { continue }
            let day = value(start) * 10 + value(start + 1)
            let month = value(start + 2) * 10 + value(start + 3)
            let year = value(start + 4) * 10 + value(start + 5)
            if isValidDate(day: day, month: month, year: year) { return start }
        }
        return nil
    }

    static func isValidDate(day: Int, month: Int, year: Int) -> Bool {
        guard (1...12).contains(month), day >= 1 else { return false }
        let days = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

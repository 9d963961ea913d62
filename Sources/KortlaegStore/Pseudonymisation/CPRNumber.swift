/// Recognises CPR-shaped ids: `DDMMYY-XXXX`, or ten digits (optionally `DDMMYY XXXX`) whose first
/// six form a valid date DDMMYY.
///
/// No modulus-11 check: numbers issued since 2007 need not satisfy it, and a false positive only
/// means an id is normalised as a CPR number before hashing. Source: CPR-kontoret, "Personnummeret
/// i CPR-systemet" (2008).
public enum CPRNumber {
    /// The ten digits of `text` when it is CPR-shaped, else nil.
    public static func normalised(_ text: String) -> String? {
        let trimmed = text.utf8.drop { $0 == 32 || $0 == 9 }.reversed().drop { $0 == 32 || $0 == 9 || $0 == 13 }.reversed()
        let bytes = Array(trimmed)
        var digits: [UInt8]
        switch bytes.count {
        case 10:
            digits = bytes
        case 11:
            guard bytes[6] == UInt8(ascii: "-") || bytes[6] == UInt8(ascii: " ") else { return nil }
            digits = Array(bytes[0..<6] + bytes[7..<11])
        default:
            return nil
        }
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        digits = digits.map { $0 - 48 }
        let day = Int(digits[0]) * 10 + Int(digits[1])
        let month = Int(digits[2]) * 10 + Int(digits[3])
        let year = Int(digits[4]) * 10 + Int(digits[5])
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, twoDigitYear: year) else { return nil }
        return String(decoding: digits.map { $0 + 48 }, as: UTF8.self)
    }

    /// Whether `text` looks like a CPR number.
    public static func looksLike(_ text: String) -> Bool { normalised(text) != nil }

    /// Whether `text` contains a CPR-shaped run (for redacting free text such as reject values).
    public static func contains(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return false }
        for start in 0...(bytes.count - 10) {
            for length in [10, 11] where start + length <= bytes.count {
                let candidate = String(decoding: bytes[start..<(start + length)], as: UTF8.self)
                if looksLike(candidate) { return true }
            }
        }
        return false
    }

    private static func daysIn(month: Int, twoDigitYear year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 ? 29 : 28 // the century is not in DDMMYY; accept 29 Feb in every year divisible by 4
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

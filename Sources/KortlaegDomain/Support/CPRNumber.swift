/// Recognises Danish CPR numbers so that they can be kept out of every store, export, report and
/// log.
///
/// The shape is `DDMMYY-XXXX`, `DDMMYY XXXX` or ten digits, with a valid day and month (29
/// February is accepted whenever YY is divisible by 4, since the century is not in the number).
/// No modulus-11 check: CPR numbers without it have been issued since 2007 (CPR-kontoret,
/// "Personnumre uden kontrolciffer"). The separator may also be an en dash, a minus sign, a
/// non-breaking space or a hyphen from another script, and the digits full-width (`０`–`９`): the
/// text is folded to ASCII digits, `-` and space before it is matched (``folded(_:)``).
public enum CPRNumber {
    /// The ten digits of `text` when the whole text (spaces and tabs around it ignored) is
    /// CPR-shaped; nil otherwise. `010203-1234`, `010203 1234` and `0102031234` all give
    /// `0102031234`.
    public static func normalised(_ text: some StringProtocol) -> String? {
        var bytes = folded(String(text))[...]
        while let first = bytes.first, first == 32 || first == 9 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 32 || last == 9 || last == 13 { bytes = bytes.dropLast() }
        let digits: [UInt8]
        switch bytes.count {
        case 10:
            digits = Array(bytes)
        case 11:
            let separator = bytes[bytes.startIndex + 6]
            guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: " ") else { return nil }
            digits = Array(bytes.prefix(6)) + Array(bytes.suffix(4))
        default:
            return nil
        }
        guard digits.allSatisfy(isDigit), hasValidDate(digits, at: 0) else { return nil }
        return String(decoding: digits, as: UTF8.self)
    }

    /// Whether the whole of `text` is CPR-shaped.
    public static func looksLikeCPR(_ text: some StringProtocol) -> Bool { normalised(text) != nil }

    /// Whether a number, written as an integer with its leading zero restored, is CPR-shaped
    /// (a CPR number read as a number by a spreadsheet loses its leading zero).
    public static func looksLikeCPR(_ number: Double) -> Bool {
        guard number.isFinite, number == number.rounded(), number >= 1_000_000, number < 10_000_000_000 else { return false }
        var digits = String(Int64(number))
        if digits.count == 9 { digits = "0" + digits }
        return looksLikeCPR(digits)
    }

    /// Whether `text` contains a CPR-shaped number anywhere, not run together with other digits.
    public static func containsCPR(_ text: String) -> Bool {
        if text.utf8.count < 10 { return false }
        return firstMatch(in: folded(text)) != nil
    }

    /// `text` with every CPR-shaped number replaced by `replacement`.
    public static func replacingMatches(in text: String, with replacement: String) -> String {
        // Fold scalar by scalar, remembering where each folded byte came from.
        var folded: [UInt8] = []
        var origin: [String.UnicodeScalarView.Index] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            for byte in foldedBytes(scalars[index]) {
                folded.append(byte)
                origin.append(index)
            }
            index = scalars.index(after: index)
        }
        var result = String.UnicodeScalarView()
        var copiedUpTo = scalars.startIndex
        var searchFrom = 0
        while let start = firstMatch(in: Array(folded[searchFrom...])).map({ $0 + searchFrom }) {
            // Six digits, an optional separator, four digits.
            let end = isDigit(folded[start + 6]) ? start + 10 : start + 11
            result.append(contentsOf: scalars[copiedUpTo..<origin[start]])
            result.append(contentsOf: replacement.unicodeScalars)
            copiedUpTo = end < origin.count ? origin[end] : scalars.endIndex
            searchFrom = end
        }
        result.append(contentsOf: scalars[copiedUpTo...])
        return String(result)
    }

    /// `text` as UTF-8 with full-width digits as ASCII digits, dashes (en dash, minus sign,
    /// non-breaking hyphen, full-width hyphen-minus) as `-` and non-breaking spaces as a space,
    /// so that ``firstMatch(in:)`` sees the numbers people type.
    public static func folded(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars { bytes.append(contentsOf: foldedBytes(scalar)) }
        return bytes
    }

    private static func foldedBytes(_ scalar: Unicode.Scalar) -> [UInt8] {
        switch scalar.value {
        case 0xFF10...0xFF19: return [UInt8(scalar.value - 0xFF10 + 48)]
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D: return [UInt8(ascii: "-")]
        case 0x00A0, 0x2007, 0x202F, 0x3000: return [UInt8(ascii: " ")]
        default: return Array(String(scalar).utf8)
        }
    }

    /// The offset of the first CPR-shaped number in `bytes` (UTF-8 or any ASCII-compatible
    /// encoding), or nil. Used to scan database files and exports byte by byte.
    public static func firstMatch(in bytes: [UInt8]) -> Int? {
        func digitAt(_ index: Int) -> Bool { index >= 0 && index < bytes.count && isDigit(bytes[index]) }
        var start = 0
        while start + 10 <= bytes.count {
            defer { start += 1 }
            guard !digitAt(start - 1), (0..<6).allSatisfy({ digitAt(start + $0) }) else { continue }
            var next = start + 6
            if bytes[next] == UInt8(ascii: "-") || bytes[next] == UInt8(ascii: " ") { next += 1 }
            guard next + 4 <= bytes.count, (0..<4).allSatisfy({ digitAt(next + $0) }), !digitAt(next + 4) else { continue }
            if hasValidDate(Array(bytes[start..<start + 6]), at: 0) { return start }
        }
        return nil
    }

    /// `text` with every CPR-shaped number replaced by ``CPRGuard/marker`` (for ids shown in
    /// reports): the same marker as every other output.
    public static func masked(_ text: String) -> String { CPRGuard.masked(text) }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func hasValidDate(_ digits: [UInt8], at offset: Int) -> Bool {
        func value(_ index: Int) -> Int { Int(digits[offset + index] - 48) * 10 + Int(digits[offset + index + 1] - 48) }
        let day = value(0), month = value(2), year = value(4)
        guard (1...12).contains(month), day >= 1 else { return false }
        let days = [31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}

/// Recognises Danish CPR numbers so they are never written to an export, report or log.
///
/// A CPR number is `DDMMYY-XXXX` or ten digits whose first six are a valid date `DDMMYY`
/// (any century; 29 February accepted for every year, as the century digit is not checked here).
public enum CPRNumber {
    /// Whether `text` (trimmed) looks like a CPR number.
    public static func looksLikeCPR(_ text: some StringProtocol) -> Bool {
        var digits: [Int] = []
        var dashSeen = false
        for (offset, character) in text.trimmingSpaces().enumerated() {
            if character == "-", offset == 6, !dashSeen {
                dashSeen = true
                continue
            }
            guard let digit = character.wholeNumberValue, character.isASCII else { return false }
            digits.append(digit)
        }
        guard digits.count == 10 else { return false }
        let day = digits[0] * 10 + digits[1], month = digits[2] * 10 + digits[3]
        let daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month) else { return false }
        return (1...daysInMonth[month - 1]).contains(day)
    }

    /// Whether `text` contains a CPR-shaped run anywhere (for scanning whole outputs).
    public static func containsCPR(_ text: String) -> Bool {
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            if characters[index].isASCII, characters[index].isNumber,
               index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber) {
                for length in [11, 10] where index + length <= characters.count {
                    let candidate = String(characters[index..<index + length])
                    let next = index + length < characters.count ? characters[index + length] : " "
                    if !(next.isASCII && next.isNumber), looksLikeCPR(candidate) { return true }
                }
            }
            index += 1
        }
        return false
    }

    /// `text`, or a neutral placeholder when it looks like a CPR number.
    public static func masked(_ text: String) -> String {
        looksLikeCPR(text) ? "(CPR-lignende id skjult)" : text
    }
}

private extension StringProtocol {
    func trimmingSpaces() -> Substring {
        var result = Substring(self)
        while result.first == " " { result = result.dropFirst() }
        while result.last == " " { result = result.dropLast() }
        return result
    }
}

/// Rules for variable names that SPSS, Stata and R all accept.
///
/// Source: Stata 18 manual [U] 11.3 (names: 1–32 characters, letters, digits, `_`, not starting
/// with a digit; reserved words); IBM SPSS Statistics "Variable names" (64 bytes; reserved
/// keywords ALL AND BY EQ GE GT LE LT NE NOT OR TO WITH).
public enum VariableName {
    /// The longest name allowed (Stata's limit, stricter than SPSS's 64 bytes).
    public static let maximumLength = 32

    /// Words neither program accepts as a name (compared case-insensitively for SPSS's).
    static let spssReserved: Set<String> = ["all", "and", "by", "eq", "ge", "gt", "le", "lt", "ne", "not", "or", "to", "with"]
    static let stataReserved: Set<String> = [
        "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n", "_pi",
        "_pred", "_rc", "_skip", "str", "strl", "using", "with",
    ]

    /// Why `name` is not a valid export variable name, or nil when it is.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.utf8.count > maximumLength { return "is longer than \(maximumLength) characters" }
        guard let first = name.unicodeScalars.first, first.isASCIILetter else {
            return "must start with a letter (a-z)"
        }
        if !name.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }) {
            return "may only contain a-z, 0-9 and _"
        }
        let lower = name.lowercased()
        if spssReserved.contains(lower) || stataReserved.contains(lower) || (lower.hasPrefix("str") && Int(lower.dropFirst(3)) != nil) {
            return "is a reserved word in SPSS or Stata"
        }
        return nil
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

/// Turns raw text from a file into validated answers for one instrument.
///
/// Blank text and codes listed as missing mean "not answered". A code outside the answer
/// scale (e.g. 3 on a 0–2 item) or text where a code is expected is an ``AnswerProblem``:
/// such a row is rejected, never scored.
public struct AnswerParser: Sendable {
    struct ItemRule: Sendable {
        var item: Item
        var kind: AnswerScale.Kind
        var validCodes: Set<Int>
        var missingCodes: Set<Int>
        var lowest: Int
        var highest: Int
        var minimum: Double?
        var maximum: Double?
        var expected: String
    }

    let rules: [ItemRule]
    /// Trivially copyable summaries of `rules` for the per-field fast path: a bit per code 0...63.
    let fast: [FastRule]

    struct FastRule: Sendable {
        var coded: Bool
        var validMask: UInt64
        var missingMask: UInt64
    }

    /// Creates a parser for `instrument`.
    public init(instrument: Instrument) {
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        rules = instrument.items.map { item in
            let scale = scales[item.answerScale]
            let valid = scale?.validCodes ?? []
            let missing = Set((scale?.missingCodes ?? []).map(\.code))
            let kind = scale?.kind ?? .text
            let expected: String
            switch kind {
            case .ordinal, .nominal, .checkbox:
                let allowed = valid.map(String.init).joined(separator: ", ")
                expected = missing.isEmpty ? "one of \(allowed) or blank"
                    : "one of \(allowed), \(missing.sorted().map(String.init).joined(separator: ", ")) (no answer) or blank"
            case .number:
                expected = "a number from \(scale?.minimum.map { "\($0)" } ?? "any") to \(scale?.maximum.map { "\($0)" } ?? "any") or blank"
            case .text, .date:
                expected = "text"
            }
            return ItemRule(item: item, kind: kind, validCodes: Set(valid), missingCodes: missing,
                            lowest: valid.first ?? 0, highest: valid.last ?? 0,
                            minimum: scale?.minimum, maximum: scale?.maximum, expected: expected)
        }
        fast = rules.map { rule in
            let coded = [.ordinal, .nominal, .checkbox].contains(rule.kind)
            let inRange = { (code: Int) in (0..<64).contains(code) }
            // Codes outside 0...63 disable the fast path for that item (mask 0 → general path).
            let simple = rule.validCodes.allSatisfy(inRange) && rule.missingCodes.allSatisfy(inRange)
            return FastRule(coded: coded && simple,
                            validMask: rule.validCodes.reduce(0) { $0 | (1 << UInt64($1)) },
                            missingMask: rule.missingCodes.reduce(0) { $0 | (1 << UInt64($1)) })
        }
    }

    /// The number of items (the length of answer arrays).
    public var itemCount: Int { rules.count }

    /// Parses the raw text for the item at `index` (in instrument order).
    /// - Returns: the answer, or nil when unanswered.
    /// - Throws: ``AnswerProblem`` when the text is not a valid answer.
    public func parse(_ raw: Substring, item index: Int) throws(AnswerProblem) -> AnswerValue? {
        // Fast path: empty or a single ASCII digit on a coded item (nearly every field of a survey file).
        let fastRule = fast[index]
        if fastRule.coded {
            var iterator = raw.utf8.makeIterator()
            guard let first = iterator.next() else { return nil }
            if iterator.next() == nil, first >= 0x30, first <= 0x39 {
                let bit = UInt64(1) << UInt64(first - 0x30)
                if fastRule.missingMask & bit != 0 { return nil }
                if fastRule.validMask & bit != 0 { return .code(Int(first - 0x30)) }
            }
        }
        return try parseGeneral(raw, rule: rules[index])
    }

    private func parseGeneral(_ raw: Substring, rule: borrowing ItemRule) throws(AnswerProblem) -> AnswerValue? {
        let text = raw.trimmingSpaces
        if text.isEmpty { return nil }
        switch rule.kind {
        case .ordinal, .nominal, .checkbox:
            guard let code = parseCode(text) else {
                throw AnswerProblem(item: rule.item.id, variable: rule.item.variable, value: String(text), expected: rule.expected)
            }
            if rule.missingCodes.contains(code) { return nil }
            guard rule.validCodes.contains(code) else {
                throw AnswerProblem(item: rule.item.id, variable: rule.item.variable, value: String(text), expected: rule.expected)
            }
            return .code(code)
        case .number:
            guard let number = Double(text.replacingComma), number.isFinite,
                  number >= (rule.minimum ?? -.infinity), number <= (rule.maximum ?? .infinity)
            else {
                throw AnswerProblem(item: rule.item.id, variable: rule.item.variable, value: String(text), expected: rule.expected)
            }
            return .number(number)
        case .text, .date:
            return .text(String(text))
        }
    }

    /// Parses `1`, `+1`, `1.0` or `1,0` (as Excel and SPSS exports write codes) to an integer.
    func parseCode(_ text: Substring) -> Int? {
        if let value = Int(text) { return value }
        for separator in [".", ","] as [Character] {
            if let position = text.firstIndex(of: separator) {
                let fraction = text[text.index(after: position)...]
                guard !fraction.isEmpty, fraction.allSatisfy({ $0 == "0" }) else { return nil }
                return Int(text[..<position])
            }
        }
        return nil
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\r" { result = result.dropLast() }
        return result
    }

    var replacingComma: String {
        String(self.map { $0 == "," ? "." : $0 })
    }
}

extension InstrumentValidator {
    /// Goals must pair a free-text item with a coded rating item of the same instrument.
    static func goalFindings(_ instrument: Instrument, file: String) -> [InstrumentFinding] {
        var findings: [InstrumentFinding] = []
        let items = Dictionary(instrument.items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        for (index, goal) in (instrument.goals ?? []).enumerated() {
            let path = "$.goals[\(index)]"
            func check(_ id: String, key: String, accepts: Set<AnswerScale.Kind>, expected: String) {
                guard let item = items[id] else {
                    let suggestion = closestMatch(to: id, in: items.keys).map { " Did you mean '\($0)'?" } ?? ""
                    findings.append(InstrumentFinding(file: file, jsonPath: "\(path).\(key)", message: "unknown item '\(id)'.\(suggestion)"))
                    return
                }
                if let kind = scales[item.answerScale]?.kind, !accepts.contains(kind) {
                    let article = "aeiou".contains(kind.rawValue.prefix(1)) ? "an" : "a"
                    findings.append(InstrumentFinding(file: file, jsonPath: "\(path).\(key)",
                                                      message: "item '\(id)' has \(article) \(kind.rawValue) answer scale; a goal's \(key) item needs \(expected)"))
                }
            }
            check(goal.text, key: "text", accepts: [.text], expected: "a text answer scale")
            check(goal.rating, key: "rating", accepts: [.ordinal, .nominal], expected: "an ordinal answer scale with codes")
            if !seen.insert(goal.text).inserted {
                findings.append(InstrumentFinding(file: file, jsonPath: "\(path).text", message: "the text item '\(goal.text)' names two goals"))
            }
        }
        return findings
    }
}

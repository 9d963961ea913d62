import KortlaegProject

/// Escaping and the CPR rule for everything the server writes into a page.
enum HTML {
    /// `text` escaped for element content and quoted attribute values.
    static func e(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A message of a use case as shown: CPR-shaped numbers replaced, then escaped.
    static func message(_ text: String) -> String { e(scrubbed(text)) }

    /// `text` with every CPR-shaped number replaced by `••••••-••••`.
    static func scrubbed(_ text: String) -> String {
        // Runs of digits and dashes are checked whole; a run holding a CPR-shaped number is replaced.
        var out = "", run = ""
        func flush() {
            out += CPRNumber.containsCPR(run) ? "••••••-••••" : run
            run = ""
        }
        for character in text {
            if character.isASCII && (character.isNumber || character == "-") { run.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }

    /// Whether a page may be sent: no CPR-shaped number outside machine-made hex runs (pseudonyms, checksums).
    static func isFreeOfCPR(_ page: String) -> Bool {
        !CPRNumber.containsCPR(AuditText.maskingHexRuns(page))
    }
}

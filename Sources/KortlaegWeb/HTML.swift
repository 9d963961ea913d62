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

    /// `text` with every CPR-shaped number replaced by ``CPRGuard/marker``, the marker of every
    /// other output (also the forms people type: `010203 1234`, an en dash, full-width digits).
    static func scrubbed(_ text: String) -> String { CPRGuard.masked(text) }

    /// Whether a page may be sent: no CPR-shaped number outside machine-made hex runs (pseudonyms, checksums).
    static func isFreeOfCPR(_ page: String) -> Bool {
        !CPRNumber.containsCPR(AuditText.maskingHexRuns(page))
    }
}

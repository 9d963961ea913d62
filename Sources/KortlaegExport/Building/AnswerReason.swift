import KortlaegDomain

/// Why an item has, or lacks, an answer: the values of an item's reason variable
/// (`<item>_mr`, wide shape `<item>_mr_<occasion>`), exported beside the item when the exported
/// responses carry source missing codes (`--missing-codes`, a profile's `missingCodes`).
///
/// The item variable itself only says "not answered" (-9/`.a`); SPSS allows at most three
/// discrete missing values per variable, and an item's are taken, so the reason is a variable of
/// its own rather than more missing codes. No response at the occasion is the declared missing
/// value -8/`.b`, as for every other variable.
enum AnswerReason: Int, CaseIterable {
    /// The item has an answer (it is in the item variable).
    case answered = 0
    /// The field was empty: no answer and no missing code.
    case notAnswered = 1
    /// A source missing code without a stated reason (`--missing-codes NA`, meaning `missing`).
    case missingCode = 2
    /// Not asked or not applicable (meaning `notAsked`).
    case notAsked = 3
    /// The informant refused to answer (meaning `refused`).
    case refused = 4
    /// The informant did not know (meaning `dontKnow`).
    case dontKnow = 5

    /// The reason of a stored meaning (`MissingCode.Meaning`'s raw value, as kept in the answers'
    /// `"m"` group); a meaning this version does not know counts as a code without a reason.
    init(storedMeaning: String) {
        switch storedMeaning {
        case "notAsked": self = .notAsked
        case "refused": self = .refused
        case "dontKnow": self = .dontKnow
        default: self = .missingCode
        }
    }

    /// The reason for `item` in `response`: answered, a source missing code's meaning, or empty.
    static func of(_ item: String, in response: ExportResponse) -> AnswerReason {
        if response.answers[item] != nil { return .answered }
        if let meaning = response.missingReasons[item] { return AnswerReason(storedMeaning: meaning) }
        return .notAnswered
    }

    /// The value label.
    func label(_ language: Language) -> String {
        let da = language == .danish
        switch self {
        case .answered: return da ? "Besvaret" : "Answered"
        case .notAnswered: return da ? "Ikke besvaret (tomt felt)" : "Not answered (empty field)"
        case .missingCode: return da ? "Mangler (kildens mangelkode uden grund)" : "Missing (source missing code, no reason given)"
        case .notAsked: return da ? "Ikke relevant/ikke spurgt" : "Not applicable/not asked"
        case .refused: return da ? "Nægtet at svare" : "Refused"
        case .dontKnow: return da ? "Ved ikke" : "Don't know"
        }
    }

    /// Every value label of a reason variable.
    static func valueLabels(_ language: Language) -> [Int: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.label(language)) })
    }

    /// The declared missing value of a reason variable: no response at the occasion (-8, `.b`),
    /// the same code and tag as every item, score and band.
    static func noResponse(_ language: Language) -> ExportMissingCode {
        MissingReasons(below: 0, language: language).codes[1]
    }

    /// The reason variable of an item (`name`), labelled after the item's label `itemLabel`.
    static func variable(name: String, itemLabel: String, language: Language) -> ExportVariable {
        ExportVariable(name: name, label: itemLabel + (language == .danish ? ": grund til manglende svar" : ": reason for missing answer"),
                       valueLabels: valueLabels(language), missingCodes: [noResponse(language)], measure: .nominal)
    }

    /// The cell of a reason variable: the reason, or no response at the occasion.
    static func value(_ item: String, response: ExportResponse?, language: Language) -> ExportValue {
        guard let response else { return .declaredMissing(noResponse(language).code) }
        return .number(Double(of(item, in: response).rawValue))
    }

    /// The note that explains the reason variables (written into the codebooks).
    static func note(_ language: Language) -> String {
        let codes = allCases.map { "\($0.rawValue) \($0.label(language).lowercased())" }.joined(separator: ", ")
        let noResponse = noResponse(language)
        if language == .danish {
            return "Grund til manglende svar: variablen <spørgsmål>_mr (bred form: <spørgsmål>_mr_<måletidspunkt>) ved hvert spørgsmål: "
                + codes + "; \(noResponse.code)/.\(noResponse.tag) ingen besvarelse ved måletidspunktet. "
                + "Spørgsmålets egen variabel er i tilfælde 1–5 mangler (ikke besvaret); en mangelkode i kildefilen er aldrig et svar."
        }
        return "Reason for a missing answer: the variable <item>_mr (wide shape: <item>_mr_<occasion>) beside each item: "
            + codes + "; \(noResponse.code)/.\(noResponse.tag) no response at the occasion. "
            + "In cases 1–5 the item's own variable is missing (not answered); a source file's missing code is never an answer."
    }
}

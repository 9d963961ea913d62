import KortlaegDomain

/// The covariates of an export: the child's site, class, school, sex and birth year (once per child
/// in wide files, on every row in long files), the further columns of score files
/// (``ExportSource/covariateColumns``), and per response its date and status.
///
/// Only covariates that some response has become variables. Birth month is never exported (with
/// the birth year it narrows a child down too far); sex is written as given.
struct Covariates {
    /// One child-level covariate.
    enum Field: CaseIterable {
        case site, className, school, sex, birthYear

        var name: String {
            switch self {
            case .site: "site"
            case .className: "class"
            case .school: "school"
            case .sex: "sex"
            case .birthYear: "birth_year"
            }
        }

        func label(_ language: Language) -> String {
            let da = language == .danish
            switch self {
            case .site: return da ? "Sted (kommune); del af barnets identitet" : "Site (municipality); part of the child's identity"
            case .className: return da ? "Klasse" : "Class"
            case .school: return da ? "Skole" : "School"
            case .sex: return da ? "Køn (som angivet)" : "Sex (as given)"
            case .birthYear: return da ? "Fødselsår" : "Birth year"
            }
        }

        func text(_ attributes: ChildAttributes) -> String? {
            let value: String?
            switch self {
            case .site: value = attributes.site
            case .className: value = attributes.className
            case .school: value = attributes.school
            case .sex: value = attributes.sex
            case .birthYear: value = attributes.birthYear.map(String.init)
            }
            guard let value, !value.isEmpty else { return nil }
            return value
        }
    }

    /// The fields some response has.
    let fields: [Field]
    /// Whether some response has a date.
    let hasDates: Bool
    /// The further covariates (kept score-file columns) with their variable names, in order.
    let kept: [KeptCovariate]

    init(sources: [ExportSource]) {
        var present: Set<Int> = []
        var dates = false
        for source in sources {
            // Fields read in place (copying a response retains all of it).
            for index in source.responses.indices {
                let attributes = source.responses[index].attributes
                for (field, fieldIndex) in zip(Field.allCases, 0...) where field.text(attributes) != nil { present.insert(fieldIndex) }
                if source.responses[index].date?.isEmpty == false { dates = true }
            }
        }
        fields = Field.allCases.enumerated().filter { present.contains($0.offset) }.map(\.element)
        hasDates = dates
        kept = KeptCovariate.all(sources: sources, taken: Set(fields.map(\.name)))
    }

    /// The variable of a field (`birth_year` numeric; the others text of `width` bytes).
    func variable(_ field: Field, width: Int, language: Language) -> ExportVariable {
        if field == .birthYear {
            return ExportVariable(name: field.name, label: field.label(language),
                                  missingCodes: [MissingReasons(below: 0, language: language).codes[0]],
                                  measure: .scale, validRange: 1900...2100)
        }
        return ExportVariable(name: field.name, label: field.label(language), type: .string(width: max(1, width)), measure: .nominal)
    }

    /// The value of a field for a child (nil attributes: not given).
    func value(_ field: Field, _ attributes: ChildAttributes?) -> ExportValue {
        let text = attributes.flatMap { field.text($0) }
        if field == .birthYear {
            return attributes?.birthYear.map { .number(Double($0)) } ?? .declaredMissing(MissingReasons(below: 0, language: .english).notComputed)
        }
        return text.map(ExportValue.text) ?? .missing
    }

    /// The widest text of a field over all responses.
    static func width(_ field: Field, sources: [ExportSource]) -> Int {
        sources.flatMap(\.responses).compactMap { field.text($0.attributes)?.utf8.count }.max() ?? 1
    }

    /// The status variable: 1 complete (every score computed), 2 incomplete.
    static func statusVariable(name: String, label: String, language: Language) -> ExportVariable {
        let da = language == .danish
        return ExportVariable(name: name, label: label,
                              valueLabels: [1: da ? "fuldstændig" : "complete", 2: da ? "ufuldstændig" : "incomplete"],
                              missingCodes: [MissingReasons(below: 0, language: language).codes[1]], measure: .nominal)
    }

    /// 1 when every score of `scoreIDs` is computed in `response`, else 2; "no response" without one.
    static func status(_ response: ExportResponse?, scoreIDs: [String]) -> ExportValue {
        status(response != nil, complete: response.map { response in scoreIDs.allSatisfy { (response.scores[$0] ?? nil) != nil } } ?? false)
    }

    /// 1 when a response is there and `complete` (every verified score computed), 2 when it is
    /// there and not, "no response" when it is not.
    static func status(_ hasResponse: Bool, complete: Bool) -> ExportValue {
        guard hasResponse else { return .declaredMissing(MissingReasons(below: 0, language: .english).noResponse) }
        return .number(complete ? 1 : 2)
    }

    /// The date variable (ISO text).
    static func dateVariable(name: String, label: String) -> ExportVariable {
        ExportVariable(name: name, label: label, type: .string(width: 10), measure: .nominal)
    }

    /// A variable-name prefix for an instrument (`sdq_p4_17`).
    static func prefix(_ instrument: Instrument) -> String {
        String(instrument.id.map { $0.isLetter || $0.isNumber ? $0 : "_" }.prefix(16)).lowercased()
    }
}

import KortlaegDomain

/// A further covariate of an export: a column a score file kept (`kortlaeg score --keep skole_id
/// klassetrin`), exported as a text variable with its column name in the label.
///
/// Its variable name is the column name made valid for SPSS, Stata and R (lowercase; æ ø å as ae
/// oe aa; other characters `_`; at most 32 characters; a leading letter), made unique against the
/// other variables with `_2`, `_3`, ….
struct KeptCovariate: Equatable {
    /// The column as written in the score files.
    let column: String
    /// The variable's name.
    let name: String

    /// The kept columns of every source, first seen first, named apart from `taken`.
    static func all(sources: [ExportSource], taken: Set<String>) -> [KeptCovariate] {
        var seen: Set<String> = []
        var used = taken.union(["id", "occasion", "informant", "instrument", "date", "status"])
        var result: [KeptCovariate] = []
        for source in sources {
            for column in source.covariateColumns where seen.insert(column).inserted {
                var name = variableName(column)
                var suffix = 2
                while used.contains(name) {
                    let tail = "_\(suffix)"
                    name = String(variableName(column).prefix(VariableName.maximumLength - tail.count)) + tail
                    suffix += 1
                }
                used.insert(name)
                result.append(KeptCovariate(column: column, name: name))
            }
        }
        return result
    }

    /// `column` as a valid variable name.
    static func variableName(_ column: String) -> String {
        var name = ""
        for character in column.lowercased() {
            switch character {
            case "æ": name += "ae"
            case "ø": name += "oe"
            case "å": name += "aa"
            case "a"..."z", "0"..."9", "_": name.append(character)
            default: name += "_"
            }
        }
        if name.first.map({ !("a"..."z").contains($0) }) ?? true { name = "v_" + name }
        name = String(name.prefix(VariableName.maximumLength))
        if VariableName.problem(name) != nil { name = String(("v_" + name).prefix(VariableName.maximumLength)) }
        return name
    }

    /// The variable: text as wide as the widest value, labelled with the column's name.
    func variable(sources: [ExportSource], language: Language) -> ExportVariable {
        let width = sources.flatMap(\.responses).compactMap { $0.covariates[column]?.utf8.count }.max() ?? 1
        let label = language == .danish ? "Kolonnen '\(column)' i scorefilen" : "Column '\(column)' of the score file"
        return ExportVariable(name: name, label: label, type: .string(width: max(1, width)), measure: .nominal)
    }

    /// The value of a response (empty: missing).
    func value(_ response: ExportResponse?) -> ExportValue {
        guard let text = response?.covariates[column], !text.isEmpty else { return .missing }
        return .text(text)
    }
}

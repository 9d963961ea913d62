import KortlaegDomain

/// Texts of the definition listings: `instruments list/show`, `tool list/show/diff`.
extension Phrasebook {
    // MARK: - Lists
    static let columnID: Phrase = "id"
    static let columnVersion: Phrase = "version"
    static let columnInformant: Phrase = "informant"
    static let columnModel: Phrase = "model"
    static let columnAges = Phrase(da: "alder", en: "ages")
    static let columnTitle = Phrase(da: "titel", en: "title")

    // MARK: - Instrument description
    static func informantLine(_ informant: String, ages: String?, family: String) -> Phrase {
        Phrase(da: "informant: \(informant)\(ages.map { ", alder \($0)" } ?? ""); familie: \(family)",
               en: "informant: \(informant)\(ages.map { ", ages \($0)" } ?? ""); family: \(family)")
    }
    static let itemsHeading = Phrase(da: "Spørgsmål:", en: "Items:")
    static let scoresHeading = Phrase(da: "Skalaer:", en: "Scores:")
    static func alsoCalled(_ aliases: String) -> Phrase { Phrase(da: "(også: \(aliases))", en: "(also: \(aliases))") }
    static func method(_ method: String) -> Phrase {
        switch method {
        case "sum": Phrase(da: "sum", en: "sum")
        case "mean": Phrase(da: "gennemsnit", en: "mean")
        case "count": Phrase(da: "antal", en: "count")
        default: Phrase(stringLiteral: method)
        }
    }
    static func methodOf(_ method: String, _ parts: String) -> Phrase {
        Phrase(da: "\(self.method(method).da) af \(parts)", en: "\(self.method(method).en) of \(parts)")
    }
    static func reversedItems(_ items: String) -> Phrase { Phrase(da: "vendt: \(items)", en: "reversed: \(items)") }
    static func recoded(_ pairs: String) -> Phrase { Phrase(da: "omkodning \(pairs)", en: "recode \(pairs)") }
    static func needsAnswered(_ count: Int) -> Phrase { Phrase(da: "kræver \(count) besvarede", en: "needs \(count) answered") }
    static func proratedTo(_ count: Int) -> Phrase {
        Phrase(da: "opregnet til \(count) spørgsmål", en: "prorated to \(count) items")
    }
    static func unansweredCountAs(_ value: Int) -> Phrase {
        Phrase(da: "ubesvarede tæller som \(value)", en: "unanswered count as \(value)")
    }
    static let roundedHalfUp = Phrase(da: "afrundet halvt op", en: "rounded half up")
    static let unverifiedMembership = Phrase(da: "(UVERIFICERET sammensætning: kun med tilvalg)",
                                             en: "(UNVERIFIED membership: opt-in only)")
    static func rule(_ name: String) -> Phrase { Phrase(da: "regel: \(name)", en: "rule: \(name)") }
    static func onlyWith(_ option: String, _ choice: String) -> Phrase {
        Phrase(da: "[kun med \(option)=\(choice)]", en: "[only with \(option)=\(choice)]")
    }
    static let missingIfAnyPartIs = Phrase(da: "mangler, hvis en del mangler", en: "missing if any part is")
    static let ruleOptionsHeading = Phrase(da: "Regelvalg (--rule VALG=MULIGHED):", en: "Rule options (--rule OPTION=CHOICE):")
    static let defaultChoice = Phrase(da: "(standard)", en: "(default)")
    static func bandsHeading(_ table: String, suffix: String, normSet: String) -> Phrase {
        Phrase(da: "Grænser \(table) (kolonneendelse _\(suffix)); normsæt: \(normSet)",
               en: "Bands \(table) (column suffix _\(suffix)); norm set: \(normSet)")
    }
    static func bandSource(_ source: String) -> Phrase { Phrase(da: "kilde: \(source)", en: "source: \(source)") }
    static let verify = Phrase(da: "(efterprøv)", en: "(verify)")
    static func provenance(_ publisher: String, licence: String) -> Phrase {
        Phrase(da: "Oprindelse: \(publisher); licens: \(licence)", en: "Provenance: \(publisher); licence: \(licence)")
    }
    static func note(_ text: String) -> Phrase { Phrase(da: "note: \(text)", en: "note: \(text)") }

    // MARK: - Battery description
    static func modelLine(_ name: String, version: String, ages: String) -> Phrase {
        Phrase(da: "model: \(name) (version \(version)); alder \(ages)", en: "model: \(name) (version \(version)); ages \(ages)")
    }
    static func occasionLine(_ id: String, _ label: String) -> Phrase {
        Phrase(da: "tidspunkt \(id): \(label)", en: "occasion \(id): \(label)")
    }
    static func everyWeeks(_ weeks: Int, _ id: String) -> Phrase {
        Phrase(da: ", hver \(weeks). uge (\(id)1, \(id)2, …)", en: ", every \(weeks) weeks (\(id)1, \(id)2, …)")
    }
    static func classMeasure(_ id: String, _ label: String, at occasions: String) -> Phrase {
        Phrase(da: "klassemål \(id): \(label) ved \(occasions)", en: "class measure \(id): \(label) at \(occasions)")
    }

    // MARK: - Diffs
    static func addedItems(_ list: String) -> Phrase { Phrase(da: "tilføjede spørgsmål: \(list)", en: "added items: \(list)") }
    static func removedItems(_ list: String) -> Phrase { Phrase(da: "fjernede spørgsmål: \(list)", en: "removed items: \(list)") }
    static func changedItem(_ id: String, _ details: String) -> Phrase {
        Phrase(da: "ændret spørgsmål \(id): \(details)", en: "changed item \(id): \(details)")
    }
    static func addedScores(_ list: String) -> Phrase { Phrase(da: "tilføjede skalaer: \(list)", en: "added scores: \(list)") }
    static func removedScores(_ list: String) -> Phrase { Phrase(da: "fjernede skalaer: \(list)", en: "removed scores: \(list)") }
    static func changedScore(_ id: String, _ details: String) -> Phrase {
        Phrase(da: "ændret skala \(id): \(details)", en: "changed score \(id): \(details)")
    }
    static func comparable(_ old: String, _ new: String) -> Phrase {
        Phrase(da: "sammenlignelig: \(old) ↔ \(new)", en: "comparable: \(old) ↔ \(new)")
    }
    static func comparableByDeclaration(_ old: String, _ new: String, changes: String) -> Phrase {
        Phrase(da: "sammenlignelig ifølge erklæret ækvivalens, men definitionen er ændret: \(old) ↔ \(new) (\(changes))",
               en: "comparable by declaration, definition changed: \(old) ↔ \(new) (\(changes))")
    }
    static func notComparable(_ old: String) -> Phrase {
        Phrase(da: "IKKE sammenlignelig: \(old) (ingen erklæret ækvivalent)", en: "NOT comparable: \(old) (no declared equivalent)")
    }
    static let noDifferences = Phrase(da: "ingen forskelle", en: "no differences")
    static func removedAssignment(_ text: String) -> Phrase { Phrase(da: "fjernet: \(text)", en: "removed: \(text)") }
    static func addedAssignment(_ text: String) -> Phrase { Phrase(da: "tilføjet: \(text)", en: "added: \(text)") }
    static func assignment(_ informant: String, _ instrument: String, at occasions: String, ages: String?) -> Phrase {
        Phrase(da: "\(informant) \(instrument) ved \(occasions)\(ages.map { " alder \($0)" } ?? "")",
               en: "\(informant) \(instrument) at \(occasions)\(ages.map { " ages \($0)" } ?? "")")
    }
    static func occasionsChanged(_ old: String, _ new: String) -> Phrase {
        Phrase(da: "tidspunkter ændret: \(old) → \(new)", en: "occasions changed: \(old) → \(new)")
    }
}

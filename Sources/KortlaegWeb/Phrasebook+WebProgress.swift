import KortlaegProject
import KortlaegReports

extension Phrasebook {
    /// The texts of the web application's progress page (`/progress`); the tables' texts are in
    /// KortlaegReports (``CourseHTMLRenderer``).
    enum WebProgress {
        static let intro = Phrase(
            da: "Udviklingen over hele forløbet: den første kortlægning, hver opfølgning og den afsluttende kortlægning. For hver skala står gruppens gennemsnit ved hver måling og, ved hver opfølgning, ændringen siden den første måling for de børn, der er målt begge gange, og hvor mange der har ændret sig pålideligt. Grupper under 5 børn vises kun med antal.",
            en: "Progress over the whole course: the initial mapping, every follow-up and the final mapping. For each scale: the group's mean at each occasion and, at each follow-up, the change since the first occasion for the children measured both times, and how many changed reliably. Groups under 5 children show counts only.")
        static let occasionsLegend = Phrase(da: "Målinger i forløbet", en: "Occasions of the course")
        /// An occasion code with what it is in the course.
        static func occasionName(_ code: String, first: Bool, last: Bool) -> Phrase {
            let kind: Phrase = code == "T1" ? Phrase(da: "første kortlægning", en: "initial mapping")
                : code == "T2" ? Phrase(da: "afsluttende kortlægning", en: "final mapping")
                : code.hasPrefix("F") ? Phrase(da: "opfølgning", en: "follow-up")
                : first ? Phrase(da: "første måling", en: "first occasion") : last ? Phrase(da: "sidste måling", en: "last occasion")
                : Phrase(da: "måling", en: "occasion")
            return Phrase(da: "\(code) (\(kind.da))", en: "\(code) (\(kind.en))")
        }
        static func grouping(_ name: String) -> Phrase {
            switch name {
            case "class": Phrase(da: "Klasse", en: "Class")
            case "school": Phrase(da: "Skole", en: "School")
            case "sex": Phrase(da: "Køn", en: "Sex")
            case "birth-year": Phrase(da: "Fødselsår", en: "Year of birth")
            case "site": Phrase(da: "Sted (kommune)", en: "Site (municipality)")
            default: Phrase(stringLiteral: name)
            }
        }
        static func needsTwo(_ occasions: [String]) -> Phrase {
            occasions.isEmpty
                ? Phrase(da: "Skemaet har endnu ingen besvarelser. Udviklingen kræver mindst to målinger.",
                         en: "The form has no responses yet. Progress needs at least two occasions.")
                : Phrase(da: "Der er kun data fra \(occasions.joined(separator: ", ")). Udviklingen kræver mindst to målinger.",
                         en: "There is data from \(occasions.joined(separator: ", ")) only. Progress needs at least two occasions.")
        }
        static let pairTitle = Phrase(da: "To målinger i detaljer", en: "Two occasions in detail")
        static let pairIntro = Phrase(
            da: "Vælg to målinger for at se sammenligningen i detaljer: test, effektstørrelser, andelen over grænseværdien og de børn, der kun er målt den ene gang.",
            en: "Choose two occasions to see the comparison in detail: tests, effect sizes, the share above the cut-off and the children measured only once.")
        static let compare = Phrase(da: "Sammenlign", en: "Compare")
        static let fromBeforeTo = Phrase(da: "Vælg en »fra«-måling, der ligger før »til«-målingen.",
                                         en: "Please choose a “from” occasion that comes before the “to” occasion.")
    }
}

import KortlaegDomain
import KortlaegProgress

extension Phrasebook {
    /// The texts of progress over the whole course (`kortlaeg progress --occasions …`).
    enum Course {
        static func title(_ occasions: [String]) -> Phrase {
            Phrase(da: "Forløb: \(occasions.joined(separator: ", "))", en: "Course: \(occasions.joined(separator: ", "))")
        }
        static func seen(_ occasion: String, _ n: Int) -> Phrase {
            Phrase(da: "\(occasion): \(Progress.children(n).da)", en: "\(occasion): \(Progress.children(n).en)")
        }
        static func seenPaired(_ occasion: String, _ n: Int, paired: Int, first: String) -> Phrase {
            Phrase(da: "\(occasion): \(Progress.children(n).da) (\(paired) parret med \(first))",
                   en: "\(occasion): \(Progress.children(n).en) (\(paired) paired with \(first))")
        }
        static func duplicates(_ occasion: String, _ n: Int) -> Phrase {
            Phrase(da: "Dubletter ved \(occasion) (udeladt): \(n)", en: "Duplicates at \(occasion) (left out): \(n)")
        }
        static func rejected(_ occasion: String, _ n: Int) -> Phrase {
            Phrase(da: "rækker med status 'rejected' er udeladt ved \(occasion): \(n)",
                   en: "rows with status 'rejected' were left out at \(occasion): \(n)")
        }
        static func suppressed(_ occasion: String, _ n: Int, threshold: Int) -> Phrase {
            Phrase(da: "\(occasion): \(Progress.children(n).da): for få til at vise tal (under \(threshold)).",
                   en: "\(occasion): \(Progress.children(n).en): too few to show figures (under \(threshold)).")
        }
        static func mean(_ occasion: String, mean: String, lower: String, upper: String, n: Int) -> Phrase {
            Phrase(da: "\(occasion): gennemsnit \(mean) (95 % KI \(lower) til \(upper); \(Progress.children(n).da))",
                   en: "\(occasion): mean \(mean) (95 % CI \(lower) to \(upper); \(Progress.children(n).en))")
        }
        static func meanWithout(_ occasion: String, mean: String, n: Int, reason: String) -> Phrase {
            Phrase(da: "\(occasion): gennemsnit \(mean) (\(Progress.children(n).da); konfidensinterval \(reason))",
                   en: "\(occasion): mean \(mean) (\(Progress.children(n).en); confidence interval \(reason))")
        }
        static func change(first: String, change: String, lower: String, upper: String, n: Int, direction: String) -> Phrase {
            Phrase(da: "ændring fra \(first) \(change) (95 % KI \(lower) til \(upper); \(Progress.children(n).da) parret): \(direction)",
                   en: "change from \(first) \(change) (95 % CI \(lower) to \(upper); \(Progress.children(n).en) paired): \(direction)")
        }
        static func changeWithout(first: String, n: Int, reason: String) -> Phrase {
            Phrase(da: "ændring fra \(first): \(Progress.children(n).da) parret, \(reason)",
                   en: "change from \(first): \(Progress.children(n).en) paired, \(reason)")
        }
        static func reliable(improved: String, deteriorated: String, n: Int) -> Phrase {
            Phrase(da: "pålidelig bedring \(improved), pålidelig forværring \(deteriorated) (af \(n) med RCI)",
                   en: "reliable improvement \(improved), reliable deterioration \(deteriorated) (of \(n) with an RCI)")
        }
        static func legend(first: String, threshold: Int) -> Phrase {
            Phrase(
                da: "Forklaring: gennemsnit med 95 % konfidensinterval (t-fordeling, df = n − 1) ved hver måling; ændring = målingen − \(first) for de børn, der har begge; RCI = pålideligt ændringsindeks (Jacobson & Truax 1991), |RCI| > 1,96 er en pålidelig ændring. Grupper under \(threshold) børn ved en måling vises kun med antal. Hvert barns forløb står i --long.",
                en: "Legend: mean with 95 % confidence interval (t distribution, df = n − 1) at each occasion; change = the occasion − \(first) for the children with both; RCI = reliable change index (Jacobson & Truax 1991), |RCI| > 1.96 is reliable change. Groups under \(threshold) children at an occasion show counts only. Each child's course is in --long.")
        }
        /// The Added Value Score's caveat and sources, in the report's language.
        static let addedValueCaveat = Phrase(
            da: "Kun beregnet til højrisikogrupper (klinik); fortolk med forsigtighed i almindelige grupper. Kilder: Ford m.fl. 2009 (Br J Psychiatry 194:552–558) og youthinmind (sekundær kilde); formlen er ikke efterprøvet mod den primære kilde.",
            en: "Meant for high-risk (clinic) groups; interpret with care in community samples. Sources: Ford et al. 2009 (Br J Psychiatry 194:552–558) and youthinmind (secondary source); the formula is not verified against the primary source.")
        static let noValues = Phrase(da: "Ingen børn har denne score ved nogen af målingerne.",
                                     en: "No child has this score at any of the occasions.")

        /// Why no child has an RCI for `score`, worded from its settings (nil: no general reason).
        static func rciReason(_ score: ProgressScore) -> Phrase? {
            let variable = score.definition.variable
            if score.reliability == nil { return Progress.noReliability(variable) }
            switch score.standardDeviation {
            case .unavailable: return Progress.noStandardDeviation(variable)
            default: return nil
            }
        }

        static let scoreMissing = Phrase(da: "scoren mangler", en: "score missing")
        static func noBaseline(_ first: String) -> Phrase {
            Phrase(da: "ingen score ved \(first): ingen ændring", en: "no score at \(first): no change")
        }
    }
}

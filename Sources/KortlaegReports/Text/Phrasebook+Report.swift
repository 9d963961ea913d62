import KortlaegDomain

extension Phrasebook {
    /// The texts of the HTML child and class reports. Headings of the instruments' sections and the
    /// band labels are not here: they come from the instrument files.
    package enum Report {
        /// The child report's heading, before the child's label.
        static let childTitle = Phrase(da: "Kortlægning: ", en: "Mapping: ")
        /// The class report's heading, before the class's label.
        static let classTitle = Phrase(da: "Klasseoverblik: ", en: "Class overview: ")
        /// Under the heading: when the report was written.
        package static func written(_ date: String) -> Phrase { Phrase(da: "Skrevet \(date)", en: "Written \(date)") }

        static let notComputed = Phrase(da: "ikke beregnet", en: "not computed")
        static let scale = Phrase(da: "Skala", en: "Scale")
        static func band(at occasion: String) -> Phrase { Phrase(da: "Bånd (\(occasion))", en: "Band (\(occasion))") }
        static let trajectoryIntro = Phrase(da: "Udvikling over tid: én lille figur pr. skala (tallene står i tabellen ovenfor).",
                                            en: "Over time: one small chart per scale (the numbers are in the table above).")
        static func trajectoryTitle(_ score: String, _ informant: String) -> Phrase {
            Phrase(da: "\(score) (\(informant)) over tid", en: "\(score) (\(informant)) over time")
        }
        static let disagreementsTitle = Phrase(da: "Uenighed mellem informanterne", en: "Disagreement between informants")
        static let disagreementRule = Phrase(
            da: "Informanternes bånd ligger mindst to trin fra hinanden ved samme tidspunkt (fx normalt hos den ene og afvigende hos den anden). Tal om det med familien og skolen.",
            en: "The informants' bands are at least two steps apart at the same occasion (e.g. normal for one, abnormal for another). Discuss it with the family and the school.")
        static let noDisagreement = Phrase(
            da: "Ingen uenighed mellem informanterne: ingen bånd ligger to trin fra hinanden ved samme tidspunkt.",
            en: "No disagreement between informants: no bands are two steps apart at the same occasion.")
        /// "Score for hyperaktivitet, T1: forælder 7 (afvigende) – men lærer/pædagog 3 (normalt)."
        static func disagreement(_ score: String, _ occasion: String, most: String, least: String) -> Phrase {
            Phrase(da: "\(score), \(occasion): \(most) – men \(least).", en: "\(score), \(occasion): \(most) – but \(least).")
        }
        /// "forælder 7 (afvigende)"
        static func reading(_ informant: String, _ value: String, _ band: String) -> Phrase {
            Phrase(stringLiteral: "\(informant) \(value) (\(band))")
        }
        static func and(_ parts: [String]) -> Phrase {
            guard parts.count > 1 else { return Phrase(stringLiteral: parts.first ?? "") }
            let head = parts.dropLast().joined(separator: ", ")
            return Phrase(da: "\(head) og \(parts.last!)", en: "\(head) and \(parts.last!)")
        }
        /// Read out by screen readers before the occasions of a flagged row (the "!" is hidden from them).
        static let disagreementAt = Phrase(da: "uenighed ved", en: "disagreement at")
        static let flagLegend = Phrase(da: "! = uenighed mellem informanterne ved tidspunktet (se listen over figurerne); cellen er indrammet.",
                                       en: "! = disagreement between informants at the occasion (see the list above the figures); the cell is outlined.")
        static let question = Phrase(da: "Spørgsmål", en: "Question")
        static let nothingAnswered = Phrase(da: "Ingen besvarelser.", en: "Nothing answered.")

        static let goals = Phrase(da: "Mål", en: "Goals")
        static let goal = Phrase(da: "Mål", en: "Goal")
        static let noGoals = Phrase(da: "Ingen mål registreret.", en: "No goals recorded.")

        static func suppressed(below minimum: Int) -> Phrase {
            Phrase(da: "Grupper med færre end \(minimum) børn vises ikke (n < \(minimum)).",
                   en: "Groups of fewer than \(minimum) children are not shown (n < \(minimum)).")
        }
        static let occasion = Phrase(da: "Tidspunkt", en: "Occasion")
        static let trivselTitle = Phrase(da: "Trivselsmåling over årene", en: "Trivselsmåling across the years")
        static func noTrivsel(school: String?, grade: String?) -> Phrase {
            guard let school else {
                return Phrase(da: "Projektet har trivselsmålinger, men klassen hører ikke til én bestemt skole; brug --school.",
                              en: "The project holds trivselsmåling results, but the class belongs to no single school; use --school.")
            }
            let trin = grade.map { " \($0). klasse" } ?? ""
            return Phrase(da: "Projektet har ingen trivselsmåling for \(school)\(trin).",
                          en: "The project holds no trivselsmåling results for \(school)\(grade.map { " grade \($0)" } ?? "").")
        }
        static let mean = Phrase(da: "Gennemsnit", en: "Mean")

        static let bandsNote = Phrase(
            da: "Båndene er normalområder fra spørgeskemaets normsæt; de er ikke en diagnose. Skrevet af Kortlæg.",
            en: "Bands are normative ranges from the instrument's norm set; they are not a diagnosis. Written by Kortlæg.")

        /// Who answered, as reports name the informant ("forælder", "parent").
        package static func informant(_ informant: Informant) -> Phrase {
            Phrase(da: informant.danishName, en: informant.rawValue)
        }
    }
}

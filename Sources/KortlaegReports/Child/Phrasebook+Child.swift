extension Phrasebook {
    /// The texts of the child overview (`kortlaeg child`).
    enum Child {
        static func heading(_ pseudonym: String) -> Phrase { Phrase(da: "Barn \(pseudonym)", en: "Child \(pseudonym)") }
        static func className(_ name: String) -> Phrase { Phrase(da: " · klasse \(name)", en: " · class \(name)") }
        static func school(_ name: String) -> Phrase { Phrase(da: " · skole \(name)", en: " · school \(name)") }

        static let strengthsTitle = Phrase(da: "1. Styrker og ressourcer", en: "1. Strengths and resources")
        static let noStrengths = Phrase(da: "Ingen styrkescorer eller ressourcer registreret.",
                                        en: "No strength scores or resources recorded.")
        static func resources(at occasion: String) -> Phrase {
            Phrase(da: "Ressourcer ved \(occasion): ", en: "Resources at \(occasion): ")
        }

        static let difficultiesTitle = Phrase(da: "2. Vanskeligheder – informanterne side om side",
                                              en: "2. Difficulties – informants side by side")
        static let noDifficulties = Phrase(da: "Ingen vanskelighedsscorer registreret.", en: "No difficulty scores recorded.")
        static let noDisagreement = Phrase(
            da: "Ingen uenighed mellem informanterne (ingen bånd to niveauer fra hinanden).",
            en: "No disagreement between informants (no bands two levels apart).")
        static let disagreementLegend = Phrase(
            da: "! = uenighed: én informant i normalområdet, en anden i det afvigende område. Tal om det med familien og skolen.",
            en: "! = disagreement: one informant in the normal range, another in the abnormal range. Discuss it with the family and school.")
        static let otherScores = Phrase(da: "Øvrige scorer", en: "Other scores")

        static let goalsTitle = Phrase(da: "3. Mål og opfølgning", en: "3. Goals and follow-up")
        static let noGoals = Phrase(da: "Ingen mål registreret.", en: "No goals recorded.")
        static let notRated = Phrase(da: "ikke vurderet", en: "not rated")

        static let score = Phrase(da: "Score", en: "Score")
        static let missingValue = Phrase(da: "mangler", en: "missing")
    }
}

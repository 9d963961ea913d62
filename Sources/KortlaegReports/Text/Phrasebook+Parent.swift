import KortlaegDomain

extension Phrasebook {
    /// The texts of the parent version of the child report: plain words, no variable names, no
    /// versions, no band jargon ("afvigende"). Score names come from the instrument files.
    package enum Parent {
        package static func title(_ label: String) -> Phrase {
            Phrase(da: "Sådan går det for \(label)", en: "How things are going for \(label)")
        }
        static let titlePrefix = Phrase(da: "Sådan går det for ", en: "How things are going for ")
        static let intro = Phrase(
            da: "Her er et kort overblik over svarene i de spørgeskemaer, som I som forældre, skolen og barnet selv har udfyldt. Svarene er sammenlignet med svar om mange andre børn på samme alder. Overblikket er ikke en diagnose, men et udgangspunkt for en samtale om, hvad der går godt, og hvad vi sammen kan hjælpe med.",
            en: "This is a short overview of the answers in the questionnaires that you as parents, the school and the child filled in. The answers are compared with answers about many other children of the same age. The overview is not a diagnosis but a starting point for a talk about what goes well and what we can help with together.")
        static let strengthsTitle = Phrase(da: "Det går godt", en: "What goes well")
        static let noStrengths = Phrase(da: "Svarene siger endnu ikke noget om barnets styrker. Det taler vi om på mødet.",
                                        en: "The answers do not yet say anything about the child's strengths. We will talk about it at the meeting.")
        static let concernsTitle = Phrase(da: "Det vil vi gerne hjælpe med", en: "What we would like to help with")
        static let noConcerns = Phrase(da: "Svarene peger ikke på områder, hvor barnet har det sværere end de fleste børn.",
                                       en: "The answers point to no area where the child finds things harder than most children.")
        static let differentViewsNote = Phrase(
            da: "Det er helt almindeligt, at forældre, skole og barnet selv oplever et barn forskelligt – fx fordi barnet har det forskelligt hjemme og i skolen. Det er vigtig viden, som vi taler om sammen.",
            en: "It is quite common that parents, school and the child see a child differently – for instance because the child does differently at home and at school. That is useful to know, and we will talk about it together.")
        /// After an area's readings when they are far apart: "Forældrene og skolen oplever det forskelligt."
        static func seeDifferently(_ who: String) -> Phrase {
            let name = who.prefix(1).uppercased() + who.dropFirst()
            return Phrase(da: "\(name) oplever det forskelligt.", en: "\(name) see this differently.")
        }
        static let answersTitle = Phrase(da: "Svarene i ord", en: "The answers in words")
        static let overTime = Phrase(da: "Sådan har det udviklet sig", en: "How it has developed")
        static let area = Phrase(da: "Område", en: "Area")
        static let goalsTitle = Phrase(da: "Mål", en: "Goals")
        static let goal = Phrase(da: "Mål", en: "Goal")
        static let noGoals = Phrase(da: "Der er endnu ikke sat mål.", en: "No goals have been set yet.")
        static let notRated = Phrase(da: "ikke vurderet", en: "not rated")
        static func rating(_ code: String, of maximum: String) -> Phrase { Phrase(da: "\(code) af \(maximum)", en: "\(code) of \(maximum)") }
        static let notAnswered = Phrase(da: "ikke besvaret", en: "not answered")
        static let closing = Phrase(
            da: "Har I spørgsmål til overblikket, er I velkomne til at kontakte barnets PPR-psykolog eller skolen.",
            en: "If you have questions about this overview, please contact the child's PPR psychologist or the school.")

        /// Who answered, in plain words and in the plural of a sentence ("forældrene og skolen").
        static func who(_ informant: Informant) -> Phrase {
            switch informant {
            case .parent: Phrase(da: "forældrene", en: "the parents")
            case .teacher: Phrase(da: "skolen", en: "the school")
            case .child: Phrase(da: "barnet selv", en: "the child")
            case .professional: Phrase(da: "fagpersonerne", en: "the professionals")
            }
        }
        static func and(_ names: [String]) -> Phrase {
            guard names.count > 1 else { return Phrase(stringLiteral: names.first ?? "") }
            let head = names.dropLast().joined(separator: ", ")
            return Phrase(da: "\(head) og \(names.last!)", en: "\(head) and \(names.last!)")
        }
        static func according(_ who: String) -> Phrase { Phrase(da: "ifølge \(who)", en: "according to \(who)") }

        /// An occasion in words: T1 the first mapping, Fn the n-th follow-up, T2 the new mapping.
        static func occasion(_ code: String) -> Phrase {
            if code == "T1" { return Phrase(da: "Første kortlægning", en: "First mapping") }
            if code == "T2" { return Phrase(da: "Ny kortlægning", en: "New mapping") }
            if code.hasPrefix("F"), let n = Int(code.dropFirst()) { return Phrase(da: "\(n). opfølgning", en: "Follow-up \(n)") }
            return Phrase(stringLiteral: code)
        }

        /// What a band level means, in words: 0 is the range of most children; higher levels are
        /// more difficulties (a difficulty score) or fewer strengths (a strength score).
        static func meaning(level: Int, direction: ScoreDirection) -> Phrase {
            switch (direction, min(level, 3)) {
            case (_, 0): Phrase(da: "som hos de fleste børn", en: "as with most children")
            case (.higherIsBetter, 1): Phrase(da: "lidt færre end hos de fleste børn", en: "a little fewer than most children")
            case (.higherIsBetter, 2): Phrase(da: "færre end hos de fleste børn", en: "fewer than most children")
            case (.higherIsBetter, _): Phrase(da: "en del færre end hos de fleste børn", en: "quite a lot fewer than most children")
            case (_, 1): Phrase(da: "lidt mere end hos de fleste børn", en: "a little more than most children")
            case (_, 2): Phrase(da: "mere end hos de fleste børn", en: "more than most children")
            default: Phrase(da: "en del mere end hos de fleste børn", en: "quite a lot more than most children")
            }
        }
        static let better = Phrase(da: "bedre end ved første kortlægning", en: "better than at the first mapping")
        static let harder = Phrase(da: "sværere end ved første kortlægning", en: "harder than at the first mapping")
    }
}

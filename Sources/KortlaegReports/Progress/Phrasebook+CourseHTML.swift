import KortlaegDomain

extension Phrasebook {
    /// The texts of the course tables on the web application's progress page (``CourseHTMLRenderer``);
    /// the sentences shared with the text table are in ``Phrasebook/Course``.
    enum CourseHTML {
        static func occasionsShown(_ occasions: [String]) -> Phrase {
            Phrase(da: "Målinger i forløbet: \(occasions.joined(separator: ", ")).", en: "Occasions of the course: \(occasions.joined(separator: ", ")).")
        }
        static let allChildren = Phrase(da: "Alle børn", en: "All children")
        static func group(_ attribute: String, _ value: String) -> Phrase {
            Phrase(da: "\(attribute.prefix(1).uppercased() + attribute.dropFirst()): \(value)",
                   en: "\(attribute.prefix(1).uppercased() + attribute.dropFirst()): \(value)")
        }
        static let noValue = Phrase(da: "ikke angivet", en: "not given")
        /// A grouping attribute (`--by`) in words.
        static func attribute(_ name: String) -> Phrase {
            switch name {
            case "class", "klasse": Phrase(da: "klasse", en: "class")
            case "school", "skole": Phrase(da: "skole", en: "school")
            case "sex", "koen", "køn": Phrase(da: "køn", en: "sex")
            case "birth-year", "foedselsaar", "fødselsår": Phrase(da: "fødselsår", en: "year of birth")
            case "site", "kommune", "municipality", "sted": Phrase(da: "sted", en: "site")
            default: Phrase(stringLiteral: name)
            }
        }
        static let occasion = Phrase(da: "Måling", en: "Occasion")
        static let children = Phrase(da: "Børn med scoren", en: "Children with the score")
        static let mean = Phrase(da: "Gennemsnit (95 % konfidensinterval)", en: "Mean (95 % confidence interval)")
        static func change(_ first: String) -> Phrase {
            Phrase(da: "Ændring siden \(first) (95 % konfidensinterval)", en: "Change since \(first) (95 % confidence interval)")
        }
        static func paired(_ first: String) -> Phrase {
            Phrase(da: "Børn målt både ved \(first) og her", en: "Children measured both at \(first) and here")
        }
        static let meaning = Phrase(da: "Hvad ændringen betyder", en: "What the change means")
        static let improved = Phrase(da: "Pålideligt bedre", en: "Reliably better")
        static let deteriorated = Phrase(da: "Pålideligt dårligere", en: "Reliably worse")
        static func withInterval(_ value: String, _ lower: String, _ upper: String) -> Phrase {
            Phrase(da: "\(value) (\(lower) til \(upper))", en: "\(value) (\(lower) to \(upper))")
        }
        static func withoutInterval(_ value: String, _ reason: String) -> Phrase {
            Phrase(da: "\(value) (konfidensinterval \(reason))", en: "\(value) (confidence interval \(reason))")
        }
        static func share(_ percent: String, of n: Int) -> Phrase {
            Phrase(da: "\(percent) af \(n)", en: "\(percent) of \(n)")
        }
        static let baseline = Phrase(da: "udgangspunkt: ændringerne regnes herfra", en: "baseline: changes are counted from here")
        static func tooFew(_ threshold: Int) -> Phrase {
            Phrase(da: "for få børn til at vise tal (under \(threshold))", en: "too few children to show figures (under \(threshold))")
        }
        static func tooFewPaired(_ threshold: Int) -> Phrase {
            Phrase(da: "for få børn målt begge gange til at vise tal (under \(threshold))",
                   en: "too few children measured both times to show figures (under \(threshold))")
        }
        static let noRCI = Phrase(da: "pålidelig ændring ikke beregnet", en: "reliable change not computed")
        static let readingTitle = Phrase(da: "Sådan læses tabellerne", en: "How to read the tables")
        static func legend(first: String, threshold: Int) -> Phrase {
            Phrase(
                da: "Gennemsnittet står med et 95 % konfidensinterval: med 95 % sikkerhed ligger gruppens sande gennemsnit i intervallet (t-fordelingen, df = n − 1). Ændringen er målingen minus \(first) for de børn, der er målt begge gange. »Bedre« eller »værre« står kun, når hele intervallet for ændringen ligger på samme side af 0; ellers står der »ingen sikker ændring«. Et barn har ændret sig pålideligt, når ændringen er større end det, skemaets målefejl kan forklare (RCI, Jacobson & Truax 1991: |RCI| > 1,96); andelene regnes af de børn, der har et RCI. Grupper med under \(threshold) børn ved en måling vises kun med antal, så ingen enkelte børn kan genkendes.",
                en: "The mean comes with a 95 % confidence interval: with 95 % confidence the group's true mean lies in the interval (t distribution, df = n − 1). The change is the occasion minus \(first) for the children measured both times. “Better” or “worse” is shown only when the whole interval of the change lies on one side of 0; otherwise it says “no certain change”. A child changed reliably when the change is larger than the form's measurement error can explain (RCI, Jacobson & Truax 1991: |RCI| > 1.96); the shares are of the children with an RCI. Groups of fewer than \(threshold) children at an occasion show counts only, so that no single child can be recognised.")
        }
    }
}

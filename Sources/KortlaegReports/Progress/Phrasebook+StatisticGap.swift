import KortlaegDomain
import KortlaegProgress

extension Phrasebook {
    /// Why a statistic is not computed, as the table, the CSV and the JSON word it.
    enum StatisticGaps {
        static func text(_ gap: StatisticGap) -> Phrase {
            switch gap {
            case let .suppressed(threshold):
                Phrase(da: "gruppen har under \(threshold) børn med begge målinger: kun antal vises",
                       en: "the group has fewer than \(threshold) children with both scores: counts only")
            case let .tooFew(required, actual):
                Phrase(da: "kræver mindst \(Progress.children(required).da) med scorerne, der er \(actual)",
                       en: "needs at least \(Progress.children(required).en) with the scores, has \(actual)")
            case .noVariation:
                Phrase(da: "ingen variation (SD = 0), så forholdet er udefineret",
                       en: "no variation (SD 0): the ratio is undefined")
            case .allDifferencesZero:
                Phrase(da: "alle ændringer er 0, så der er intet at rangordne", en: "every change is 0: nothing to rank")
            case .noDiscordantPairs:
                Phrase(da: "intet barn krydsede grænseværdien (ingen uoverensstemmende par)",
                       en: "no child crossed the cut-off (no discordant pairs)")
            case .hedgesUndefined:
                Phrase(da: "Hedges' korrektion J = 1 − 3/(4(n − 1) − 1) er 0 ved n = 2, så g er udefineret",
                       en: "Hedges' J = 1 − 3/(4(n − 1) − 1) is 0 at n = 2: g is undefined")
            case let .other(text):
                // The English text names an invalid input upstream (a reliability outside 0–1, say);
                // a Danish reader gets the plain fact, the English one the detail.
                Phrase(da: "kan ikke beregnes ud fra de givne tal (ugyldige inddata)", en: text)
            }
        }

        /// The statistic a reason belongs to, as the CSV's `reasons` field names it.
        static func statistic(_ name: String) -> Phrase {
            switch name {
            case "all": Phrase(da: "alle", en: "all")
            case "sd_change": Phrase(da: "SD af ændringen", en: "SD of the change")
            case "mean_change": Phrase(da: "konfidensinterval", en: "confidence interval")
            case "ci": Phrase(da: "konfidensinterval", en: "confidence interval")
            case "t": Phrase(da: "t-test", en: "t-test")
            case "wilcoxon": Phrase(da: "Wilcoxon", en: "Wilcoxon")
            case "mcnemar": Phrase(da: "McNemar", en: "McNemar")
            default: Phrase(da: name, en: name)
            }
        }

        /// A score no child of an unsuppressed group has at both occasions.
        static func noPairs(unpaired: Int) -> Phrase {
            Phrase(da: "Ingen børn med begge målinger (\(unpaired) uden par): intet at beregne.",
                   en: "No children with both scores (\(unpaired) unpaired): nothing to compute.")
        }
        /// Every effect size is missing for the same reason.
        static func noEffectSizes(_ reason: String) -> Phrase {
            Phrase(da: "Effektstørrelse: \(reason).", en: "Effect size: \(reason).")
        }

        /// "t-test: kræver …; Wilcoxon: …" in `language`.
        static func list(_ gaps: [(statistic: String, gap: StatisticGap)], _ language: Language) -> String {
            gaps.map { "\(statistic($0.statistic)(language)): \(text($0.gap)(language))" }.joined(separator: "; ")
        }

        /// "t:too_few;wilcoxon:too_few": the stable codes.
        static func codes(_ gaps: [(statistic: String, gap: StatisticGap)]) -> String {
            gaps.map { "\($0.statistic):\($0.gap.code)" }.joined(separator: ";")
        }
    }
}

import KortlaegDomain
import KortlaegProgress

extension Phrasebook {
    /// The per-child vocabulary of `progress`: the Jacobson–Truax classes and the notes of a row,
    /// shared by the two-occasion `--per-child` file and the course's long file (codes in
    /// ``ChangeClass/rawValue`` and ``ChildNote/code``, texts here).
    enum ChildNotes {
        /// The Jacobson–Truax class as a reader sees it.
        static func changeClass(_ changeClass: ChangeClass) -> Phrase {
            switch changeClass {
            case .recovered: Phrase(da: "klinisk bedret (under grænsen)", en: "recovered (below the cut-off)")
            case .improved: Phrase(da: "forbedret", en: "improved")
            case .unchanged: Phrase(da: "uændret", en: "unchanged")
            case .deteriorated: Phrase(da: "forværret", en: "deteriorated")
            }
        }

        /// A row's note.
        static func note(_ note: ChildNote) -> Phrase {
            switch note {
            case let .onlyEarlier(occasion), let .onlyLater(occasion):
                return Phrase(da: "kun målt ved \(occasion): ikke parret", en: "only seen at \(occasion): not paired")
            case let .duplicate(occasions):
                return Phrase(da: "id'et forekommer flere gange ved \(occasions.joined(separator: " og ")) (samme informant): ikke parret",
                              en: "the id occurs more than once at \(occasions.joined(separator: " and ")) (same informant): not paired")
            case let .scoreMissing(occasions):
                guard !occasions.isEmpty else { return Course.scoreMissing }
                return Phrase(da: "scoren mangler ved \(occasions.joined(separator: " eller "))",
                              en: "score missing at \(occasions.joined(separator: " or "))")
            case let .noBaselineScore(baseline):
                return Course.noBaseline(baseline)
            case let .noRCI(gap):
                return rci(gap)
            case let .addedValueScore(effectSize):
                guard let effectSize else { return Phrase(da: "Added Value Score", en: "Added Value Score") }
                return Phrase(da: "Added Value Score; effektstørrelse \(NumberFormat.fixed(2, .danish).string(effectSize))",
                              en: "Added Value Score; effect size \(NumberFormat.fixed(2, .english).string(effectSize))")
            }
        }

        /// Why a child has no reliable change index.
        static func rci(_ gap: RCIGap) -> Phrase {
            switch gap {
            case let .noReliability(variable, _, fromSample):
                guard fromSample else { return Progress.noReliability(variable) }
                return Phrase(da: "ingen Cronbachs alfa for \(variable) fra stikprøven ved første måling (ingen alfa på spørgsmålsniveau): ingen RCI",
                              en: "no Cronbach's alpha for \(variable) from the first occasion's sample (no item-level alpha): no RCI")
            case let .noStandardDeviation(variable, reason):
                return Phrase(da: Progress.noStandardDeviation(variable).da, en: reason)
            case .sexUnknown:
                return Progress.sexUnknown
            case .noBaselineSD:
                return Progress.noBaselineSD
            case let .statistics(statisticGap):
                let reason = StatisticGaps.text(statisticGap)
                return Phrase(da: "RCI kan ikke beregnes: \(reason.da)", en: "the RCI cannot be computed: \(reason.en)")
            }
        }
    }
}

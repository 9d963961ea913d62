import KortlaegDomain
import KortlaegProgress

extension Phrasebook {
    /// The constants of the reliable change index and where they come from, as the progress
    /// tables name them beside every RCI figure (the CSV has `rci_reliability_source` and
    /// `rci_sd_source`).
    enum RCIConstants {
        /// "RCI: reliabilitet 0,800 (angivet med --reliability); SD 5,80 (normsæt uk-1999-parent, ikke verificeret)."
        /// - Parameter baselineSD: the first occasion's SD when the SD source is the baseline.
        static func line(_ score: ProgressScore, baselineSD: Double?) -> Phrase? {
            guard let reliability = score.reliability else { return nil }
            func both(_ language: Language) -> String {
                let r = NumberFormat.fixed(3, language).string(reliability)
                let rOrigin = score.reliabilityOrigin.map { origin($0)(language) }.map { " (\($0))" } ?? ""
                let sdText: String
                switch score.standardDeviation {
                case let .fixed(value, _):
                    sdText = NumberFormat.fixed(2, language).string(value)
                case let .bySex(values, _):
                    sdText = values.sorted { $0.key > $1.key }.map { sex, value in
                        "\(Self.sex(sex)(language)) \(NumberFormat.fixed(2, language).string(value))"
                    }.joined(separator: ", ")
                case .baseline:
                    sdText = baselineSD.map(NumberFormat.fixed(2, language).string) ?? "–"
                case .unavailable:
                    sdText = "–"
                }
                let sdOrigin = score.standardDeviationOrigin.map { origin($0)(language) }.map { " (\($0))" } ?? ""
                return language == .danish
                    ? "RCI for \(score.definition.variable): reliabilitet \(r)\(rOrigin); SD \(sdText)\(sdOrigin)."
                    : "RCI for \(score.definition.variable): reliability \(r)\(rOrigin); SD \(sdText)\(sdOrigin)."
            }
            return Phrase(da: both(.danish), en: both(.english))
        }

        /// Where a constant comes from.
        static func origin(_ origin: ConstantOrigin) -> Phrase {
            switch origin {
            case .given:
                Phrase(da: "angivet af brugeren", en: "given by the user")
            case let .sampleAlpha(n, items, lower, upper):
                Phrase(da: "Cronbachs alfa fra stikprøven ved første måling, n = \(n), \(items) spørgsmål, 95 % KI "
                           + "\(NumberFormat.fixed(3, .danish).string(lower)) til \(NumberFormat.fixed(3, .danish).string(upper)), Feldt",
                       en: "Cronbach's alpha from the first occasion's sample, n = \(n), \(items) items, 95 % CI "
                           + "\(NumberFormat.fixed(3, .english).string(lower)) to \(NumberFormat.fixed(3, .english).string(upper)), Feldt")
            case let .normSet(id, verified):
                Phrase(da: "normsæt \(id)" + (verified ? "" : ", ikke verificeret"), en: "norm set \(id)" + (verified ? "" : ", not verified"))
            case .baseline:
                Phrase(da: "SD af scorerne ved første måling i stikprøven", en: "SD of the first occasion's scores in the sample")
            }
        }

        /// `male`/`female` (the norm sets' keys) as the table says them.
        static func sex(_ key: String) -> Phrase {
            switch key {
            case "male": Phrase(da: "drenge", en: "boys")
            case "female": Phrase(da: "piger", en: "girls")
            default: Phrase(da: key, en: key)
            }
        }
    }
}

import Foundation
import Testing
import KortlaegDomain
import KortlaegReaders
import KortlaegStatistics
import KortlaegTestSupport
@testable import KortlaegProgress

/// Cronbach's alpha per scale from the T1 answers, against numpy/scipy (pingouin.cronbach_alpha's
/// formula and Feldt's CI):
///   items = emotion+conduct+hyper+peer+prosoc item ids in scale order; answer(i, j) =
///   (i*7 + j*3 + (i*j)%5 + (i*i*j)%4) % 3 for response i (0–11) and item j; response 11 lacks 'worries';
///   reversed (obeys, reflect, attends, friend, popular) as 2 − x;
///   a = k/(k-1)*(1 - X.var(axis=0, ddof=1).sum()/X.sum(axis=1).var(ddof=1)) over complete rows;
///   lo/hi = 1-(1-a)*scipy.stats.f.ppf(0.975 / 0.025, n-1, (n-1)*(k-1)).
struct SampleReliabilityTests {
    static let items = ["somatic", "worries", "unhappy", "clingy", "afraid", "tantrum", "obeys", "fights", "lies", "steals",
                        "restles", "fidgety", "distrac", "reflect", "attends", "loner", "friend", "popular", "bullied", "oldbest",
                        "consid", "shares", "caring", "kind", "helpout"]

    static func answers() -> [[String: AnswerValue]] {
        var all: [[String: AnswerValue]] = (0..<12).map { i in
            var row: [String: AnswerValue] = [:]
            for (j, item) in items.enumerated() { row[item] = .code((i * 7 + j * 3 + (i * j) % 5 + (i * i * j) % 4) % 3) }
            return row
        }
        all[11]["worries"] = nil
        return all
    }

    @Test func alphaPerScaleAndTotalMatchNumpyAndScipy() throws {
        let instrument = try InstrumentCatalog.load(directory: repositoryRoot.appendingPathComponent("Instruments").path)
            .resolve("sdq-p4-17@1.0.0")
        let sample = SampleReliability(instrument: instrument, answers: Self.answers())
        let expected: [(String, Int, Int, Double, Double, Double)] = [
            ("emotion", 11, 5, 0.19736842105263178, -0.9168135037905483, 0.7534457979234602),
            ("conduct", 12, 5, -0.31586021505376344, -2.0284838080206757, 0.5679645865239196),
            ("hyper", 12, 5, -0.5852842809364545, -2.648569750039591, 0.47950478177233424),
            // Total difficulties: its 20 items (reversed ones recoded), not the four scale scores.
            ("ebdtot", 11, 20, 0.56191035698241, 0.07280148555005617, 0.8594948923275667),
        ]
        for (score, n, k, alpha, lower, upper) in expected {
            guard case let .alpha(estimate, lo, hi)? = sample.estimates[score] else {
                Issue.record("no alpha for \(score): \(String(describing: sample.estimates[score]))")
                continue
            }
            #expect(estimate.count == n && estimate.items == k, "\(score)")
            #expect(abs(estimate.alpha - alpha) < 1e-9, "\(score) \(estimate.alpha)")
            #expect(abs(lo - lower) < 1e-9 && abs(hi - upper) < 1e-9, "\(score) \(lo) \(hi)")
        }
        // Impact (conditions and recoding) has no item-level alpha; nor does anything built on it.
        guard case let .unavailable(reason)? = sample.estimates["impact"] else { Issue.record("impact has an alpha"); return }
        #expect(reason.contains("not a plain sum"))
    }

    @Test func settingsUseTheSampleAlphaAndNameItsSource() throws {
        let instrument = try InstrumentCatalog.load(directory: repositoryRoot.appendingPathComponent("Instruments").path)
            .resolve("sdq-p4-17@1.0.0")
        let sample = SampleReliability(instrument: instrument, answers: Self.answers())
        let (scores, _) = try ProgressSettings(reliabilities: [.init(score: "pconduct", value: 0.7)])
            .scores(for: instrument, language: .danish, sample: sample)
        let total = try #require(scores.first { $0.definition.id == "ebdtot" })
        #expect(abs((total.reliability ?? 0) - 0.56191035698241) < 1e-9)
        #expect(total.reliabilitySource == "Cronbach's alpha from the T1 sample, n = 11, 20 items (95 % CI 0.073 to 0.859, Feldt)")
        // A reliability the user gives wins over the sample's.
        #expect(scores.first { $0.definition.id == "conduct" }?.reliability == 0.7)
        let impact = try #require(scores.first { $0.definition.id == "impact" })
        #expect(impact.reliability == nil)
    }
}

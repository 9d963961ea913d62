import Foundation
import Testing
@testable import KortlaegStore

/// The stored form of a response's scores (`response.scores`, schema v8): what is written reads
/// back as the same scores, in score-id order, whatever the values and texts. Source of every
/// expected value: the form documented on `ScoreCoding` (written out by hand here) and identity
/// (a value must read back bit for bit as the `Double` written; IEEE 754 equality and sign).
struct ScoreCodingTests {
    private func roundTrip(_ scores: [ComputedScore]) throws -> [ComputedScore] {
        var decoder = ScoreDecoder()
        return try decoder.decode(ScoreCoding.encode(scores))
    }

    @Test func theFormIsIdVariableValueBandsInIdOrder() {
        let scores = [ComputedScore(id: "emotion", variable: "pemotion", value: 3, bands: "uk-3band=normal"),
                      ComputedScore(id: "conduct", variable: "pconduct", value: nil, bands: nil),
                      ComputedScore(id: "ebdtot", variable: "pebdtot", value: 12.5, bands: "a=b,c=d")]
        // The documented form, written out by hand: U+001F between fields, U+001E between scores.
        #expect(ScoreCoding.encode(scores)
                == "conduct\u{1F}pconduct\u{1F}\u{1F}\u{1E}ebdtot\u{1F}pebdtot\u{1F}12.5\u{1F}a=b,c=d\u{1E}emotion\u{1F}pemotion\u{1F}3\u{1F}uk-3band=normal")
        #expect(ScoreCoding.encode([]) == "")
    }

    @Test func valuesReadBackAsTheSameDoubles() throws {
        // Integral values up to 10^15 as digits; the others (fractions, huge, tiny, -0, infinities)
        // as Swift's shortest round-trip text.
        let values: [Double?] = [0, -0.0, 1, -1, 40, 1e15 - 1, 1e15, -1e15, 1e300, 2.5, -7.25, 0.1, 1.0 / 3.0, 1e-5,
                                 5e-324, .greatestFiniteMagnitude, .infinity, -.infinity, nil, 123456789012345]
        let scores = values.enumerated().map { ComputedScore(id: String(format: "s%02d", $0.offset), variable: "v", value: $0.element, bands: nil) }
        let back = try roundTrip(scores)
        #expect(back.count == values.count)
        for (score, value) in zip(back, values) {
            #expect(score.value == value && score.value?.sign == value?.sign, "\(score.id): \(String(describing: value))")
        }
        var nan = try roundTrip([ComputedScore(id: "x", variable: "x", value: .nan, bands: nil)])
        #expect(nan.removeFirst().value?.isNaN == true)
    }

    @Test func separatorsAndPercentInTextsAreEscaped() throws {
        let scores = [ComputedScore(id: "a%1F", variable: "v\u{1F}w", value: 1, bands: "t=x\u{1E}y%"),
                      ComputedScore(id: "b", variable: "æøå", value: nil, bands: "")]
        let text = ScoreCoding.encode(scores)
        #expect(text.hasPrefix("a%251F\u{1F}v%1Fw\u{1F}1\u{1F}t=x%1Ey%25\u{1E}"))
        let back = try roundTrip(scores)
        #expect(back[0] == scores[0])
        // Empty bands are no bands (the scorer never writes an empty band text).
        #expect(back[1] == ComputedScore(id: "b", variable: "æøå", value: nil, bands: nil))
    }

    @Test func aDecoderReusesTheTextsOfThePreviousResponse() throws {
        var decoder = ScoreDecoder()
        let first = [ComputedScore(id: "emotion", variable: "pemotion", value: 3, bands: "uk-3band=normal,uk-4band=closeToAverage")]
        let second = [ComputedScore(id: "emotion", variable: "pemotion", value: 9, bands: "uk-3band=abnormal,uk-4band=veryHigh")]
        #expect(try decoder.decode(ScoreCoding.encode(first)) == first)
        #expect(try decoder.decode(ScoreCoding.encode(second)) == second)
        #expect(try decoder.decode(ScoreCoding.encode(first)) == first)
        #expect(try decoder.decode("") == [])
    }

    @Test func aDamagedTextIsAnError() {
        var decoder = ScoreDecoder()
        for damaged in ["emotion\u{1F}pemotion\u{1F}3", "a\u{1F}b\u{1F}x\u{1F}", "a%2\u{1F}b\u{1F}1\u{1F}", "a\u{1F}b\u{1F}1\u{1F}\u{1E}"] {
            #expect(throws: StoreError.self, "\(damaged.debugDescription)") { try decoder.decode(damaged) }
        }
    }
}

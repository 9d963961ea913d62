import KortlaegDomain
import KortlaegTestSupport
import Testing
@testable import KortlaegStore

/// The stored answers' JSON of a response of one instrument is written from a plan made once
/// per instrument. The oracle is the general ``AnswerCoding/encode(_:missingReasons:)``: the
/// plan must give the same text for every response, and a response it does not cover must go
/// to the general path unchanged.
struct AnswerCodingPlanTests {
    private let items = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "Caring",
                         "fidgety", "imp_home", "imp\"q", "æble", "a", "b10", "b9"]

    @Test func givesTheGeneralEncodingForEveryResponse() {
        let plan = AnswerCodingPlan(itemIDs: items)
        var numbers = SplitMix(state: 15)
        for round in 0..<3_000 {
            var answers: [String: AnswerValue] = [:]
            for item in items where numbers.next(4) != 0 {
                let codes = [0, 1, 2, 3, 9, 10, 42, -1, 1_000_000]
                answers[item] = .code(codes[numbers.next(codes.count)])
            }
            var reasons: [String: String] = [:]
            switch round % 10 {
            case 1: answers["unknown"] = .code(1)
            case 2: answers[items[numbers.next(items.count)]] = .number(2.5)
            case 3: answers[items[numbers.next(items.count)]] = .text("ja \"tak\"")
            case 4: reasons[items[numbers.next(items.count)]] = "refused"
            case 5: answers = [:]
            default: break
            }
            #expect(plan.encode(answers, missingReasons: reasons) == AnswerCoding.encode(answers, missingReasons: reasons),
                    "round \(round): \(answers) \(reasons)")
        }
    }

    @Test func writesTheCodesGroupInSortedOrder() {
        let plan = AnswerCodingPlan(itemIDs: ["b", "a", "c"])
        #expect(plan.encode(["c": .code(2), "a": .code(10)]) == #"{"c":{"a":10,"c":2}}"#)
    }
}

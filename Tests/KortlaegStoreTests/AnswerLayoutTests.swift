import KortlaegDomain
import KortlaegTestSupport
import Testing
@testable import KortlaegStore

/// The short form of stored answers (``AnswerLayout``): what it holds reads back as the same
/// answers as the JSON form does; what it cannot hold is refused (left to JSON); a damaged text
/// is an error, never other answers.
struct AnswerLayoutTests {
    private let items = ["consid", "restles", "somatic", "Caring", "imp\"q", "æble", "a", "b10", "b9"]

    /// Random responses of codes 0–9 with blanks: short form and JSON decode to the same answers.
    @Test func readsBackWhatTheJSONFormReadsBack() throws {
        let layout = try #require(AnswerLayout(itemIDs: items))
        let plan = AnswerCodingPlan(itemIDs: items, short: true)
        var numbers = SplitMix(state: 21)
        for round in 0..<2_000 {
            var answers: [String: AnswerValue] = [:]
            for item in items where numbers.next(4) != 0 { answers[item] = .code(numbers.next(10)) }
            let short = try #require(layout.encode(answers), "round \(round)")
            #expect(short.utf8.count == items.count + 1)
            #expect(plan.encode(answers) == short)
            #expect(try AnswerCoding.decode(short, layout: layout) == answers)
            #expect(try AnswerCoding.decode(AnswerCoding.encode(answers)) == answers)
            #expect(try AnswerCoding.decodeMissingReasons(short).isEmpty)
            // No digits: a run of answers never looks like a CPR number.
            #expect(!short.contains { $0.isNumber })
        }
    }

    /// Item i is the i-th in byte order (`Caring` before `a`, `æble` last): `~` then a
    /// letter per item (code 0 is `a`), `-` for a blank.
    @Test func writesOneCharacterPerItemInByteOrder() throws {
        let layout = try #require(AnswerLayout(itemIDs: ["b", "a", "C", "a"]))
        #expect(layout.items == ["C", "a", "b"])
        #expect(layout.encode(["b": .code(2), "C": .code(0)]) == "~a-c")
        #expect(layout.encode(["a": .code(9)]) == "~-j-")
        #expect(layout.encode([:]) == "~---")
        #expect(AnswerLayout(stored: layout.stored) == layout)
        #expect(AnswerLayout(stored: "") == nil)
        #expect(AnswerLayout(itemIDs: []) == nil)
        #expect(AnswerLayout(itemIDs: ["a", "b\u{1F}c"]) == nil)
    }

    /// What the short form cannot hold goes to JSON, in the plan as in the layout.
    @Test func refusesWhatItCannotHold() throws {
        let layout = try #require(AnswerLayout(itemIDs: ["a", "b"]))
        let plan = AnswerCodingPlan(itemIDs: ["a", "b"], short: true)
        let refused: [([String: AnswerValue], [String: String])] = [
            (["a": .code(10)], [:]), (["a": .code(-1)], [:]), (["a": .number(1)], [:]), (["a": .text("1")], [:]),
            (["c": .code(1)], [:]), (["a": .code(1)], ["b": "refused"]),
        ]
        for (answers, reasons) in refused {
            #expect(layout.encode(answers, missingReasons: reasons) == nil, "\(answers) \(reasons)")
            #expect(plan.encode(answers, missingReasons: reasons) == AnswerCoding.encode(answers, missingReasons: reasons))
        }
    }

    /// A short text with the wrong length or character, or without its layout, is an error.
    @Test func aDamagedShortTextIsAnError() throws {
        let layout = try #require(AnswerLayout(itemIDs: ["a", "b"]))
        for text in ["~b", "~bcd", "~1-", "~bk", "~b "] {
            #expect(throws: StoreError.self, "\(text)") { try AnswerCoding.decode(text, layout: layout) }
        }
        #expect(throws: StoreError.self) { try AnswerCoding.decode("~12") }
        #expect(try AnswerCoding.decode("~b-", layout: layout) == ["a": .code(1)])
    }
}

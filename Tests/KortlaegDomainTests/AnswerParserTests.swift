import Testing
@testable import KortlaegDomain

/// SDQ answers are 0/1/2 (shared/specs/sdq.md): anything else is invalid input, never scored.
struct AnswerParserTests {
    let parser: AnswerParser
    let consid: Int

    init() throws {
        let instrument = try loadInstrument("sdq-p4-17")
        parser = AnswerParser(instrument: instrument)
        consid = instrument.items.firstIndex { $0.id == "consid" }!
    }

    @Test(arguments: [("0", 0), ("1", 1), ("2", 2), (" 2 ", 2), ("2.0", 2), ("1,0", 1)])
    func validCodes(text: String, code: Int) throws {
        #expect(try parser.parse(text[...], item: consid) == .code(code))
    }

    @Test func blankIsUnanswered() throws {
        #expect(try parser.parse(""[...], item: consid) == nil)
        #expect(try parser.parse("  "[...], item: consid) == nil)
    }

    @Test(arguments: ["3", "-1", "x", "1.5", "Passer godt", "2,5"])
    func invalidCodesAreProblems(text: String) {
        #expect(throws: AnswerProblem.self) { try parser.parse(text[...], item: consid) }
    }

    @Test func problemMessageNamesColumnValueAndExpectation() {
        do {
            _ = try parser.parse("3"[...], item: consid)
            Issue.record("expected a problem")
        } catch {
            #expect(error.description == "pconsid: '3' is not a valid answer; expected one of 0, 1, 2 or blank")
        }
    }
}

import KortlaegDomain
import Testing
@testable import KortlaegStore

struct AuditTextTests {
    @Test(arguments: ["filter 010203-1234", "file 0102031234.csv", "file ab0102031234cd.csv"])
    func refusesCPRShapedText(_ text: String) {
        #expect(throws: StoreError.cprInAuditText) { try AuditText.check(summary: text, detail: nil) }
        #expect(throws: StoreError.cprInAuditText) { try AuditText.check(summary: "ok", detail: text) }
    }

    /// 64 hex digits (a SHA-256) holding `0102031234` (a valid date, 1 Feb 2003) are machine-made.
    @Test func acceptsChecksumsAndPlainText() throws {
        let checksum = "ab0102031234cd" + String(repeating: "e", count: 50)
        try AuditText.check(summary: "manifest sha256 \(checksum)", detail: "{\"sha256\":\"\(checksum)\"}")
        try AuditText.check(summary: "report class 4.b, 2025-09-01", detail: nil)
        #expect(AuditText.maskingHexRuns("x " + checksum + " y") == "x " + String(repeating: "#", count: 64) + " y")
        #expect(AuditText.maskingHexRuns("abc 0102031234") == "abc 0102031234", "short runs are kept")
    }
}

struct AnswerCodingTests {
    @Test func codesNumbersAndTextsStayApart() throws {
        let answers: [String: AnswerValue] = ["b": .code(2), "a": .number(2.0), "t": .text("\"hej\"\n")]
        let json = AnswerCoding.encode(answers)
        #expect(json == #"{"c":{"b":2},"n":{"a":2.0},"t":{"t":"\"hej\"\n"}}"#)
        #expect(try AnswerCoding.decode(json) == answers)
    }

    /// The stored form, written out by hand from the format in `AnswerCoding`'s documentation:
    /// groups c, n, t, m in that order, keys sorted, empty groups left out.
    @Test func groupsInOrderWithSortedKeys() {
        let answers: [String: AnswerValue] = ["pkind": .code(2), "pafraid": .code(0), "pconsid": .code(1),
                                              "weight": .number(31.5), "note": .text("ok"), "comment": .text("tab\t")]
        #expect(AnswerCoding.encode(answers, missingReasons: ["psteals": "refused", "plies": "dontKnow"])
            == #"{"c":{"pafraid":0,"pconsid":1,"pkind":2},"n":{"weight":31.5},"t":{"comment":"tab\t","note":"ok"},"m":{"plies":"dontKnow","psteals":"refused"}}"#)
        #expect(AnswerCoding.encode([:]) == "{}")
        #expect(AnswerCoding.encode([:], missingReasons: ["x": "missing"]) == #"{"m":{"x":"missing"}}"#)
        #expect(AnswerCoding.encode(["søvn": .code(3), "b\"q": .code(-1)]) == #"{"c":{"b\"q":-1,"søvn":3}}"#)
    }
}

import Testing
@testable import KortlaegReports

/// The small shared formats: CSV quoting (RFC 4180) and the pseudonym label.
struct TextFormatsTests {
    @Test(arguments: [
        (["a", "b"], "a,b\n"),
        (["4.b, Byskolen", "x"], "\"4.b, Byskolen\",x\n"),
        (["sagde \"hej\""], "\"sagde \"\"hej\"\"\"\n"),
        (["to\nlinjer", ""], "\"to\nlinjer\",\n"),
        // CR LF is one Character in Swift but two line-break bytes: quoted (RFC 4180 §2.6).
        (["to\r\nlinjer"], "\"to\r\nlinjer\"\n"),
        (["æble, pære", "ø"], "\"æble, pære\",ø\n"),
    ])
    func csvQuotesOnlyWhereNeeded(_ fields: [String], _ expected: String) {
        #expect(CSVTable.line(fields) == expected)
    }

    @Test func tabSeparatedLinesQuoteTabsNotCommas() {
        #expect(CSVTable.line(["a,b", "c\td"], delimiter: "\t") == "a,b\t\"c\td\"\n")
        #expect(CSVTable(rows: [["h"], ["1"]]).text == "h\n1\n")
    }

    /// At most four characters in a row between dashes: a label never holds a CPR number's ten digits.
    @Test func pseudonymLabelsAreTwelveCharactersInFours() {
        #expect(PseudonymLabel.text("3f2a09bc77de5f00aa") == "3f2a-09bc-77de")
        #expect(PseudonymLabel.text("3f2a09") == "3f2a-09")
    }
}

import Testing

@testable import KortlaegReaders

@Suite struct DanishNumberTests {
    @Test(arguments: [
        ("3,7", DecimalStyle.comma, 3.7 as Double?),
        ("2.351", .comma, 2351),
        ("-1.234,5", .comma, -1234.5),
        ("1 234,5", .comma, 1234.5),
        ("−2", .comma, -2),
        (",5", .comma, 0.5),
        ("1,54", .comma, 1.54),
        ("22.1", .point, 22.1),
        ("2,351", .point, 2351),
        ("1,234.5", .point, 1234.5),
        ("22.1", .comma, nil),  // not a thousands group
        ("1.2.3", .comma, nil),
        ("3,7,1", .comma, nil),
        ("", .comma, nil),
        ("abc", .point, nil),
        ("12.34", .comma, nil),
    ])
    func parse(text: String, style: DecimalStyle, expected: Double?) {
        #expect(DanishNumber.parse(text, style: style) == expected)
    }

    @Test func styleIsDetectedPerColumn() {
        // REDCap decimal-comma sample: number_comma_decimal values vs a calc field.
        #expect(DecimalStyle.detect(in: ["1,54", "2"]) == .comma)
        #expect(DecimalStyle.detect(in: ["22.1", ""]) == .point)
        #expect(DecimalStyle.detect(in: ["2.351", "12"]) == nil)
        #expect(DecimalStyle.detect(in: ["1,5", "2.5"]) == nil)
        #expect(DecimalStyle.detect(in: ["1.234,5"]) == .comma)
    }
}

import Testing

@testable import KortlaegReaders

@Suite struct REDCapTests {
    @Test func choiceLists() {
        #expect(REDCapChoice.parseList("1, Yes | 0, No") == [.init(code: "1", label: "Yes"), .init(code: "0", label: "No")])
        #expect(REDCapChoice.parseList("1, one|2, two, or more") == [.init(code: "1", label: "one"), .init(code: "2", label: "two, or more")])
    }

    // Counts computed independently with Python's csv module (DictReader, utf-8-sig).
    @Test(arguments: [("checkboxes-1", 4, 2, 9), ("longitudinal", 95, 40, 125), ("repeating-instruments", 11, 3, 12)])
    func dictionaries(project: String, fields: Int, withChoices: Int, choices: Int) throws {
        let dictionary = try REDCapDictionaryField.readDictionary(path: Fixture.path("redcap/\(project)/dictionary.csv"))
        #expect(dictionary.count == fields)
        #expect(dictionary.filter { !$0.choices.isEmpty }.count == withChoices)
        #expect(dictionary.reduce(0) { $0 + $1.choices.count } == choices)
    }

    @Test func bomDictionaryIsRead() throws {
        let dictionary = try REDCapDictionaryField.readDictionary(
            path: Fixture.path("redcap/potentially-problematic-dictionary/dictionary.csv"))
        #expect(!dictionary.isEmpty)
    }

    @Test func checkboxColumnsAreGrouped() throws {
        let reader = try REDCapRecordReader(path: Fixture.path("redcap/checkboxes-1/data.csv"))
        var records: [SourceRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.count == 4)
        #expect(records[0]["check_one"] == "1")
        #expect(records[0]["check_two"] == "a|c")
        #expect(records[1]["check_two"] == "b|d")
        #expect(records[0].fields.count == 5)  // form_1_complete, check_one, check_two, desired_result, form_2_complete
    }

    @Test func repeatAndEventColumns() throws {
        let repeating = try REDCapRecordReader(path: Fixture.path("redcap/repeating-instruments/data.csv"))
        var records: [SourceRecord] = []
        while let record = try repeating.next() { records.append(record) }
        #expect(records.count == 6)
        #expect(records.compactMap(\.repeatKey).count == 4)
        let longitudinal = try REDCapRecordReader(path: Fixture.path("redcap/longitudinal/data.csv"))
        #expect(try longitudinal.next()?.occasion == "enrollment_arm_1")
    }

    @Test func decimalStylePerColumnFromDictionary() throws {
        let dictionary = try REDCapDictionaryField.readDictionary(path: Fixture.path("redcap/decimal-comma/dictionary.csv"))
        #expect(dictionary.contains { $0.decimalStyle == .comma })
    }
}

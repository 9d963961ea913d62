import Foundation
import KortlaegDomain
import Testing
@testable import KortlaegReaders

/// The repository's Instruments folder (instruments and profiles/).
let instrumentsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Instruments").path

func loadCatalog() throws -> InstrumentCatalog { try InstrumentCatalog.load(directory: instrumentsFolder) }
func loadProfiles() throws -> MappingProfileCatalog {
    try MappingProfileCatalog.load(directory: instrumentsFolder + "/profiles")
}

struct ResponseMapperTests {
    @Test func klChildrenLarsMapsAndScoresToHandComputedValues() throws {
        let catalog = try loadCatalog()
        let profile = try loadProfiles().resolve("kl-children-sdq4-10")
        let instrument = try catalog.resolve(profile.instrument!)
        let mapper = try ResponseMapper(profile: profile, instrument: instrument)
        let response = try FHIRQuestionnaireResponseReader.read(path: Fixture.path("fhir/kl-children-QuestionnaireResponse-SDQ4-10AnswerLars.json"))
        let record = SourceRecord(source: "lars.json", location: "QuestionnaireResponse", subjectKey: response.subject ?? "",
                                  form: response.questionnaire,
                                  fields: response.answers.map { SourceField(name: $0.linkId, value: $0.text) },
                                  date: response.authored)
        guard case let .mapped(mapped) = mapper.map(record) else { Issue.record("not mapped"); return }
        #expect(mapped.informant == .parent)
        #expect(mapped.date == "2024-04-23")
        #expect(mapped.response.answers.count == 26)
        #expect(mapped.response.answers["consid"] == .code(2))   // "Passer godt"
        #expect(mapped.response.answers["ebddiff"] == .code(0))  // "Nej"
        let scores = try Scorer(instrument: instrument).score(mapped.response)
        func value(_ id: String) -> Double? { scores.values[try! #require(Scorer(instrument: instrument).scoreIndex(of: id))] }
        // Hand computation (sdq.md: ≥3 of 5 answered, floor(5·S/k + 0.5), reversed obeys/friend/popular/reflect/attends
        // score 2-x; impact 0 when ebddiff = 0). Answers by position: ikke 0, delvist 1, godt 2.
        // emotional: somatic 1 + worries 1 + unhappy 1 + clingy 0 + afraid 0 = 3, k=5 → floor(3 + 0.5) = 3
        // conduct: tantrum 0 + obeys (delvist 1 → 2-1) 1 + fights 0 + lies 0 + steals 0 = 1 → 1
        // hyper: restles 1 + fidgety 1 + distrac 0 + reflect (godt 2 → 0) + attends (godt 2 → 0) = 2 → 2
        // peer: loner 0 + friend (godt → 0) + popular (godt → 0) + bullied 0 + oldbest 0 = 0 → 0
        // prosocial: consid 2 + shares 2 + caring 2 + kind 2 + helpout 2 = 10 → 10
        // total = 3 + 1 + 2 + 0 = 6; externalising 1 + 2 = 3; internalising 3 + 0 = 3; impact: ebddiff Nej → 0
        #expect(value("emotion") == 3)
        #expect(value("conduct") == 1)
        #expect(value("hyper") == 2)
        #expect(value("peer") == 0)
        #expect(value("prosoc") == 10)
        #expect(value("impact") == 0)
    }

    @Test func unknownLabelIsRejectedNamingTheAcceptedLabels() throws {
        let profile = try loadProfiles().resolve("kl-children-sdq4-10")
        let mapper = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve(profile.instrument!))
        let record = SourceRecord(source: "x.json", location: "QuestionnaireResponse", subjectKey: "Patient/SECRET",
                                  fields: [SourceField(name: "1friendly", value: "Passer måske")])
        guard case let .rejected(problems) = mapper.map(record) else { Issue.record("not rejected"); return }
        #expect(problems.count == 1)
        #expect(problems[0].field == "1friendly")
        #expect(problems[0].value == "Passer måske")
        #expect(problems[0].reason.contains("0 'Passer ikke' / 'Not true'"))
        #expect(!problems.description.contains("SECRET"))
    }

    @Test func missingChildIdIsRejectedWithoutEchoingAnything() throws {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let mapper = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"))
        let record = SourceRecord(source: "x.csv", location: "row 1 (line 2)", subjectKey: " ",
                                  fields: [SourceField(name: "PCONSID", value: "Certainly true")])
        guard case let .rejected(problems) = mapper.map(record) else { Issue.record("not rejected"); return }
        #expect(problems.map(\.field) == ["(subject)"])
        #expect(problems[0].value == nil)
    }

    @Test func officialVariablesMatchCaseInsensitivelyAndEnglishLabels() throws {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let mapper = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"))
        let record = SourceRecord(source: "x.csv", location: "row 1 (line 2)", subjectKey: "c1",
                                  fields: [SourceField(name: "id", value: "c1"), SourceField(name: "PCONSID", value: "certainly  TRUE"),
                                           SourceField(name: "occasion", value: "T2"), SourceField(name: "pobeys", value: "1,0")])
        guard case let .mapped(mapped) = mapper.map(record) else { Issue.record("not mapped"); return }
        #expect(mapped.response.answers == ["consid": .code(2), "obeys": .code(1)])
        #expect(mapped.occasion == "T2")
    }

    /// A mapper keeps the field layout of the last record for the next; records whose field names
    /// differ (other order, other names, a name in other case, one field more) must map exactly
    /// as a fresh mapper maps them, in whatever order they come.
    @Test func aChangedFieldLayoutIsNotReused() throws {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let instrument = try loadCatalog().resolve("sdq-p4-17")
        let shared = try ResponseMapper(profile: profile, instrument: instrument)
        func record(_ fields: [(String, String)]) -> SourceRecord {
            SourceRecord(source: "x.csv", location: "row 1 (line 2)", subjectKey: "c1",
                         fields: fields.map { SourceField(name: $0.0, value: $0.1) })
        }
        let records = [
            record([("id", "c1"), ("pconsid", "2"), ("pobeys", "1")]),
            record([("id", "c1"), ("pobeys", "2"), ("pconsid", "0")]),
            record([("pconsid", "1"), ("id", "c2"), ("pobeys", "0"), ("psomatic", "2")]),
            record([("id", "c3"), ("PCONSID", "1"), ("pconsid", "2")]),
            record([("id", "c1"), ("pconsid", "2"), ("pobeys", "1")]),
            record([("id", "c4"), ("pconsid", "7")]),
        ]
        for (index, record) in (records + records.reversed()).enumerated() {
            let fresh = try ResponseMapper(profile: profile, instrument: instrument).map(record)
            #expect(shared.map(record) == fresh, "record \(index)")
        }
        guard case let .mapped(second) = shared.map(records[1]) else { Issue.record("not mapped"); return }
        #expect(second.response.answers == ["obeys": .code(2), "consid": .code(0)])
    }

    /// Class, school, sex and birth year/month (English or Danish column names) are read only for
    /// a project store; without it the record maps exactly as before.
    @Test func childAttributesAreReadOnlyWhenAsked() throws {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let instrument = try loadCatalog().resolve("sdq-p4-17")
        let record = SourceRecord(source: "x.csv", location: "row 4 (line 5)", subjectKey: "c1",
                                  fields: [SourceField(name: "id", value: "c1"), SourceField(name: "Klasse", value: " 4.b "),
                                           SourceField(name: "skole", value: "Vestskolen"), SourceField(name: "koen", value: "pige"),
                                           SourceField(name: "birth_year", value: "2015"), SourceField(name: "fødselsmåned", value: "03"),
                                           SourceField(name: "pconsid", value: "2")],
                                  row: 4, line: 5)
        let stateless = try ResponseMapper(profile: profile, instrument: instrument)
        guard case let .mapped(plain) = stateless.map(record) else { Issue.record("not mapped"); return }
        #expect(plain.attributes == ChildAttributes())
        #expect(stateless.unmappedFields(of: record).contains("Klasse"))
        #expect(plain.row == 4 && plain.line == 5)

        let project = try ResponseMapper(profile: profile, instrument: instrument, readsChildAttributes: true)
        guard case let .mapped(mapped) = project.map(record) else { Issue.record("not mapped"); return }
        #expect(mapped.attributes == ChildAttributes(className: "4.b", school: "Vestskolen", birthYear: 2015, birthMonth: 3, sex: "pige"))
        #expect(project.unmappedFields(of: record) == ["id"])
    }

    @Test(arguments: [("birth_year", "15", "15"), ("birth_year", "1800", "1800"), ("birth_month", "13", "13"),
                      ("birth_year", "010203-1234", nil)] as [(String, String, String?)])
    func invalidBirthYearOrMonthRejectsTheRecord(column: String, value: String, shown: String?) throws {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let mapper = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"), readsChildAttributes: true)
        let record = SourceRecord(source: "x.csv", location: "row 2 (line 3)", subjectKey: "c1",
                                  fields: [SourceField(name: column, value: value), SourceField(name: "pconsid", value: "2")],
                                  row: 2, line: 3)
        guard case let .rejected(problems) = mapper.map(record) else { Issue.record("not rejected"); return }
        #expect(problems.map(\.field) == [column])
        #expect(problems[0].value == shown) // a CPR-shaped value is never echoed
        #expect(problems[0].row == 2 && problems[0].line == 3)
    }

    @Test func profileNamingAnUnknownItemFails() throws {
        var profile = try loadProfiles().resolve("redcap-sdq-parent")
        profile.items![0].item = "considd"
        #expect(throws: MappingProfileError.unknownItem(profile: "redcap-sdq-parent", item: "considd",
                                                        instrument: "sdq-p4-17@1.0.0", suggestion: "consid")) {
            try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"))
        }
    }

    @Test(arguments: [("2024-04-23", "2024-04-23"), ("2024-04-23T10:00:00+02:00", "2024-04-23"), ("23-04-2024", "2024-04-23"),
                      ("3.4.2024", "2024-04-03"), ("april", nil), ("2024-13-01", nil)] as [(String, String?)])
    func dates(text: String, expected: String?) {
        #expect(ResponseMapper.isoDate(text) == expected)
    }

    @Test func instrumentCatalogIgnoresProfiles() throws {
        let instruments = try DefinitionFolder(path: instrumentsFolder).files.files(of: Instrument.self)
        #expect(!instruments.isEmpty && instruments.allSatisfy { !$0.path.contains("/profiles/") })
    }
}

import Testing
@testable import KortlaegDomain
@testable import KortlaegReaders

/// `årgang` and `alder` as child attributes (issue 13), through the shipped profile
/// `official-variables-csv`: årgang is the class level (a class column), or the birth cohort when
/// it holds four-digit years; alder is the age in whole years, checked, not stored.
struct ChildAttributeHeadersTests {
    func map(_ fields: [(String, String)]) throws -> MappingOutcome {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let mapper = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"), readsChildAttributes: true)
        return mapper.map(SourceRecord(source: "x.csv", location: "row 1 (line 2)", subjectKey: "c1",
                                       fields: [SourceField(name: "id", value: "c1")] + fields.map { SourceField(name: $0.0, value: $0.1) }
                                           + [SourceField(name: "pconsid", value: "2")],
                                       row: 1, line: 2))
    }

    @Test(arguments: [("Årgang", "5", "5", nil), ("årgang", "5. årgang", "5. årgang", nil), ("aargang", "2015", nil, 2015),
                      ("Årgang", "2016", nil, 2016)] as [(String, String, String?, Int?)])
    func aargangIsTheClassOrTheBirthCohort(header: String, value: String, className: String?, birthYear: Int?) throws {
        guard case let .mapped(response) = try map([(header, value)]) else { Issue.record("not mapped"); return }
        #expect(response.attributes.className == className)
        #expect(response.attributes.birthYear == birthYear)
    }

    @Test func aBirthYearColumnWinsOverTheCohort() throws {
        guard case let .mapped(response) = try map([("årgang", "2015"), ("fødselsår", "2014")]) else { Issue.record("not mapped"); return }
        #expect(response.attributes.birthYear == 2014 && response.attributes.className == nil)
    }

    @Test(arguments: [("Alder", "10", 10), ("alder", "10 år", 10), ("alder", "9år", 9)] as [(String, String, Int)])
    func alderIsReadAsTheAge(header: String, value: String, age: Int) throws {
        guard case let .mapped(response) = try map([(header, value)]) else { Issue.record("not mapped"); return }
        #expect(response.age == age)
        #expect(response.attributes == ChildAttributes(), "the age is not stored as a birth year")
    }

    @Test(arguments: ["ti", "10,5", "40"])
    func anAgeThatIsNoWholeNumberOfYearsIsARejection(value: String) throws {
        guard case let .rejected(problems) = try map([("alder", value)]) else { Issue.record("not rejected"); return }
        #expect(problems.map(\.field) == ["alder"])
        #expect(problems[0].reason == "expected an age in whole years (e.g. 10 or 10 år)")
    }
}

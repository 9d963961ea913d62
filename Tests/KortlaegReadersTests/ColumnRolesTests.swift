import Foundation
import KortlaegDomain
import Testing
import KortlaegTestSupport
@testable import KortlaegReaders

/// What the import wizard shows of a header: which column the mapper reads as what; and the
/// structured problem of a rejected answer that the wizard words in Danish.
struct ColumnRolesTests {
    @Test func rolesFollowTheProfileAndTheVariableNames() throws {
        var profile = try loadProfiles().resolve("official-variables-csv")
        profile.childId = FieldReference(field: "barn_id")
        let mapper = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"), readsChildAttributes: true)
        // Hand-read from official-variables-csv.json (aliases klasse, koen, dato) and sdq-p4-17's variables.
        let roles = mapper.columnRoles(["barn_id", "Klasse", "koen", "dato", "PCONSID", "spm2", "pconsid", "bemærkning"])
        #expect(roles == [.childId, .attribute("class"), .attribute("sex"), .date, .item("consid"), .unmatched, .unmatched, .unmatched])
        // Without the child attributes read, class and sex are not the mapper's.
        let plain = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"))
        #expect(plain.columnRoles(["barn_id", "klasse"]) == [.childId, .unmatched])
    }

    @Test func aRejectedAnswerCarriesItsItemCodesAndLabels() throws {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let instrument = try loadCatalog().resolve("sdq-p4-17")
        let mapper = try ResponseMapper(profile: profile, instrument: instrument)
        let record = SourceRecord(source: "x.csv", location: "row 3 (line 4)", subjectKey: "c1",
                                  fields: [SourceField(name: "id", value: "c1"), SourceField(name: "pconsid", value: "7")], row: 3, line: 4)
        guard case let .rejected(problems) = mapper.map(record) else { Issue.record("not rejected"); return }
        guard case let .notAnAnswer(item, variable, choices, expectsNumber, _)? = problems.first?.problem else {
            Issue.record("no structured problem: \(problems)")
            return
        }
        #expect(item == "consid" && variable == "pconsid" && !expectsNumber)
        #expect(choices.map(\.code) == [0, 1, 2])
        #expect(choices.first?.label.texts["da"] == "Passer ikke")
        #expect(problems[0].row == 3)
    }

    @Test func aRaggedRowIsARaggedRowProblem() throws {
        let folder = try makeTemporaryFolder("kortlaeg-ragged")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ragged.csv").path
        try "id,pconsid\nc1,1\nc2,1,2\n".write(toFile: file, atomically: true, encoding: .utf8)
        let preview = try #require(try TablePreview.read(kind: .csv, path: file))
        #expect(preview.header == ["id", "pconsid"])
        #expect(preview.rows == [["c1", "1"]])
        #expect(preview.dialect?.delimiter == .comma)
        #expect(try preview.childId(file: file, requested: nil) == ChildIdChoice(column: "id", reason: .idHeader))
        var rejected: [MappingRejection] = []
        let job = ImportJob(profile: nil, profiles: try loadProfiles(), catalog: try loadCatalog(), instrument: "sdq-p4-17")
        _ = try job.run(file: file, accept: { _, _ in }, reject: { rejected.append($0) })
        #expect(rejected.first?.problem == .raggedRow(found: 3, expected: 2))
    }
}

import Foundation
import KortlaegDomain
import Testing
@testable import KortlaegReaders

/// How the child-id column of a table is chosen (issue 13): CPR values first, then id headers,
/// then the first column, never a column of names.
struct ChildIdChoiceTests {
    static let cpr = ["0101151234", "020215-1235", "0303151236"]

    @Test(arguments: [
        // header, rows (column values), expected column and reason
        (["Barnets navn", "Klasse", "CPR"], [["Anna Hansen", "4.a", cpr[0]], ["Bo Jensen", "4.a", cpr[1]]], "CPR", ChildIdChoice.Reason.cprValues),
        (["navn", "personnummer"], [["Anna Hansen", cpr[0]], ["Bo Jensen", cpr[1]]], "personnummer", .cprValues),
        (["Elev-ID", "pconsid"], [["e17", "1"], ["e18", "2"]], "Elev-ID", .idHeader),
        (["pconsid", "Barn_ID"], [["1", "b-1"], ["2", "b-2"]], "Barn_ID", .idHeader),
        (["CPR-nr.", "pconsid"], [["x1", "1"]], "CPR-nr.", .idHeader),
        (["RespondentID", "pconsid"], [["901", "1"]], "RespondentID", .idHeader),
        (["Subject", "id"], [["s-1", "7"]], "Subject", .idHeader),
        (["løbenr", "pconsid"], [["17", "1"]], "løbenr", .firstColumn),
    ] as [([String], [[String]], String, ChildIdChoice.Reason)])
    func chooses(header: [String], rows: [[String]], column: String, reason: ChildIdChoice.Reason) throws {
        let choice = try ChildIdChooser.choose(file: "f.csv", header: header, sample: rows, requested: nil)
        #expect(choice == ChildIdChoice(column: column, reason: reason))
    }

    @Test func aColumnOfNamesIsNeverChosen() {
        #expect(throws: ImportError.idColumn(file: "f.csv", problem: .none(nameLike: ["Barnets navn"], columns: ["Barnets navn", "pconsid"]))) {
            try ChildIdChooser.choose(file: "f.csv", header: ["Barnets navn", "pconsid"],
                                      sample: [["Anna Hansen", "1"], ["Bo Jensen", "2"], ["Åse Ødegård-Møller", "0"]], requested: nil)
        }
        #expect(throws: ImportError.idColumn(file: "f.csv", problem: .none(nameLike: ["id"], columns: ["id", "pconsid"]))) {
            try ChildIdChooser.choose(file: "f.csv", header: ["id", "pconsid"], sample: [["Nørreskolen", "1"], ["Vestre Skole", "2"]], requested: nil)
        }
    }

    @Test func namedColumnWinsAndAnUnknownOneIsRefusedWithASuggestion() throws {
        let choice = try ChildIdChooser.choose(file: "f.csv", header: ["CPR", "elevnr"], sample: [[Self.cpr[0], "7"]], requested: "ELEVNR")
        #expect(choice == ChildIdChoice(column: "elevnr", reason: .named))
        #expect(throws: ImportError.idColumn(file: "f.csv", problem: .unknown(requested: "elevnrr", suggestion: "elevnr", columns: ["CPR", "elevnr"]))) {
            try ChildIdChooser.choose(file: "f.csv", header: ["CPR", "elevnr"], sample: [], requested: "elevnrr")
        }
    }

    @Test(arguments: [("CPR-nr.", "cprnr"), ("Fødselsår", "foedselsaar"), ("Barnets ID", "barnetsid"), ("Élève_id", "eleveid")])
    func headerKeys(name: String, key: String) {
        #expect(ChildIdChooser.key(name) == key)
    }
}

/// Answer texts as Danish sheets write them, missing codes and Excel dates.
struct RealAnswerTextTests {
    func map(_ value: String, missing: [MissingCode] = []) throws -> MappingOutcome {
        let profile = try loadProfiles().resolve("official-variables-csv")
        let mapper = try ResponseMapper(profile: profile, instrument: try loadCatalog().resolve("sdq-p4-17"), missingCodes: missing)
        return mapper.map(SourceRecord(source: "x.csv", location: "row 1 (line 2)", subjectKey: "c1",
                                       fields: [SourceField(name: "pconsid", value: value), SourceField(name: "pobeys", value: "0")]))
    }

    // SDQ answer scale: 0 'Passer ikke', 1 'Passer delvist', 2 'Passer godt' (Instruments/sdq).
    @Test(arguments: [("Passer delvis", 1), ("passer  delvist.", 1), ("PASSER GODT", 2), ("Passer - ikke", 0),
                      ("Somewhat true!", 1)])
    func variantsOfTheLabels(text: String, code: Int) throws {
        guard case let .mapped(mapped) = try map(text) else { Issue.record("not mapped: \(text)"); return }
        #expect(mapped.response.answers["consid"] == .code(code))
    }

    @Test func anUnmatchedTextNamesTheNearestLabel() throws {
        // "passer lidt" is 2 edits from "passer godt", 4 from "passer ikke": too far to be read as either.
        guard case let .rejected(problems) = try map("Passer lidt") else { Issue.record("not rejected"); return }
        #expect(problems.first?.reason.hasSuffix("; the nearest label is 'Passer godt'") == true, "\(problems)")
        guard case let .rejected(far) = try map("17") else { Issue.record("not rejected"); return }
        #expect(far.first?.reason.contains("nearest") == false, "a number has no nearest label")
    }

    @Test func missingCodesAreMissingWithTheirMeaningNotAnswersNorRejects() throws {
        let codes = [MissingCode(value: "NA"), MissingCode(value: "-99", meaning: .refused),
                     MissingCode(value: "Ved ikke", meaning: .dontKnow, fields: ["pconsid"])]
        for (text, meaning) in [("na", MissingCode.Meaning.missing), ("-99", .refused), ("ved ikke", .dontKnow)] {
            guard case let .mapped(mapped) = try map(text, missing: codes) else { Issue.record("not mapped: \(text)"); return }
            #expect(mapped.response.answers == ["obeys": .code(0)])
            #expect(mapped.missing == ["consid": meaning])
        }
        #expect(MissingCode.list(" NA, -99,,.") == [MissingCode(value: "NA"), MissingCode(value: "-99"), MissingCode(value: ".")])
    }

    // Serial days since 1899-12-30 (ECMA-376 1900 date system), checked with Python:
    // date(1899,12,30) + timedelta(days=46268) == date(2026,9,3); 42005 → 2015-01-01; 25569 → 1970-01-01.
    @Test(arguments: [(46268.0, "2026-09-03"), (42005.75, "2015-01-01"), (25569.0, "1970-01-01"), (61.0, "1900-03-01")])
    func excelSerialDates(serial: Double, iso: String) {
        #expect(ExcelDate.iso(serial: serial) == iso)
    }

    @Test func excelSerialInADateColumn() {
        #expect(ResponseMapper.isoDate("46268") == "2026-09-03")
        #expect(ResponseMapper.isoDate("3.9.2026") == "2026-09-03")
        #expect(ResponseMapper.isoDate("03-09-2026") == "2026-09-03")
    }
}

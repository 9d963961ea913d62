import Foundation
import KortlaegDomain
import Testing
import KortlaegTestSupport
@testable import KortlaegReaders

struct ImportJobTests {
    func run(_ file: String, profile: String?, instrument: String? = nil) throws -> (ImportFileReport, [MappedResponse], [MappingRejection]) {
        let profiles = try loadProfiles()
        let job = ImportJob(profile: try profile.map(profiles.resolve), profiles: profiles, catalog: try loadCatalog(),
                            instrument: instrument)
        var accepted: [MappedResponse] = []
        var rejected: [MappingRejection] = []
        let report = try job.run(file: file, accept: { response, _ in accepted.append(response) }, reject: { rejected.append($0) })
        return (report, accepted, rejected)
    }

    /// Fixture written by Benchmarks/generate_sdq_odm.py --subjects 5 --bad-every 4: 10 forms, forms 4 and 8 carry code 5.
    @Test func odmSampleCounts() throws {
        let (report, accepted, rejected) = try run(Fixture.path("import/redcap-sdq-parent.xml"), profile: nil)
        #expect(report.failure == nil)
        #expect(report.recognition?.kind == .odm)
        #expect(report.profile == "redcap-xml-sdq-parent")
        #expect((report.read, report.accepted, report.rejected, report.empty) == (10, 8, 2, 0))
        #expect(Set(accepted.compactMap(\.occasion)) == ["T1", "T2"])
        #expect(rejected.allSatisfy { $0.field == "sdq_p01" && $0.value == "5" })
        #expect(rejected.allSatisfy { !$0.description.contains("S000") })
    }

    /// Fields no item line uses are listed once for the whole file, in the order first met, also
    /// when they come and go between forms (the lookup is skipped only for a form with the same
    /// field names as the one before).
    @Test func unmappedOdmFieldsAreListedOnceOverTheWholeFile() throws {
        let fixture = try String(contentsOfFile: Fixture.path("import/redcap-sdq-parent.xml"), encoding: .utf8)
        var lines = fixture.components(separatedBy: "\n")
        let firsts = lines.indices.filter { lines[$0].contains(#"ItemOID="sdq_p01""#) }
        #expect(firsts.count == 10)
        // Forms 1 and 5 carry extra_a, form 3 extra_b; forms 2, 4 and 6–10 only the SDQ's fields.
        for (form, name) in [(4, "extra_a"), (2, "extra_b"), (0, "extra_a")] {
            lines.insert(#"<ItemData ItemOID="\#(name)" Value="1"/>"#, at: firsts[form] + 1)
        }
        let folder = try makeTemporaryFolder("kortlaeg")
        let path = folder.appendingPathComponent("extra.xml").path
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let (report, accepted, _) = try run(path, profile: nil)
        #expect(accepted.count == 8)
        #expect(report.notes.contains("2 field(s) not mapped to sdq-p4-17@1.0.0 (over the whole file): extra_a, extra_b"))
    }

    /// Fixture rows (see the python in the commit): 2 accepted, 1 bad code, 1 event without answers, 1 unknown event.
    @Test func redcapSampleCounts() throws {
        let (report, accepted, rejected) = try run(Fixture.path("import/redcap-sdq-parent.csv"), profile: nil)
        #expect(report.recognition?.kind == .redcapCSV)
        #expect((report.read, report.accepted, report.rejected, report.empty) == (5, 2, 2, 1))
        #expect(accepted.map(\.date) == ["2026-01-15", "2026-06-15"])
        #expect(rejected.map(\.field).sorted() == ["(occasion)", "sdq_p01"])
    }

    /// The real REDCap sample has no SDQ fields: every record is counted as without answers, none silently lost.
    @Test func realREDCapSampleWithoutSDQFieldsIsCounted() throws {
        let (report, _, _) = try run(Fixture.path("redcap/longitudinal/data.csv"), profile: "official-variables-csv",
                                     instrument: "sdq-p4-17")
        #expect(report.failure == nil)
        #expect((report.read, report.accepted, report.rejected, report.empty) == (18, 0, 0, 18))
    }

    @Test func hostileXMLFailsAlone() throws {
        let folder = try makeTemporaryFolder("kortlaeg")
        let path = folder.appendingPathComponent("hostile.xml").path
        try #"<?xml version="1.0"?><!DOCTYPE ODM [<!ENTITY x SYSTEM "file:///etc/passwd">]><ODM>&x;</ODM>"#
            .write(toFile: path, atomically: true, encoding: .utf8)
        let (report, accepted, _) = try run(path, profile: nil)
        #expect(accepted.isEmpty)
        #expect(report.failure?.contains("DOCTYPE") == true)
    }

    @Test func surveyXactWithoutOfficialNamesAsksForAnInstrument() throws {
        let (report, _, _) = try run(Fixture.path("surveyxact/semicolon_ansi/dataset.first20rows.csv"), profile: nil)
        #expect(report.recognition?.kind == .surveyxact)
        #expect(report.failure?.contains("choose one with --instrument") == true)
    }
}

/// The children and the repeated rows are counted exactly when there are more ids than the job
/// holds in memory (issue 18: memory stays flat however many children a file has).
struct ImportJobTallyTests {
    static let items = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
                        "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
                        "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome", "impfrie", "impclas", "impleis"]

    /// A parent SDQ file (official variable names) with one row per id in `ids`.
    static func file(_ ids: [String]) throws -> String {
        let folder = try makeTemporaryFolder("kortlaeg")
        let path = folder.appendingPathComponent("sdq.csv").path
        var text = (["id"] + items.map { "p" + $0 }).joined(separator: ",") + "\n"
        for (row, id) in ids.enumerated() {
            text += ([id] + items.indices.map { String(($0 + row) % 3) }).joined(separator: ",") + "\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func run(_ path: String, limit: Int) throws -> ImportFileReport {
        let profiles = try loadProfiles()
        var job = ImportJob(profile: try profiles.resolve("official-variables-csv"), profiles: profiles,
                            catalog: try loadCatalog(), instrument: "sdq-p4-17")
        job.idColumn = "id"
        job.tallyLimits = KeyTally.Limits(keys: limit, fanIn: 2)
        return try job.run(file: path, accept: { _, _ in }, reject: { _ in })
    }

    /// 60 rows for 45 children: ids 0..<45, then 15 of them again (every third id, 0, 3, …, 42).
    /// One occasion and informant, so 15 rows repeat an earlier one.
    @Test(arguments: [1, 4, 1_000])
    func countsAreExactWhateverTheLimit(limit: Int) throws {
        let ids = (0..<45).map { "b\($0)" } + stride(from: 0, to: 45, by: 3).map { "b\($0)" }
        let report = try Self.run(try Self.file(ids), limit: limit)
        #expect(report.failure == nil)
        #expect((report.accepted, report.children, report.repeated) == (60, 45, 15))
    }

    /// The stop rule of issue 13 at a limit far below the rows: 12 rows, 3 ids (4 rows each):
    /// all 12 rows share their id, 12 × 2 > 12, so the file is refused.
    @Test func sharedIdsStopTheFileBeyondTheLimit() throws {
        let ids = (0..<12).map { "s\($0 % 3)" }
        let report = try Self.run(try Self.file(ids), limit: 2)
        #expect(report.failure?.contains("column 'id' is not a child id: 12 of 12 rows share their id with another row of the same occasion and informant (3 different values)") == true)
        #expect((report.children, report.repeated) == (3, 9))
    }

    /// Half the rows sharing an id is not more than half: 4 of 8 rows share (2 ids twice), so the file is kept.
    @Test func exactlyHalfTheRowsSharingIsKept() throws {
        let ids = ["a", "a", "b", "b", "c", "d", "e", "f"]
        let report = try Self.run(try Self.file(ids), limit: 1)
        #expect(report.failure == nil)
        #expect((report.children, report.repeated) == (6, 2))
    }
}

/// The file is read and mapped on a second thread while the caller stores: what the caller sees
/// must be what a reading on its own thread would give, in order, and a refusal must stop the
/// reading where it happened.
struct ImportJobReadAheadTests {
    private func job() throws -> ImportJob {
        ImportJob(profile: nil, profiles: try loadProfiles(), catalog: try loadCatalog(), instrument: "sdq-p4-17")
    }

    private func file(rows: Int) throws -> String {
        let path = try makeTemporaryFolder("kortlaeg").appendingPathComponent("parent.csv")
        try writeParentCSV(path, rows: rows) { "barn-\($0)" }
        return path.path
    }

    @Test func responsesArriveInFileOrderWithProgressBetween() throws {
        var seen: [String] = []
        var progressAt: [Int] = []
        let report = try job().run(file: file(rows: 5_000), accept: { response, _ in seen.append(response.childId) },
                                   reject: { Issue.record("unexpected rejection \($0)") },
                                   progress: { progressAt.append($0.records) })
        #expect(report.failure == nil && report.accepted == 5_000)
        #expect(seen == (1...5_000).map { "barn-\($0)" })
        // Every 1,000 records, besides the first record's (the clock's start).
        #expect(progressAt == [1, 1_000, 2_000, 3_000, 4_000, 5_000])
    }

    @Test func aRefusedInstrumentStopsAtTheFirstRecord() throws {
        var accepted = 0
        let report = try job().run(file: file(rows: 5_000), accept: { _, _ in accepted += 1 }, reject: { _ in },
                                   instrumentChosen: { instrument in
                                       throw ImportError.mixedInstruments(file: "parent.csv", expected: "sdq-t4-17@1.0.0",
                                                                          found: instrument.reference.description)
                                   })
        #expect(accepted == 0)
        #expect(report.read == 1 && report.accepted == 0)
        #expect(report.failure?.contains("sdq-t4-17@1.0.0") == true)
    }

    private struct DiskFull: Error {}

    @Test func anErrorOfTheCallerIsThrownAndNothingMoreIsHandedOver() throws {
        var accepted = 0
        #expect(throws: DiskFull.self) {
            _ = try job().run(file: file(rows: 20_000), accept: { _, _ in
                accepted += 1
                if accepted == 300 { throw DiskFull() }
            }, reject: { _ in })
        }
        #expect(accepted == 300)
    }
}

import Foundation
import KortlaegDomain
import Testing
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
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kortlaeg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
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

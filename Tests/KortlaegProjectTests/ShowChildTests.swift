import Foundation
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `ShowChild`: the stored responses of one child, scored and arranged as a child overview.
@Suite struct ShowChildTests {
    /// Parent emotional items all 2 → emotional symptoms 10; teacher all 0 → 0. UK 3-band
    /// cut-offs (youthinmind, "Scoring the SDQ"): parent 5–10 abnormal (level 2), teacher 0–4
    /// normal (level 0): two levels apart, a disagreement at T1.
    @Test func overviewSetsInformantsSideBySide() throws {
        let (path, project) = try makeProject()
        let teacher = StoredResponseInput(
            childKey: "barn-1", occasion: .initial, informant: .teacher, attributes: ChildAttributes(className: "5A"),
            response: Response(instrument: InstrumentReference(id: "sdq-t4-17", version: "1.0.0"), answers: emotion(0)), row: 1)
        try store([parentSDQ("barn-1", .initial, emotion(10))], as: "parent.csv", in: project)
        try store([teacher], as: "teacher.csv", in: project)

        let result = try ShowChild.run(.init(project: path, child: "barn-1", instruments: catalog), sink: CollectingSink())
        #expect(result.pseudonym == (try project.pseudonym(for: "barn-1")))
        #expect(result.attributes.className == "5A")
        #expect(result.overview.columns.map { "\($0.occasion) \($0.informant)" } == ["T1 parent", "T1 teacher"])
        let row = try #require(result.overview.difficulties.first { $0.scoreID == "emotion" })
        #expect(row.disagreements == ["T1"])
        #expect(row.cells.values.map(\.band).sorted { ($0 ?? "") < ($1 ?? "") } == ["afvigende", "normalt"])
    }

    @Test func anInstrumentMissingFromTheFilesIsInvalidInput() throws {
        let (path, project) = try makeProject()
        try store([parentSDQ("barn-1", .initial, emotion(10))], as: "parent.csv", in: project)
        let others = try InstrumentCatalog(instruments: catalog.entries.map(\.instrument).filter { $0.id != "sdq-p4-17" })
        do {
            _ = try ShowChild.run(.init(project: path, child: "barn-1", instruments: others), sink: CollectingSink())
            Issue.record("expected an error")
        } catch {
            #expect(error.severity == .invalidInput)
            #expect(error.message.hasPrefix("sdq-p4-17@1.0.0 is stored in the project but is not in the instrument files."))
        }
    }
}

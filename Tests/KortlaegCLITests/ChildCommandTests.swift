import Foundation
import KortlaegTestSupport
import KortlaegDomain
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite
import Testing

/// `kortlaeg child ID --project`: strengths first, informants side by side, goals.
@Suite(.serialized) struct ChildCommandTests {
    /// One child (given by a CPR-shaped id) with a parent and a teacher SDQ at T1, the resource
    /// form at T1 and the goal form at F1.
    ///
    /// Parent: the five emotional items all "certainly true" (2) → emotional symptoms 10; teacher:
    /// all 0 → 0. Three-band cut-offs (youthinmind, "Scoring the SDQ", sdqinfo.org; original
    /// bands): parent emotional 0–3 normal, 4 borderline, 5–10 abnormal; teacher 0–4 normal,
    /// 5 borderline, 6–10 abnormal. So parent is abnormal (level 2), teacher normal (level 0):
    /// two levels apart, a disagreement at T1. Prosocial items not answered → no prosocial score
    /// (fewer than 3 of 5 answered), so the strengths section holds the resource count:
    /// two of six child resources ticked → ressourcer_barn = 2 (count of ticked items, kv-ressourcer
    /// version 0).
    @Test func overviewPutsStrengthsFirstAndFlagsDisagreement() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("p.kortlaeg").path
        let store = try SQLiteProjectStore.create(at: path, project: ProjectInfo(), operator: "test")
        let catalog = try InstrumentCatalog.load(directory: repositoryRoot.appendingPathComponent("Instruments").path)
        let cpr = "0102031234"
        let emotion = ["somatic", "worries", "unhappy", "clingy", "afraid"]
        func sdq(_ id: String, _ informant: Informant, _ code: Int) -> StoredResponseInput {
            StoredResponseInput(childKey: cpr, occasion: .initial, informant: informant,
                                attributes: ChildAttributes(className: "5A"),
                                response: Response(instrument: InstrumentReference(id: id, version: "1.0.0"),
                                                   answers: Dictionary(uniqueKeysWithValues: emotion.map { ($0, AnswerValue.code(code)) })),
                                row: 1)
        }
        let resources = StoredResponseInput(
            childKey: cpr, occasion: .initial, informant: .professional,
            response: Response(instrument: InstrumentReference(id: "kv-ressourcer", version: "0.1.0"),
                               answers: ["r_barn_venskaber": .code(1), "r_barn_interesser": .code(1), "r_barn_motivation": .code(0)]),
            row: 1)
        let goals = StoredResponseInput(
            childKey: cpr, occasion: .followUp(1), informant: .professional,
            response: Response(instrument: InstrumentReference(id: "kv-maal", version: "0.1.0"),
                               answers: ["maal_faglig": .text("Læse en bog om ugen"), "maal_faglig_status": .code(3)]),
            row: 1)
        let options = ImportOptions(instruments: catalog, operator: "test")
        for (index, record) in [sdq("sdq-p4-17", .parent, 2), sdq("sdq-t4-17", .teacher, 0), resources, goals].enumerated() {
            let outcome = try store.importBatch(ImportBatch(fileName: "f\(index).csv", sha256: String(repeating: "\(index)", count: 64), profile: "test"),
                                                records: [record], options: options)
            guard case .imported(let counts) = outcome, counts.accepted == 1 else {
                Issue.record("record \(index) was not stored: \(outcome)")
                return
            }
        }

        let result = try runKortlaeg(["child", cpr, "--project", path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout
        #expect(!CPRNumber.containsCPR(text + result.stderr))
        // The short label every page shows, not the whole 32-character pseudonym.
        let pseudonym = try store.pseudonym(for: cpr)
        let short = [0, 4, 8].map { String(Array(pseudonym)[$0..<$0 + 4]) }.joined(separator: "-")
        #expect(text.hasPrefix("Barn \(short)"))
        #expect(!text.contains(pseudonym))
        let strengths = try #require(text.range(of: "1. Styrker og ressourcer"))
        let difficulties = try #require(text.range(of: "2. Vanskeligheder"))
        #expect(strengths.lowerBound < difficulties.lowerBound)
        let strengthSection = String(text[strengths.upperBound..<difficulties.lowerBound])
        #expect(strengthSection.contains("Ressourcer hos barnet"))
        #expect(strengthSection.contains("  2"))
        #expect(strengthSection.contains("Har mindst én god ven"))
        let emotionLine = try #require(text.split(separator: "\n").first { $0.contains("følelsesmæssige symptomer") && $0.contains("10") })
        #expect(emotionLine.contains("10 (afvigende) !"))
        #expect(emotionLine.contains("0 (normalt) !"))
        #expect(text.contains("! Score for følelsesmæssige symptomer: T1 (forælder afvigende, lærer/pædagog normalt)"))
        #expect(text.contains("F1  Fremgang, fagligt mål: Nogen fremgang (3)"))
        #expect(!text.contains("Læse en bog"))

        let withText = try runKortlaeg(["child", String(try store.pseudonym(for: cpr).prefix(10)), "--project", path,
                                        "--free-text", "--lang", "en"])
        #expect(withText.status == 0, "\(withText.stderr)")
        #expect(withText.stdout.contains("Progress, academic goal: Some progress (3) – \"Læse en bog om ugen\""))

        let unknown = try runKortlaeg(["child", "barn-9999", "--project", path])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.contains("No child"))

        let noProject = try runKortlaeg(["child", cpr])
        #expect(noProject.status == 64)
        #expect(noProject.stderr.contains("Please give --project PATH") && noProject.stderr.contains("Usage: kortlaeg child"))
        #expect(!CPRNumber.containsCPR(noProject.stderr))
    }
}

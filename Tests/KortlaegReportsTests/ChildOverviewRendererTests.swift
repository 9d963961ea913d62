import KortlaegDomain
import KortlaegReaders
import KortlaegProgress
import KortlaegTestSupport
import Testing
@testable import KortlaegReports

/// The child overview as text: strengths first, informants side by side with their disagreements, goals.
struct ChildOverviewRendererTests {
    /// Parent emotional symptoms 10, teacher 0. UK 3-band cut-offs (youthinmind, "Scoring the SDQ"):
    /// parent 5–10 abnormal (level 2), teacher 0–4 normal (level 0): a disagreement at T1. The goal
    /// text holds a CPR-shaped number (built from its parts), replaced by ``CPRGuard/marker`` even
    /// with free text on.
    static func overview(_ language: Language) throws -> ChildOverview {
        let instruments = try InstrumentCatalog.load(directory: instrumentsDirectory)
        let entries = [
            ChildOverview.Entry(occasion: "T1", order: 0, informant: .parent, instrument: try instruments.resolve("sdq-p4-17@1.0.0"),
                                answers: [:], values: ["emotion": 10, "prosoc": 7.5]),
            ChildOverview.Entry(occasion: "T1", order: 0, informant: .teacher, instrument: try instruments.resolve("sdq-t4-17@1.0.0"),
                                answers: [:], values: ["emotion": 0]),
            ChildOverview.Entry(occasion: "F1", order: 1, informant: .professional, instrument: try instruments.resolve("kv-maal@0.1.0"),
                                answers: ["maal_faglig": .text("Tal med " + "010203" + "-" + "1234"), "maal_faglig_status": .code(3)], values: [:]),
        ]
        return ChildOverview(entries: entries, language: language, includeFreeText: true)
    }

    @Test func danishOverview() throws {
        let text = ChildOverviewRenderer(overview: try Self.overview(.danish))
            .text(pseudonym: "3f2a09bc77de1234abcd5678ef901234", attributes: ChildAttributes(className: "5A", school: "Byskolen"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The short label (PseudonymLabel), as every other page names a child; never the whole pseudonym.
        #expect(lines[0] == "Barn 3f2a-09bc-77de · klasse 5A · skole Byskolen")
        #expect(lines[2] == "1. Styrker og ressourcer")
        // 7.5 is shown as 7,5 (up to two decimals, trailing zeros dropped); only the parent has the score.
        #expect(lines[4].hasPrefix("   Score for sociale styrkesider") && lines[4].hasSuffix("7,5 (normalt)"))
        #expect(text.contains("   Score for følelsesmæssige symptomer  10 (afvigende) !  0 (normalt) !\n"))
        #expect(text.contains("   ! Score for følelsesmæssige symptomer: T1 (forælder afvigende, lærer/pædagog normalt)\n"))
        #expect(text.contains("   F1  Fremgang, fagligt mål: Nogen fremgang (3) – \"Tal med \(CPRGuard.marker)\"\n"))
        #expect(!CPRNumber.containsCPR(text))
    }

    @Test func englishOverview() throws {
        let text = ChildOverviewRenderer(overview: try Self.overview(.english), language: .english)
            .text(pseudonym: "3f2a09bc77de1234abcd5678ef901234", attributes: ChildAttributes())
        #expect(text.hasPrefix("Child 3f2a-09bc-77de\n\n1. Strengths and resources\n"))
        #expect(text.contains(": T1 (parent abnormal, teacher normal)\n"))
        #expect(text.contains("\"Tal med [CPR fjernet]\""))  // CPRGuard.marker in place of the number
        #expect(text.contains("3. Goals and follow-up\n"))
    }
}

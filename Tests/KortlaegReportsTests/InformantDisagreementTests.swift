import KortlaegDomain
import Testing
@testable import KortlaegReports

/// Disagreement between informants (issue 16, page 4 "Child"): band levels of one score at one
/// occasion at least two apart, each informant against its own version's bands. Bands: the SDQ's
/// original three (youthinmind, "Scoring the SDQ for age 4-17", sdqinfo.org; ../shared/specs/sdq.md):
/// emotional symptoms parent 0–3 normal, 4 borderline, 5–10 abnormal; teacher 0–4, 5, 6–10.
@Suite struct InformantDisagreementTests {
    static let parentEmotion = threeBands(0...3, 4...4, 5...10)
    static let teacherEmotion = threeBands(0...4, 5...5, 6...10)

    static func profile(_ informant: Informant, _ values: [String: Double?], bands: [ChildReport.Band],
                        occasions: [String] = ["T1", "T2"], scoreID: String? = "emotion") -> ChildReport.Profile {
        ChildReport.Profile(informant: informant, instrument: "SDQ", occasions: occasions, scores: [
            .init(scoreID: scoreID, label: informant == .parent ? "Score for følelsesmæssige symptomer" : "Følelser (lærer)",
                  minimum: 0, maximum: 10, bands: bands, values: values, direction: .lowerIsBetter),
        ])
    }

    /// Parent 2 (normal, level 0) and teacher 6 (abnormal, level 2) at T2: two levels apart.
    @Test func normalAgainstAbnormalIsADisagreement() {
        let found = InformantDisagreement.find(in: [
            Self.profile(.parent, ["T1": 4, "T2": 2], bands: Self.parentEmotion),
            Self.profile(.teacher, ["T2": 6], bands: Self.teacherEmotion, occasions: ["T2"]),
        ], occasions: ["T1", "T2"])
        #expect(found == [InformantDisagreement(scoreKey: "emotion", label: "Score for følelsesmæssige symptomer", occasion: "T2",
                                                least: [.init(informant: .parent, value: 2, level: 0, band: "normalt")],
                                                most: [.init(informant: .teacher, value: 6, level: 2, band: "afvigende")])])
    }

    /// The rule compares bands, not numbers: parent 5 is abnormal (5–10, level 2), teacher 4 is
    /// normal (0–4, level 0), one point apart but a disagreement; parent 5 and teacher 5 are the same
    /// number but abnormal (2) against borderline (1): none; normal against borderline: none.
    @Test(arguments: [(5.0, 4.0, true), (5, 5, false), (2, 5, false), (4, 6, false), (0, 10, true), (10, 0, true)])
    func bandsDecideNotNumbers(parent: Double, teacher: Double, disagree: Bool) {
        let found = InformantDisagreement.find(in: [
            Self.profile(.parent, ["T1": parent], bands: Self.parentEmotion, occasions: ["T1"]),
            Self.profile(.teacher, ["T1": teacher], bands: Self.teacherEmotion, occasions: ["T1"]),
        ], occasions: ["T1"])
        #expect(found.isEmpty == !disagree)
    }

    /// Readings of different occasions, of one informant, of different scores, or without bands are
    /// never compared.
    @Test func onlyOneScoreAtOneOccasionOfTwoInformants() {
        // Parent abnormal at T1, teacher normal at T2.
        #expect(InformantDisagreement.find(in: [
            Self.profile(.parent, ["T1": 8, "T2": nil], bands: Self.parentEmotion),
            Self.profile(.teacher, ["T2": 0], bands: Self.teacherEmotion, occasions: ["T2"]),
        ], occasions: ["T1", "T2"]).isEmpty)
        // Two parent forms at T1 (e.g. two versions).
        #expect(InformantDisagreement.find(in: [
            Self.profile(.parent, ["T1": 8], bands: Self.parentEmotion, occasions: ["T1"]),
            Self.profile(.parent, ["T1": 0], bands: Self.parentEmotion, occasions: ["T1"]),
        ], occasions: ["T1"]).isEmpty)
        // Two different scores.
        #expect(InformantDisagreement.find(in: [
            Self.profile(.parent, ["T1": 8], bands: Self.parentEmotion, occasions: ["T1"]),
            Self.profile(.teacher, ["T1": 0], bands: Self.teacherEmotion, occasions: ["T1"], scoreID: "conduct"),
        ], occasions: ["T1"]).isEmpty)
        // No bands: nothing can be said.
        #expect(InformantDisagreement.find(in: [
            Self.profile(.parent, ["T1": 8], bands: [], occasions: ["T1"]),
            Self.profile(.teacher, ["T1": 0], bands: [], occasions: ["T1"]),
        ], occasions: ["T1"]).isEmpty)
    }

    /// Without a score id (an older caller) the label pairs the scores.
    @Test func theLabelPairsScoresWithoutAnID() {
        var parent = Self.profile(.parent, ["T1": 8], bands: Self.parentEmotion, occasions: ["T1"], scoreID: nil)
        var teacher = Self.profile(.teacher, ["T1": 0], bands: Self.teacherEmotion, occasions: ["T1"], scoreID: nil)
        #expect(InformantDisagreement.find(in: [parent, teacher], occasions: ["T1"]).isEmpty)  // labels differ
        parent.scores[0].label = "Emotion"
        teacher.scores[0].label = "Emotion"
        #expect(InformantDisagreement.find(in: [parent, teacher], occasions: ["T1"]).map(\.scoreKey) == ["Emotion"])
    }

    // MARK: - The staff page

    static func report(teacherT2: Double, language: Language = .danish) -> ChildReport {
        ChildReport(childLabel: "Barn A", language: language, occasions: ["T1", "T2"], sections: [
            .init(heading: "SDQ-profil", content: .profiles([
                Self.profile(.parent, ["T1": 4, "T2": 2], bands: Self.parentEmotion),
                Self.profile(.teacher, ["T2": teacherT2], bands: Self.teacherEmotion, occasions: ["T2"]),
            ])),
        ])
    }

    /// Parent 2 (normal) and teacher 6 (abnormal) at T2: said in words above the figures, and in both
    /// tables a "!" with the occasion and an outlined cell — text and shape, not colour alone.
    @Test func theStaffPageFlagsItInWordsAndVisually() throws {
        let html = try ReportRenderer.html(Self.report(teacherT2: 6))
        #expect(html.contains("<div class=\"disagreements\" role=\"note\">\n<p><strong><span aria-hidden=\"true\">! </span>Uenighed mellem informanterne</strong>"))
        #expect(html.contains("<li>Score for følelsesmæssige symptomer, T2: lærer/pædagog 6 (afvigende) – men forælder 2 (normalt).</li>"))
        let flag = "<span class=\"flag\"><span aria-hidden=\"true\">!</span> <span class=\"sr\">uenighed ved</span> T2</span>"
        // The parent's row: T1 4 is not flagged, T2 2 is.
        #expect(html.contains("<tr class=\"disagree\"><td>Score for følelsesmæssige symptomer \(flag)</td><td class=\"num\">4</td><td class=\"num disagree\">2</td><td>normalt</td></tr>"))
        #expect(html.contains("<tr class=\"disagree\"><td>Følelser (lærer) \(flag)</td><td class=\"num disagree\">6</td><td>afvigende</td></tr>"))
        #expect(html.contains("<span class=\"flag-legend\">! = uenighed mellem informanterne ved tidspunktet"))
        // The marks are drawn by the page's own style: a border, an outline, bold type.
        #expect(html.contains(".disagreements { border: 2px solid") && html.contains("td.disagree { outline: 2px dashed"))
        #expect(!html.contains("Ingen uenighed"))
    }

    /// Teacher 5 (borderline) against parent 2 (normal): one level, no flag; the page says that none
    /// was found. One informant only: nothing about agreement at all.
    @Test func noDisagreementIsSaidAndOneInformantSaysNothing() throws {
        let html = try ReportRenderer.html(Self.report(teacherT2: 5))
        #expect(html.contains("<p class=\"agree\">Ingen uenighed mellem informanterne: ingen bånd ligger to trin fra hinanden ved samme tidspunkt.</p>"))
        #expect(!html.contains("class=\"disagree") && !html.contains("class=\"flag") && !html.contains("<div class=\"disagreements\""))
        let single = try ReportRenderer.html(childReport())
        #expect(!single.contains("Ingen uenighed") && !single.contains("<div class=\"disagreements\""))
    }

    @Test func inEnglish() throws {
        let html = try ReportRenderer.html(Self.report(teacherT2: 6, language: .english))
        #expect(html.contains("<strong><span aria-hidden=\"true\">! </span>Disagreement between informants</strong>"))
        #expect(html.contains("<li>Score for følelsesmæssige symptomer, T2: teacher 6 (afvigende) – but parent 2 (normalt).</li>"))
        #expect(html.contains("<span class=\"sr\">disagreement at</span> T2"))
        #expect(!html.contains("Uenighed") && !html.contains("uenighed"))
    }
}

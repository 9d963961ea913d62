import Foundation
import KortlaegDomain
import KortlaegExport
import Testing
@testable import KortlaegReports

/// The parent version of the child report (issue 16, page 4): plain Danish, strengths first, the
/// scores in words. Bands as in `threeBands` (the SDQ parent's uk-3band: emotion 0–3 normal, 4
/// borderline, 5–10 abnormal); a teacher and a strength score added by hand.
@Suite struct ParentReportRendererTests {
    /// Parent emotion 4 → 2 (borderline → normal), total 18 → 12 (abnormal → normal); teacher
    /// emotion 6 at T2 (abnormal: two levels from the parent's normal), prosocial 5 at T2 (borderline,
    /// a strength score: 6–10 normal, 5 borderline, 0–4 abnormal).
    static func report(label: String = "Anna", goals: [ChildReport.Goal] = []) -> ChildReport {
        let prosocialBands: [ChildReport.Band] = [.init(minimum: 6, maximum: 10, level: 0, label: "normalt"),
                                                  .init(minimum: 5, maximum: 5, level: 1, label: "grænseområde"),
                                                  .init(minimum: 0, maximum: 4, level: 2, label: "afvigende")]
        var parent = parentProfile()
        for index in parent.scores.indices { parent.scores[index].direction = .lowerIsBetter }
        let teacher = ChildReport.Profile(informant: .teacher, instrument: "SDQ lærerskema 4-17 år (sdq-t4-17@1.0.0)",
                                          bandTable: "Oprindelig inddeling i tre bånd", occasions: ["T2"], scores: [
            .init(label: "Score for følelsesmæssige symptomer", minimum: 0, maximum: 10, bands: threeBands(0...3, 4...4, 5...10),
                  values: ["T2": 6], direction: .lowerIsBetter),
            .init(label: "Score for sociale styrkesider", minimum: 0, maximum: 10, bands: prosocialBands, values: ["T2": 5],
                  direction: .higherIsBetter),
        ])
        return ChildReport(childLabel: label, occasions: ["T1", "T2"], sections: [
            .init(heading: "SDQ-profil", content: .profiles([parent, teacher])),
            .init(heading: "Trivsel", content: .answers([.init(question: "Er du glad for din skole?", answers: ["T1": "Nogle gange", "T2": "Tit"])])),
        ], goals: goals)
    }

    /// Each area once, under the section its most concerning reading puts it (docs/decisions/webchild.md).
    @Test func strengthsComeFirstAndScoresAreSaidInWords() throws {
        let html = try ReportRenderer.parentHTML(Self.report())
        #expect(html.contains("<h1>Sådan går det for Anna</h1>"))
        let well = try #require(html.range(of: "<h2>Det går godt</h2>")), help = try #require(html.range(of: "<h2>Det vil vi gerne hjælpe med</h2>"))
        #expect(well.upperBound < help.lowerBound)
        let strengths = String(html[well.upperBound..<help.lowerBound])
        // Total difficulties: only the parent, normal at T2 after abnormal at T1.
        #expect(strengths == "\n<ul>\n<li><strong>Samlet problemscore</strong>: som hos de fleste børn (ifølge forældrene) – bedre end ved første kortlægning</li>\n</ul>\n")
        let concerns = String(html[help.upperBound...])
        // Emotion: teacher 6 abnormal (level 2), parent 2 normal (level 0, better than borderline at
        // T1), both at T2: two levels apart, so the sentence that they see it differently.
        #expect(concerns.contains("<li><strong>Følelsesmæssige symptomer</strong>: mere end hos de fleste børn (ifølge skolen); som hos de fleste børn (ifølge forældrene) – bedre end ved første kortlægning. Forældrene og skolen oplever det forskelligt.</li>"))
        // Prosocial 5 is borderline of a strength score: fewer strengths; only the teacher.
        #expect(concerns.contains("<li><strong>Sociale styrkesider</strong>: lidt færre end hos de fleste børn (ifølge skolen)</li>"))
        #expect(concerns.contains("<p>\(Phrasebook.Parent.differentViewsNote(.danish))</p>"))
        // Every area appears once on the page.
        for area in ["Følelsesmæssige symptomer", "Samlet problemscore", "Sociale styrkesider"] {
            #expect(html.components(separatedBy: "<strong>\(area)</strong>").count - 1 == 1, "\(area)")
        }
        #expect(!html.contains("Hvor svarene er forskellige"))
        // The mapping tool's own questions, the latest answer.
        #expect(html.contains("<li>Er du glad for din skole?: <strong>Tit</strong></li>"))
    }

    /// Parent normal (0) and teacher borderline (1): one level apart. The area is under "Det vil vi
    /// gerne hjælpe med" only, with both readings and no sentence about seeing it differently
    /// (a one-band difference is too common to call a disagreement). Readings of different
    /// occasions are not a disagreement either: parent abnormal at T1 only, teacher normal at T2.
    @Test func oneLevelApartOrAtDifferentOccasionsIsNoDisagreement() throws {
        var report = Self.report()
        guard case var .profiles(profiles) = report.sections[0].content else { return }
        profiles[1].scores[0].values = ["T2": 4]  // teacher emotion borderline (threeBands 4)
        report.sections[0].content = .profiles(profiles)
        var html = try ReportRenderer.parentHTML(report)
        #expect(html.contains("<li><strong>Følelsesmæssige symptomer</strong>: lidt mere end hos de fleste børn (ifølge skolen); som hos de fleste børn (ifølge forældrene) – bedre end ved første kortlægning</li>"))
        #expect(!html.contains("oplever det forskelligt") && !html.contains(Phrasebook.Parent.differentViewsNote(.danish)))

        profiles[0].scores[0].values = ["T1": 8, "T2": nil]  // parent emotion abnormal, T1 only
        profiles[1].scores[0].values = ["T2": 0]            // teacher normal at T2
        report.sections[0].content = .profiles(profiles)
        html = try ReportRenderer.parentHTML(report)
        #expect(html.contains("<li><strong>Følelsesmæssige symptomer</strong>: mere end hos de fleste børn (ifølge forældrene); som hos de fleste børn (ifølge skolen)</li>"))
        #expect(!html.contains("oplever det forskelligt"))
    }

    /// The parent and the child's own answers: "Forældrene og barnet selv"; in English too.
    @Test func whoSeesItDifferentlyIsNamed() throws {
        var report = Self.report()
        guard case var .profiles(profiles) = report.sections[0].content else { return }
        profiles[1].informant = .child
        report.sections[0].content = .profiles(profiles)
        #expect(try ReportRenderer.parentHTML(report).contains(". Forældrene og barnet selv oplever det forskelligt.</li>"))
        report.language = .english
        #expect(try ReportRenderer.parentHTML(report).contains(". The parents and the child see this differently.</li>"))
    }

    /// No numbers of scores, no instrument ids or versions, no band table names, no band jargon.
    @Test func noVariableNamesVersionsOrNumbers() throws {
        let html = try ReportRenderer.parentHTML(Self.report())
        for jargon in ["sdq-p4-17", "sdq-t4-17", "1.0.0", "Oprindelig inddeling", "afvigende", "grænseområde", "normalt", "<svg", "Score for"] {
            #expect(!html.contains(jargon), "\(jargon)")
        }
        // The text the reader sees (without the tags: `<h2>` has a digit).
        let body = try #require(html.components(separatedBy: "<div class=\"parent\">").last)
            .replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let digit = body.range(of: "[0-9]", options: .regularExpression)
        let excerpt = digit.map { String(body[..<$0.upperBound].suffix(60)) } ?? ""
        #expect(digit == nil, "a number in the parent version: \(excerpt)")
        #expect(html.contains("@page { size: A4"))
    }

    @Test func goalsWithTheirRatingsInWords() throws {
        let goal = ChildReport.Goal(text: "Række hånden op i matematik", ratings: ["T1": 2, "T2": 4], scaleMaximum: 5,
                                    ratingLabels: ["T1": "Lidt fremgang", "T2": "Stor fremgang"])
        let html = try ReportRenderer.parentHTML(Self.report(goals: [goal]))
        #expect(html.contains("<th>Mål</th><th>Første kortlægning</th><th>Ny kortlægning</th>"))
        #expect(html.contains("<tr><td>Række hånden op i matematik</td><td>Lidt fremgang</td><td>Stor fremgang</td></tr>"))
        // Without labels the rating is "2 af 5".
        let bare = try ReportRenderer.parentHTML(Self.report(goals: [.init(text: "Mål", ratings: ["T2": 2], scaleMaximum: 5)]))
        #expect(bare.contains("<td>ikke vurderet</td><td>2 af 5</td>") || bare.contains("<td>2 af 5</td>"))
    }

    @Test func everythingIsEscapedAndCPRShapedTextsStopTheReport() throws {
        let html = try ReportRenderer.parentHTML(Self.report(label: "<b>Anna</b> & \"Bo\""))
        #expect(html.contains("Sådan går det for &lt;b&gt;Anna&lt;/b&gt; &amp; &quot;Bo&quot;"))
        #expect(!html.contains("<b>Anna"))
        // A CPR-shaped number built from its parts (never written whole in the repository).
        let goal = ChildReport.Goal(text: "Ring på " + "010190" + "-" + "1234", ratings: [:], scaleMaximum: 5)
        #expect(throws: ExportError.cprShapedReportText(section: "goals")) { try ReportRenderer.parentHTML(Self.report(goals: [goal])) }
    }

    @Test func nothingToSayIsSaid() throws {
        let empty = ChildReport(childLabel: "Anna", occasions: ["T1"], sections: [.init(heading: "SDQ-profil", content: .profiles([]))])
        let html = try ReportRenderer.parentHTML(empty)
        #expect(html.contains(Phrasebook.Parent.noStrengths(.danish)))
        #expect(html.contains(Phrasebook.Parent.noConcerns(.danish)))
        #expect(html.contains(Phrasebook.Parent.noGoals(.danish)))
        #expect(!html.contains("oplever det forskelligt"))
        var english = Self.report()
        english.language = .english
        #expect(try ReportRenderer.parentHTML(english).contains("<h2>What goes well</h2>"))
    }

    /// An area placed at two levels by two informants is one line, the higher level first.
    @Test func oneLinePerArea() throws {
        var report = Self.report()
        guard case var .profiles(profiles) = report.sections[0].content else { return }
        profiles[0].scores[0].values = ["T1": 4, "T2": 4]  // parent emotion borderline (1); teacher abnormal (2)
        report.sections[0].content = .profiles(profiles)
        let html = try ReportRenderer.parentHTML(report)
        #expect(html.contains("<li><strong>Følelsesmæssige symptomer</strong>: mere end hos de fleste børn (ifølge skolen); lidt mere end hos de fleste børn (ifølge forældrene)</li>"))
    }

    @Test(arguments: [("Score for sociale styrkesider", "Sociale styrkesider"), ("Prosocial behaviour", "Prosocial behaviour"),
                      ("score for påvirkning", "Påvirkning"), ("Samlet problemscore", "Samlet problemscore")])
    func plainNames(label: String, plain: String) {
        #expect(ReportRenderer.plainName(label) == plain)
    }
}

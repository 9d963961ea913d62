import Foundation
import KortlaegDomain
import Testing
@testable import KortlaegReports

/// The trajectory small multiples of the child report. Coordinates by hand: the chart is 184 wide
/// with the plot at x 26–178; "Score for følelsesmæssige symptomer" takes two heading lines, so the
/// plot runs from y 34 to 124 (90 high); with two occasions the points sit at x = 26 + 0.5 × 76 = 64
/// and 26 + 1.5 × 76 = 140; a value v of 0–10 at y = 124 − 9v.
@Suite struct TrajectoryChartTests {
    static func charts(_ html: String) -> [String] {
        html.components(separatedBy: "<svg class=\"trajectory\"").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    }

    @Test func oneChartPerScoreWithBandsLineAndAccessibleText() throws {
        let html = try ReportRenderer.html(childReport())
        let charts = Self.charts(html)
        #expect(charts.count == 2)  // emotion and total, the parent profile's two scores
        let emotion = try #require(charts.first)
        // Emotion 4 at T1 (y 88), 2 at T2 (y 106).
        #expect(emotion.contains("<polyline points=\"64.0,88.0 140.0,106.0\""))
        // The normal band 0–3 covers 0 to 3.5: y 92.5 to 124.
        #expect(emotion.contains("<rect x=\"26.0\" y=\"92.5\" width=\"152.0\" height=\"31.5\" fill=\"#cfe8d5\"><title>normalt</title></rect>"))
        // Borderline 4 covers 3.5–4.5: y 83.5 to 92.5.
        #expect(emotion.contains("y=\"83.5\" width=\"152.0\" height=\"9.0\" fill=\"#f6e3a8\""))
        #expect(emotion.contains("<text x=\"0\" y=\"12.0\" font-size=\"10\" font-weight=\"600\" textLength=\"182\" lengthAdjust=\"spacingAndGlyphs\">Score for følelsesmæssige</text>"))
        #expect(emotion.contains("<text x=\"0\" y=\"24.0\" font-size=\"10\" font-weight=\"600\">symptomer</text>"))
        #expect(emotion.contains("role=\"img\" aria-labelledby=\"trajectory-0-0-0-t trajectory-0-0-0-d\""))
        #expect(emotion.contains("<title id=\"trajectory-0-0-0-t\">Score for følelsesmæssige symptomer (forælder) over tid</title>"))
        #expect(emotion.contains("<desc id=\"trajectory-0-0-0-d\">T1: 4 (grænseområde); T2: 2 (normalt)</desc>"))
        // Presentation attributes only: the web's Content-Security-Policy needs no inline style for it.
        #expect(!emotion.contains("style="))
        // Every id is unique in the page.
        let ids = html.components(separatedBy: " id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(Set(ids).count == ids.count)
    }

    @Test func aMissingValueBreaksTheLineAndOneOccasionDrawsNoTrajectory() throws {
        var profile = parentProfile(occasions: ["T1", "F1", "T2"])
        profile.scores[0].values = ["T1": 4, "F1": nil, "T2": 2]
        let svg = TrajectoryChart.svg(profile.scores[0], occasions: profile.occasions, id: "x", title: "t", description: "d",
                                      number: NumberFormat.upTo(1, .danish).string)
        #expect(!svg.contains("<polyline"))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
        let single = ChildReport(childLabel: "A", occasions: ["T1"], sections: [.init(heading: "SDQ", content: .profiles([parentProfile(occasions: ["T1"])]))])
        #expect(!(try ReportRenderer.html(single)).contains("class=\"trajectory\""))
    }

    @Test(arguments: [("Score for følelsesmæssige symptomer", ["Score for følelsesmæssige", "symptomer"]),
                      ("Score for hyperaktivitet/opmærksomhedsvanskeligheder", ["Score for hyperaktivitet/", "opmærksomhedsvanskeligheder"]),
                      ("Udadreagerende vanskeligheder", ["Udadreagerende", "vanskeligheder"]),
                      ("Samlet problemscore", ["Samlet problemscore"])])
    func headingsWrap(label: String, lines: [String]) {
        #expect(TrajectoryChart.lines(label) == lines)
    }
}

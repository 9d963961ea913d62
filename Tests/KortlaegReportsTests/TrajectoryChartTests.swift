import Foundation
import KortlaegDomain
import Testing
@testable import KortlaegReports

/// The trajectory small multiples of the child report. Coordinates by hand: the chart is 230 × 132
/// with the plot at x 30–220 and y 22–112 (90 high); with two occasions the points sit at
/// x = 30 + 0.5 × 95 = 77.5 and 30 + 1.5 × 95 = 172.5; a value v of 0–10 at y = 112 − 9v.
@Suite struct TrajectoryChartTests {
    static func charts(_ html: String) -> [String] {
        html.components(separatedBy: "<svg class=\"trajectory\"").dropFirst().map { $0.components(separatedBy: "</svg>")[0] }
    }

    @Test func oneChartPerScoreWithBandsLineAndAccessibleText() throws {
        let html = try ReportRenderer.html(childReport())
        let charts = Self.charts(html)
        #expect(charts.count == 2)  // emotion and total, the parent profile's two scores
        let emotion = try #require(charts.first)
        // Emotion 4 at T1 (y 76), 2 at T2 (y 94).
        #expect(emotion.contains("<polyline points=\"77.5,76.0 172.5,94.0\""))
        // The normal band 0–3 covers 0 to 3.5: y 80.5 to 112.
        #expect(emotion.contains("<rect x=\"30.0\" y=\"80.5\" width=\"190.0\" height=\"31.5\" fill=\"#cfe8d5\"><title>normalt</title></rect>"))
        // Borderline 4 covers 3.5–4.5: y 71.5 to 80.5.
        #expect(emotion.contains("y=\"71.5\" width=\"190.0\" height=\"9.0\" fill=\"#f6e3a8\""))
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
}

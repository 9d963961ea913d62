import Foundation
import KortlaegTestSupport
import KortlaegDomain
import Testing
@testable import KortlaegReports
import KortlaegExport

func childReport(label: String = "Barn A", goals: [ChildReport.Goal] = []) throws -> ChildReport {
    let instrument = try sdqParent()
    // Scores by hand: emotion 4 → 2, ebdtot 18 → 12.
    let profile = try ChildReport.profile(instrument: instrument, scores: ["T1": ["emotion": 4, "ebdtot": 18], "T2": ["emotion": 2, "ebdtot": 12]],
                                          occasions: ["T1", "T2"], language: .danish)
    return ChildReport(childLabel: label, occasions: ["T1", "T2"], profiles: [profile],
                       trivsel: [.init(question: "Er du glad for din skole?", answers: ["T1": "Nogle gange", "T2": "Tit"])],
                       goals: goals)
}

@Test func childReportHasTheNumbersAndNoNetwork() throws {
    let html = try ReportRenderer.html(try childReport(goals: [.init(text: "Deltage i frikvarter", ratings: ["T1": 2, "T2": 3.5], scaleMaximum: 5)]))
    #expect(html.contains("<svg"))
    #expect(html.contains("T1: 4") && html.contains("T2: 2"))        // emotion markers
    #expect(html.contains("<td class=\"num\">18</td><td class=\"num\">12</td>"))  // ebdtot T1/T2
    #expect(html.contains("3,5 / 5"))                                  // goal rating, decimal comma
    #expect(html.contains("Er du glad for din skole?") && html.contains("Tit"))
    #expect(html.contains("@media print"))
    // No URL at all: the inline SVG omits the xmlns attribute (HTML5 does not need it).
    #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    #expect(!CPRNumber.containsCPR(html))
}

@Test func childReportRefusesACPRShapedLabel() throws {
    #expect(throws: ExportError.cprShapedReportText(section: "childLabel")) { try ReportRenderer.html(try childReport(label: "0101901234")) }
}

@Test func classReportSuppressesGroupsUnderFive() throws {
    let instrument = try sdqParent()
    // T1: six children with emotion 0,1,2,4,5,6 → mean 18/6 = 3, bands (0–3 normal, 4 borderline, 5–10 abnormal):
    // 3/6 = 50 %, 1/6 = 17 %, 2/6 = 33 %. T2: four children → suppressed.
    let t1: [[String: Double?]] = [0, 1, 2, 4, 5, 6].map { ["emotion": $0] }
    let t2: [[String: Double?]] = [1, 2, 3, 4].map { ["emotion": $0] }
    let scores = try ClassReport.scores(instrument: instrument, scores: ["T1": t1, "T2": t2], language: .danish)
    let report = ClassReport(groupLabel: "5.A", occasions: ["T1", "T2"], scores: scores)
    let emotion = try #require(scores.first)
    #expect(ClassReport.cell(emotion, occasion: "T1") == .init(n: 6, suppressed: false, mean: 3, shares: [0.5, 1.0 / 6, 2.0 / 6]))
    #expect(ClassReport.cell(emotion, occasion: "T2").suppressed)
    let html = try ReportRenderer.html(report)
    #expect(html.contains("<td class=\"num\">6</td><td class=\"num\">3</td><td class=\"num\">50 %</td><td class=\"num\">17 %</td><td class=\"num\">33 %</td>"))
    #expect(html.contains("n &lt; 5"))
    #expect(!html.contains("https://") && !html.contains("<script"))
}

/// chromium, when installed (not in CI: ~100 MB; see docs/decisions.md), as the headless browser.
let chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// Renders the child report in a real browser (`chromium --headless --dump-dom`) and checks that the
/// DOM it built still holds the numbers. Skipped, visibly, when chromium is not installed.
@Test(.enabled(if: chromiumPath != nil, "chromium is not installed: apt-get install chromium to run the headless-browser check"))
func childReportRendersInAHeadlessBrowser() throws {
    let folder = try temporaryFolder()
    let page = folder.appendingPathComponent("barn.html")
    try Data(try ReportRenderer.html(try childReport()).utf8).write(to: page)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: chromiumPath!)
    process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile", "--dump-dom", page.absoluteString]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(dom.contains("<svg"))
    #expect(dom.contains("T1: 4"))
    #expect(dom.contains("<td class=\"num\">18</td><td class=\"num\">12</td>"))
}

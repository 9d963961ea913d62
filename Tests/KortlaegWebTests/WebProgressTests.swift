import Foundation
import Hummingbird
import HummingbirdTesting
import KortlaegProject
import KortlaegReports
import KortlaegStatistics
import KortlaegTestSupport
@testable import KortlaegWeb
import Testing

/// The progress page over the whole course (issue 16, page 6): every occasion's mean with its
/// interval, the change from the first occasion and the reliable change, per group, with groups
/// under 5 suppressed — the numbers of `kortlaeg progress --occasions` (AnalyseCourse) on the same project.
@Suite("Web progress page over the course")
struct WebProgressTests {
    /// The web fixture's T1 (12 parent forms; class 4A: children 0–6, 5B: 7–11), then F1 for
    /// children 0–9 (so 5B has 3 at F1: suppressed) and T2 for all 12, each with the answers
    /// shifted by the occasion's number.
    static func courseFixture() throws -> WebFixture {
        let fixture = try WebFixture(className: { $0 < 7 ? "4A" : "5B" })
        let library = try InstrumentLibrary.find(option: instrumentsDirectory)
        for (occasion, count, shift) in [("F1", 10, 1), ("T2", 12, 2)] {
            let file = fixture.folder.appendingPathComponent("foraeldre-\(occasion).csv")
            try write(file, ids: Array(fixture.ids.prefix(count)), shift: shift)
            var request = ProjectImport.Request(project: fixture.project, files: [file.path], instruments: try library.instruments(),
                                                profilesDirectory: library.profilesDirectory, operator: "test")
            request.instrument = "sdq-p4-17"
            request.occasion = Occasion(occasion)
            _ = try ProjectImport.run(request, sink: CollectingSink())
        }
        return fixture
    }

    /// The web fixture's layout; child `index` answers item `offset` with `(offset + index + shift) % 3`.
    static func write(_ url: URL, ids: [String], shift: Int, className: (Int) -> String = { $0 < 7 ? "4A" : "5B" }) throws {
        var text = "barn_id,klasse,koen," + sdqItems.map { "p" + $0 }.joined(separator: ",") + "\n"
        for (index, id) in ids.enumerated() {
            text += "\(id),\"\(className(index))\",pige,"
                + sdqItems.indices.map { String(($0 + index + shift) % 3) }.joined(separator: ",") + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The part of `page` from the heading `title` to the next group heading.
    static func section(_ page: String, _ title: String) -> String? {
        guard let start = page.range(of: "<h2>\(title)</h2>") else { return nil }
        let rest = page[start.upperBound...]
        let end = rest.range(of: "<h2>")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The row of `occasion` in the table of score `variable` within `section`.
    static func row(_ section: String, _ variable: String, _ occasion: String) -> String? {
        guard let table = section.range(of: "data-score=\"\(variable)\"") else { return nil }
        let rest = section[table.upperBound...]
        let tableEnd = rest.range(of: "</table>")?.lowerBound ?? rest.endIndex
        guard let start = rest[..<tableEnd].range(of: "<tr data-occasion=\"\(occasion)\">") else { return nil }
        let end = rest[start.upperBound...].range(of: "</tr>")?.lowerBound ?? tableEnd
        return String(rest[start.upperBound..<end])
    }

    @Test("Every occasion per class with the numbers of the course analysis; a class under 5 at F1 is counts only")
    func courseByClass() async throws {
        let fixture = try Self.courseFixture()
        let catalog = try InstrumentLibrary.find(option: instrumentsDirectory).instruments()
        let report = try AnalyseCourse.run(.init(source: .project(fixture.project), instrument: "sdq-p4-17@1.0.0", instruments: catalog,
                                                 groupBy: "class", settings: Site.progressSettings), sink: CollectingSink())
        #expect(report.analysis.occasions == ["T1", "F1", "T2"])
        try await fixture.browse { browser in
            let page = try await browser.request("/progress?instrument=sdq-p4-17%401.0.0&by=class")
            #expect(page.status == .ok)
            // The counts follow from the fixture: 12 at T1, 10 at F1 (all seen at T1), 12 at T2.
            #expect(page.body.contains("T1: 12 børn. F1: 10 børn (10 parret med T1). T2: 12 børn (12 parret med T1)."))
            for code in ["T1", "F1", "T2"] { #expect(page.body.contains("name=\"occasion\" value=\"\(code)\" checked")) }
            let number = NumberFormat.fixed(2, .danish)
            let a = try #require(Self.section(page.body, "Klasse: 4A"))
            let b = try #require(Self.section(page.body, "Klasse: 5B"))
            let group = try #require(report.analysis.groups.first { $0.name == "4A" })
            for (scoreIndex, score) in report.analysis.scores.enumerated() {
                let variable = score.definition.variable
                for (index, cell) in (group.means[score.definition.id] ?? []).enumerated() {
                    let row = try #require(Self.row(a, variable, cell.occasion), "\(variable) \(cell.occasion)")
                    #expect(!cell.suppressed)
                    #expect(row.contains("<td>\(cell.n)</td>"))
                    if let mean = cell.mean, let ci = cell.interval?.value {
                        #expect(row.contains("<td class=\"mean\">\(number.string(mean)) (\(number.string(ci.lower)) til \(number.string(ci.upper)))</td>"),
                                "\(variable) \(cell.occasion): \(row)")
                    }
                    guard index > 0 else { continue }
                    let summary = report.analysis.followUps[index - 1].groups.first { $0.name == "4A" }!.summaries[scoreIndex]
                    #expect(row.contains("<td>\(summary.n)</td>"))
                    if let change = summary.meanChangeValue, let ci = summary.meanChange?.value {
                        #expect(row.contains("<td class=\"change\">\(number.string(change)) (\(number.string(ci.lower)) til \(number.string(ci.upper)))</td>"),
                                "\(variable) \(cell.occasion): \(row)")
                    }
                    if summary.rciN > 0, let improved = summary.shareReliablyImproved {
                        let percent = NumberFormat.fixed(0, .danish).string(improved * 100)
                        #expect(row.contains("<td class=\"improved\">\(percent) % af \(summary.rciN)</td>"))
                    }
                }
            }
            // Independently of the use case: prosocial = consid + shares + caring + kind + helpout, each 0–2
            // (sdqinfo.org scoring); at T1 child i answers item k with (k + i) % 3, so 4A's mean is
            // the mean over i = 0…6 of the five items' codes.
            let prosocial = [0, 3, 8, 16, 19]
            let sums = (0..<7).map { i in prosocial.reduce(0) { $0 + ($1 + i) % 3 } }
            let mean = Double(sums.reduce(0, +)) / 7
            #expect(try #require(Self.row(a, "pprosoc", "T1")).contains("<td class=\"mean\">\(number.string(mean)) ("))
            // 5B: 5 children at T1 and T2, 3 at F1: F1 shows the count only, and no figures.
            let suppressed = try #require(Self.row(b, "pprosoc", "F1"))
            #expect(suppressed.contains("<td>3</td>") && suppressed.contains("for få børn til at vise tal (under 5)"))
            #expect(!suppressed.contains("class=\"mean\""))
            #expect(try #require(Self.row(b, "pprosoc", "T1")).contains("class=\"mean\""))
            // The wording is Danish, and the legend explains the terms.
            #expect(page.body.contains("Sådan læses tabellerne") && page.body.contains("ingen sikker ændring"))
            #expect(!page.body.contains("Mean (") && !page.body.contains("(no class)"))
        }
    }

    @Test("Chosen occasions only; English with the switch; a researcher sees the same group figures")
    func chosenOccasionsAndEnglish() async throws {
        let fixture = try Self.courseFixture()
        let catalog = try InstrumentLibrary.find(option: instrumentsDirectory).instruments()
        let report = try AnalyseCourse.run(.init(source: .project(fixture.project), instrument: "sdq-p4-17@1.0.0", instruments: catalog,
                                                 occasions: ["T1", "T2"], settings: Site.progressSettings,
                                                 language: .english), sink: CollectingSink())
        let app = try WebServer.application(try fixture.configuration())
        let pseudonyms = try fixture.ids.map(ProjectLocation.open(fixture.project).pseudonym(for:))
        try await app.test(.router) { client in
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            try await researcher.request("/lang/en")
            let page = try await researcher.request("/progress?instrument=sdq-p4-17%401.0.0&occasion=T1&occasion=T2")
            #expect(page.status == .ok)
            #expect(page.body.contains("name=\"occasion\" value=\"F1\">"))  // offered, not ticked
            #expect(!page.body.contains("<tr data-occasion=\"F1\">"))
            #expect(page.body.contains("<h2>All children</h2>") && page.body.contains("Mean (95 % confidence interval)"))
            let all = try #require(Self.section(page.body, "All children"))
            let group = try #require(report.analysis.groups.first)
            let number = NumberFormat.fixed(2, .english)
            for score in report.analysis.scores {
                for cell in group.means[score.definition.id] ?? [] {
                    guard let mean = cell.mean, let ci = cell.interval?.value else { continue }
                    let row = try #require(Self.row(all, score.definition.variable, cell.occasion))
                    #expect(row.contains("\(number.string(mean)) (\(number.string(ci.lower)) to \(number.string(ci.upper)))"))
                }
            }
            for pseudonym in pseudonyms {
                #expect(!page.body.contains(pseudonym) && !page.body.contains(PseudonymLabel.text(pseudonym)))
            }
            #expect(!page.body.contains("Gennemsnit"))
        }
    }

    @Test("Two occasions in detail below the course; a 'from' after 'to' is refused in words; one occasion is not a course")
    func pairDetail() async throws {
        let fixture = try Self.courseFixture()
        try await fixture.browse { browser in
            let detail = try await browser.request("/progress?instrument=sdq-p4-17%401.0.0&from=T1&to=F1")
            #expect(detail.status == .ok)
            #expect(detail.body.contains("Kun T1: 2"))  // children 10 and 11 have no F1
            #expect(detail.body.contains("<tr data-occasion=\"T2\">"))  // the course is still shown
            let backwards = try await browser.request("/progress?instrument=sdq-p4-17%401.0.0&from=T2&to=T1")
            #expect(backwards.body.contains("Vælg en »fra«-måling, der ligger før »til«-målingen."))
            let one = try await browser.request("/progress?instrument=sdq-p4-17%401.0.0&occasion=F1")
            #expect(one.body.contains("Der er kun data fra F1. Udviklingen kræver mindst to målinger."))
            #expect(!one.body.contains("<table class=\"course\""))
        }
    }

    @Test("Group names are escaped on the progress page")
    func escaping() async throws {
        let fixture = try WebFixture(className: { _ in "<i>4A</i>" })
        let file = fixture.folder.appendingPathComponent("foraeldre-T2.csv")
        try Self.write(file, ids: fixture.ids, shift: 1, className: { _ in "<i>4A</i>" })
        let library = try InstrumentLibrary.find(option: instrumentsDirectory)
        var request = ProjectImport.Request(project: fixture.project, files: [file.path], instruments: try library.instruments(),
                                            profilesDirectory: library.profilesDirectory, operator: "test")
        request.instrument = "sdq-p4-17"
        request.occasion = Occasion("T2")
        _ = try ProjectImport.run(request, sink: CollectingSink())
        try await fixture.browse { browser in
            let page = try await browser.request("/progress?instrument=sdq-p4-17%401.0.0&by=class")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2>Klasse: &lt;i&gt;4A&lt;/i&gt;</h2>"))
            #expect(!page.body.contains("<i>4A</i>"))
        }
    }

    @Test("A project with only T1: the page says two occasions are needed")
    func onlyOneOccasion() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let page = try await browser.request("/progress")
            #expect(page.status == .ok)
            #expect(page.body.contains("Der er kun data fra T1. Udviklingen kræver mindst to målinger."))
        }
    }
}

import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import KortlaegProject
import KortlaegReports
import KortlaegTestSupport
import KortlaegWeb
import Testing

/// The child page's parent version, trajectory chart and staff label; the label search; the
/// progress page by role; the audit of views (issue 16).
@Suite("Web child pages (HummingbirdTesting)", .serialized)
struct WebChildPagesTests {
    /// The fixture with parent forms at T2 for the first eight children (the other four: only T1).
    func fixtureWithT2() throws -> WebFixture {
        let fixture = try WebFixture()
        let file = fixture.folder.appendingPathComponent("foraeldre-T2.csv")
        try WebFixture.writeCSV(file, prefix: "p", ids: Array(fixture.ids.prefix(8)), className: { _ in "4A" })
        let library = try InstrumentLibrary.find(option: instrumentsDirectory)
        var request = ProjectImport.Request(project: fixture.project, files: [file.path], instruments: try library.instruments(),
                                            profilesDirectory: library.profilesDirectory, operator: "test")
        request.instrument = "sdq-p4-17"
        request.occasion = Occasion("T2")
        _ = try ProjectImport.run(request, sink: CollectingSink())
        return fixture
    }

    @Test("Without a session every new page sends the visitor to the log-in page")
    func unauthenticated() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let pseudonym = try ProjectLocation.open(fixture.project).pseudonym(for: fixture.ids[0])
        try await app.test(.router) { client in
            let browser = Browser(client)
            let parent = try await browser.request("/child/\(pseudonym)/parent")
            #expect(parent.location == "/login")
            #expect(try await browser.request("/child/\(pseudonym)/label", .post, form: ["label": "Anna"]).location == "/login")
            #expect(try await browser.request("/search", .post, form: ["label": "Anna"]).location == "/login")
        }
        #expect(try ChildLabels.all(project: fixture.project).isEmpty)
    }

    @Test("Parent version: plain Danish, no charts or versions, logged as a view; researchers refused")
    func parentVersion() async throws {
        let fixture = try fixtureWithT2()
        let app = try WebServer.application(try fixture.configuration())
        let store = try ProjectLocation.open(fixture.project)
        let pseudonym = try store.pseudonym(for: fixture.ids[0])
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let child = try await browser.request("/child/\(pseudonym)")
            #expect(child.body.contains("href=\"/child/\(pseudonym)/parent\""))
            let page = try await browser.request("/child/\(pseudonym)/parent")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h1>Sådan går det for \(PseudonymLabel.text(pseudonym))</h1>"))
            #expect(page.body.contains("<h2>Det går godt</h2>"))
            for jargon in ["sdq-p4-17", "@1.0.0", "pemotion", "<svg", "afvigende"] { #expect(!page.body.contains(jargon), "\(jargon)") }
            #expect(page.body.contains("href=\"/child/\(pseudonym)\""))
            #expect(try await browser.request("/child/\(fixture.ids[0])/parent").status == .notFound)
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            #expect(try await researcher.request("/child/\(pseudonym)/parent").status == .forbidden)
            #expect(try await researcher.request("/child/\(pseudonym)/label", .post, form: ["csrf": researcher.csrf, "label": "x"]).status == .forbidden)
            // The audit page shows both views in words.
            let admin = Browser(client)
            try await admin.logIn("admin")
            let audit = try await admin.request("/audit")
            #expect(audit.body.contains("<td>side vist (view)</td>"))
            #expect(audit.body.contains("view child \(pseudonym) (parent version)"))
        }
        let views = try store.auditLog().filter { $0.action == .view && $0.summary.contains(pseudonym) }
        #expect(views.count == 2)
        #expect(views.allSatisfy { $0.operator == "mette" && $0.summary.hasSuffix("to the browser") })
        #expect(views.last?.summary.contains("(parent version)") == true)
    }

    @Test("The child page draws the trajectory across occasions as inline SVG with its numbers")
    func trajectoryChart() async throws {
        let fixture = try fixtureWithT2()
        let app = try WebServer.application(try fixture.configuration())
        let pseudonym = try ProjectLocation.open(fixture.project).pseudonym(for: fixture.ids[0])
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let page = try await browser.request("/child/\(pseudonym)")
            #expect(page.status == .ok)
            let charts = page.body.components(separatedBy: "<svg class=\"trajectory\"").count - 1
            #expect(charts >= 5, "one chart per SDQ score of the parent profile (got \(charts))")
            #expect(page.body.range(of: "<desc id=\"trajectory-[0-9]+-0-0-d\">T1: [0-9]+", options: .regularExpression) != nil)
            #expect(!page.body.contains("<script"))
            let csp = page.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
            #expect(csp.contains("default-src 'none'") && !csp.contains("script-src"))
        }
    }

    @Test("A label is set with the form's token, never a CPR number, shown escaped and found by the overview's search")
    func labels() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let store = try ProjectLocation.open(fixture.project)
        let (first, second) = (try store.pseudonym(for: fixture.ids[0]), try store.pseudonym(for: fixture.ids[1]))
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            try await browser.request("/child/\(first)")
            #expect(try await browser.request("/child/\(first)/label", .post, form: ["label": "Anna"]).status == .forbidden)
            let refused = try await browser.request("/child/\(first)/label", .post, form: ["csrf": browser.csrf, "label": fixture.ids[3]])
            #expect(refused.status == .unprocessableContent)
            #expect(!refused.body.contains(fixture.ids[3]))
            #expect(try ChildLabels.all(project: fixture.project).isEmpty)
            let set = try await browser.request("/child/\(first)/label", .post, form: ["csrf": browser.csrf, "label": "Anna <i>B</i>"])
            #expect(set.status == .seeOther && set.location == "/child/\(first)")
            let page = try await browser.request("/child/\(first)")
            #expect(page.body.contains("Anna &lt;i&gt;B&lt;/i&gt;"))
            #expect(!page.body.contains("<i>B</i>"))
            try await browser.request("/child/\(second)")
            _ = try await browser.request("/child/\(second)/label", .post, form: ["csrf": browser.csrf, "label": "Anne"])
            // The overview: a label column, and the search by label.
            let overview = try await browser.request("/")
            #expect(overview.body.contains("<th scope=\"col\" rowspan=\"2\">Betegnelse</th>"))
            #expect(overview.body.contains("<td>Anne</td>"))
            let one = try await browser.request("/search", .post, form: ["csrf": browser.csrf, "label": "anne"])
            #expect(one.location == "/child/\(second)")
            try await browser.request("/")
            let two = try await browser.request("/search", .post, form: ["csrf": browser.csrf, "label": "ann"])
            #expect(two.status == .ok)
            #expect(two.body.contains("2 børn har en betegnelse, der passer:"))
            #expect(two.body.contains("href=\"/child/\(first)\"") && two.body.contains("href=\"/child/\(second)\""))
            let none = try await browser.request("/search", .post, form: ["csrf": browser.csrf, "label": "Karl"])
            #expect(none.status == .notFound && none.body.contains("Intet barn har en betegnelse, der passer."))
            // A researcher sees no labels.
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            let seen = try await researcher.request("/")
            #expect(!seen.body.contains("Anne") && !seen.body.contains("Betegnelse"))
        }
        #expect(try ChildLabels.all(project: fixture.project) == [first: "Anna <i>B</i>", second: "Anne"])
    }

    @Test("Progress: staff see the unpaired children by short label, researchers by count only")
    func progressByRole() async throws {
        let fixture = try fixtureWithT2()
        let app = try WebServer.application(try fixture.configuration())
        let store = try ProjectLocation.open(fixture.project)
        let onlyT1 = try fixture.ids.suffix(4).map(store.pseudonym(for:))
        try await app.test(.router) { client in
            let staff = Browser(client)
            try await staff.logIn("mette")
            let page = try await staff.request("/progress?instrument=sdq-p4-17%401.0.0&from=T1&to=T2")
            #expect(page.status == .ok)
            #expect(page.body.contains("Kun T1: 4"))
            for pseudonym in onlyT1 {
                #expect(page.body.contains(PseudonymLabel.text(pseudonym)))
                #expect(!page.body.contains(pseudonym))
            }
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            let theirs = try await researcher.request("/progress?instrument=sdq-p4-17%401.0.0&from=T1&to=T2")
            #expect(theirs.status == .ok)
            #expect(theirs.body.contains("Kun T1: 4"))
            for pseudonym in onlyT1 { #expect(!theirs.body.contains(PseudonymLabel.text(pseudonym))) }
        }
    }

    @Test("The class page is logged as a view")
    func classView() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("forsker")
            #expect(try await browser.request("/class?name=4A").status == .ok)
        }
        let entry = try #require(try ProjectLocation.open(fixture.project).auditLog().last)
        #expect(entry.action == .view && entry.operator == "forsker" && entry.summary.hasPrefix("view class 4A"))
    }
}

import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import KortlaegProject
import KortlaegTestSupport
import KortlaegWeb
import Testing

/// "Fortryd seneste indlæsning" on the import page: a confirmation page first (nothing removed),
/// then the removal, audited with the user's name; the CSRF token, the role and a stale page are enforced.
@Suite("Web: undo the last import (HummingbirdTesting)", .serialized)
struct WebUndoTests {
    @Test("The import page offers to undo the last import; confirm, then it is removed and audited")
    func undoTheLastImport() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        // The fixture imported the parents' file (12 children), then the teachers' (6).
        let imports = try ListImports.run(.init(project: fixture.project), sink: CollectingSink())
        let last = try #require(imports.last)
        #expect(last.fileName == "laerer.csv" && last.responses == 6)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let page = try await browser.request("/import")
            #expect(page.status == .ok)
            #expect(page.body.contains("<h2 id=\"undo-title\">Fortryd seneste indlæsning</h2>"))
            #expect(page.body.contains("Seneste indlæsning: laerer.csv, \(last.importedAt) af test (6 besvarelser gemt nu)."))
            #expect(page.body.contains("<form method=\"post\" action=\"/import/undo\">"))
            #expect(page.body.contains("name=\"batch\" value=\"\(last.id)\""))

            // Without the CSRF token: refused, nothing changes.
            #expect(try await browser.request("/import/undo", .post, form: ["batch": String(last.id)]).status == .forbidden)
            #expect(try await browser.request("/import/undo/confirm", .post, form: ["csrf": "forged", "batch": String(last.id)]).status == .forbidden)

            let confirm = try await browser.request("/import/undo", .post, form: ["csrf": browser.csrf, "batch": String(last.id)])
            #expect(confirm.status == .ok)
            #expect(confirm.body.contains("<h1>Fortryd indlæsningen?</h1>"))
            #expect(confirm.body.contains("<dd>laerer.csv</dd>") && confirm.body.contains("<dd>\(last.importedAt)</dd>"))
            #expect(confirm.body.contains("<li>6 besvarelser (med deres scorer) slettes</li>"))
            #expect(confirm.body.contains("action=\"/import/undo/confirm\""))
            #expect(try ShowMissingForms.run(project: fixture.project).occasions == ["T1"])
            #expect(try ListImports.run(.init(project: fixture.project), sink: CollectingSink()).last?.isRemoved == false,
                    "the confirmation page removes nothing")

            // A stale page naming another import than the last one is refused.
            let stale = try await browser.request("/import/undo/confirm", .post, form: ["csrf": browser.csrf, "batch": String(imports[0].id)])
            #expect(stale.status == .conflict)

            let done = try await browser.request("/import/undo/confirm", .post, form: ["csrf": browser.csrf, "batch": String(last.id), "remove": "1"])
            #expect(done.status == .ok)
            #expect(done.body.contains("<h1>Indlæsningen er fortrudt</h1>"))
            #expect(done.body.contains("Import \(last.id) (laerer.csv) er fjernet."))
            #expect(done.body.contains("<li>6 besvarelser (med deres scorer) slettet</li>"))

            // Now the parents' file is the last import.
            let after = try await browser.request("/import")
            #expect(after.body.contains("Seneste indlæsning: foraeldre.csv"))
        }
        let store = try ProjectLocation.open(fixture.project)
        let entry = try #require(try store.auditLog().last)
        #expect(entry.action == .removeImport && entry.operator == "mette" && entry.summary.contains("laerer.csv"))
        #expect(try store.status(recentImports: 0).counts.map { "\($0.occasion) \($0.informant) \($0.children)" } == ["T1 parent 12"])
        #expect(try ListImports.run(.init(project: fixture.project), sink: CollectingSink()).last?.removedBy == "mette")
    }

    @Test("A researcher can neither see nor use the undo; a visitor is sent to log in")
    func researcherRefused() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let last = try #require(try ListImports.run(.init(project: fixture.project), sink: CollectingSink()).last)
        try await app.test(.router) { client in
            let visitor = Browser(client)
            let anonymous = try await visitor.request("/import/undo", .post, form: ["batch": String(last.id)])
            #expect(anonymous.status == .seeOther && anonymous.location == "/login")
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            try await researcher.request("/")
            #expect(try await researcher.request("/import").status == .forbidden)
            #expect(try await researcher.request("/import/undo", .post, form: ["csrf": researcher.csrf, "batch": String(last.id)]).status == .forbidden)
            #expect(try await researcher.request("/import/undo/confirm", .post, form: ["csrf": researcher.csrf, "batch": String(last.id)]).status == .forbidden)
        }
        #expect(try ListImports.run(.init(project: fixture.project), sink: CollectingSink()).allSatisfy { !$0.isRemoved })
    }
}

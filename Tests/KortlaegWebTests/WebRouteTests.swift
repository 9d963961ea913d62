import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import KortlaegProject
import KortlaegTestSupport
import KortlaegWeb
import Testing

@Suite("Web routes (HummingbirdTesting)", .serialized)
struct WebRouteTests {
    @Test("A visitor without a session is sent to the log-in page; the log-in page has labels and the security headers")
    func unauthenticated() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        try await app.test(.router) { client in
            let browser = Browser(client)
            for path in ["/", "/child/0123456789abcdef0123456789abcdef", "/exports", "/audit", "/import", "/progress", "/class?name=4A"] {
                let page = try await browser.request(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location == "/login", "\(path)")
            }
            let login = try await browser.request("/login")
            #expect(login.status == .ok)
            #expect(login.body.contains("<label for=\"name\">Brugernavn</label>"))
            #expect(login.body.contains("<label for=\"password\">Adgangskode</label>"))
            let csp = login.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("script-src") || !csp.contains("unsafe-inline' ;script"))
            #expect(!login.body.contains("<script"))
            #expect(login.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(try #require(login.cookies.first).contains("HttpOnly; SameSite=Strict"))
            #expect(try await browser.request("/assets/kortlaeg.css").status == .ok)
            #expect(try await browser.request("/nowhere").status == .notFound)
        }
    }

    @Test("Log-in: a session cookie (HttpOnly, SameSite=Strict, random), log-out ends it; a forged log-in post is refused")
    func logInAndOut() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        try await app.test(.router) { client in
            let forged = Browser(client)
            #expect(try await forged.request("/login", .post, form: ["csrf": "x", "name": "mette", "password": WebFixture.password]).status == .forbidden)
            let browser = Browser(client)
            let done = try await browser.logIn("mette")
            #expect(done.status == .seeOther)
            #expect(done.location == "/")
            let session = try #require(done.cookies.first { $0.hasPrefix("kortlaeg_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
            #expect(try #require(browser.cookies["kortlaeg_session"]).count == 64)
            let overview = try await browser.request("/")
            #expect(overview.status == .ok)
            // Log-out without the form's token is refused, with it the session ends.
            #expect(try await browser.request("/logout", .post, form: [:]).status == .forbidden)
            let stale = browser.cookies
            #expect(try await browser.request("/logout", .post, form: ["csrf": browser.csrf]).location == "/login")
            browser.cookies = stale
            #expect(try await browser.request("/").location == "/login")
        }
    }

    @Test("Five wrong passwords lock the user, even against the right one")
    func lockOut() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        try await app.test(.router) { client in
            let browser = Browser(client)
            for _ in 1..<WebLogin.maximumFailures {
                #expect(try await browser.logIn("mette", "forkert-kodeord").status == .unauthorized)
            }
            #expect(try await browser.logIn("mette", "forkert-kodeord").status == .tooManyRequests)
            let locked = try await browser.logIn("mette")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.contains("spærret"))
            #expect(try await browser.logIn("nobody").status == .unauthorized)
        }
    }

    @Test("Overview: tool, occasions and the missing-forms grid; class names are escaped")
    func overview() async throws {
        let fixture = try WebFixture(className: { $0 % 2 == 0 ? "4A" : "<script>alert(1)</script>" })
        try await fixture.browse { browser in
            let page = try await browser.request("/")
            #expect(page.status == .ok)
            #expect(page.body.contains("kv-inklusion@0.1.0"))
            // 12 children with a parent form at T1, 6 of them with a teacher form: 6 rows miss one form.
            #expect(page.body.contains("12 børn; 6 har alle skemaer, 6 mangler mindst ét."))
            #expect(page.body.components(separatedBy: "<td class=\"missing\">mangler</td>").count - 1 == 6)
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.contains("<script>"))
            let filtered = try await browser.request("/?class=4A")
            #expect(filtered.body.contains("6 børn;"))
            // English on request.
            try await browser.request("/lang/en")
            #expect(try await browser.request("/").body.contains("Missing forms"))
        }
    }

    @Test("Child page: by pseudonym, found by CPR search through a post, written to the audit log; researchers refused")
    func childPage() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let store = try ProjectLocation.open(fixture.project)
        let pseudonym = try store.pseudonym(for: fixture.ids[0])
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            try await browser.request("/")
            let found = try await browser.request("/search", .post, form: ["csrf": browser.csrf, "child": fixture.ids[0]])
            #expect(found.status == .seeOther)
            #expect(found.location == "/child/\(pseudonym)")
            #expect(try await browser.request("/search", .post, form: ["child": fixture.ids[0]]).status == .forbidden)
            let page = try await browser.request("/child/\(pseudonym)")
            #expect(page.status == .ok)
            #expect(page.body.contains("<svg"))
            #expect(try await browser.request("/child/ffffffffffffffffffffffffffffffff").status == .notFound)
            #expect(try await browser.request("/child/\(fixture.ids[0])").status == .notFound)
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            #expect(try await researcher.request("/child/\(pseudonym)").status == .forbidden)
            #expect(try await researcher.request("/audit").status == .forbidden)
            #expect(try await researcher.request("/import").status == .forbidden)
            #expect(!(try await researcher.request("/").body.contains("/child/")))
            #expect(try await researcher.request("/class?name=4A").status == .ok)
        }
        let viewed = try store.auditLog().filter { $0.action == .view && $0.summary.contains(pseudonym) }
        #expect(viewed.count == 1)
        #expect(viewed.first?.operator == "mette")
        #expect(viewed.first?.summary.hasSuffix("to the browser") == true)
    }

    @Test("Audit log for admins; exports download a .sav and are audit logged; progress page")
    func auditExportProgress() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        try await app.test(.router) { client in
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            try await researcher.request("/exports")
            #expect(try await researcher.request("/exports", .post, form: ["format": "sav"]).status == .forbidden)
            let export = try await researcher.request("/exports", .post, form: ["csrf": researcher.csrf, "format": "sav", "shape": "wide", "instrument": ""])
            #expect(export.status == .ok)
            #expect(export.headers[.contentDisposition] == "attachment; filename=\"kortlaeg-export.sav\"")
            #expect(export.body.hasPrefix("$FL2") || export.body.hasPrefix("$FL3"))
            #expect(try await researcher.request("/progress").status == .ok)
            let admin = Browser(client)
            try await admin.logIn("admin")
            let audit = try await admin.request("/audit")
            #expect(audit.status == .ok)
            #expect(audit.body.contains("<td>udtræk (export)</td>"))
            #expect(audit.body.contains("<td>forsker</td>"))
        }
    }

    @Test("Import: an upload is dry-run first (nothing stored), then imported; the CSRF token and the size limit are enforced")
    func importWizard() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let csv = fixture.folder.appendingPathComponent("t2.csv")
        try WebFixture.writeCSV(csv, prefix: "p", ids: fixture.ids, className: { _ in "4A" })
        let content = try String(contentsOf: csv, encoding: .utf8)
        @Sendable func multipart(_ csrf: String, file: String) -> ByteBuffer {
            let b = "----kortlaegtest"
            var text = "--\(b)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
            text += "--\(b)\r\nContent-Disposition: form-data; name=\"occasion\"\r\n\r\nT2\r\n"
            text += "--\(b)\r\nContent-Disposition: form-data; name=\"instrument\"\r\n\r\nsdq-p4-17\r\n"
            text += "--\(b)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../t2 <b>.csv\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(b)--\r\n"
            return ByteBuffer(string: text)
        }
        let type = "multipart/form-data; boundary=----kortlaegtest"
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            try await browser.request("/import")
            let csrf = browser.csrf
            #expect(try await browser.request("/import", .post, body: multipart("wrong", file: content), contentType: type).status == .forbidden)
            let dry = try await browser.request("/import", .post, body: multipart(csrf, file: content), contentType: type)
            #expect(dry.status == .ok)
            #expect(dry.body.contains("Prøvekørsel: intet er gemt endnu."))
            #expect(dry.body.contains("12 læst, 12 gyldige, 0 afvist"))
            #expect(dry.body.contains("t2__b_.csv"))
            #expect(!dry.body.contains("<b>"))
            #expect(try ShowMissingForms.run(project: fixture.project).occasions == ["T1"])
            let start = try #require(dry.body.range(of: "name=\"upload\" value=\"")).upperBound
            let token = dry.body[start...].prefix(64)
            let done = try await browser.request("/import/confirm", .post, form: ["csrf": browser.csrf, "upload": String(token), "occasion": "T2", "instrument": "sdq-p4-17", "import": "1"])
            #expect(done.status == .ok)
            #expect(done.body.contains("Filen er indlæst."))
            #expect(try ShowMissingForms.run(project: fixture.project).occasions == ["T1", "T2"])
            // The upload is gone again, and it never left the project's folder.
            let uploads = fixture.folder.appendingPathComponent(".kortlaeg-uploads").path
            #expect(try FileManager.default.contentsOfDirectory(atPath: uploads).isEmpty)
            let big = String(repeating: "x", count: (1 << 20) + 100)
            #expect(try await browser.request("/import", .post, body: multipart(browser.csrf, file: big), contentType: type).status == .contentTooLarge)
        }
    }

    @Test("Data entry: a form from the instrument's items; an invalid code is refused; saved once, pinned to the version, audit logged")
    func dataEntry() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let form = try await browser.request("/entry?instrument=sdq-p4-17%401.0.0")
            #expect(form.status == .ok)
            #expect(form.body.contains("name=\"item.consid\""))
            #expect(form.body.contains("<option value=\"2\">"))
            var fields = ["csrf": browser.csrf, "instrument": "sdq-p4-17@1.0.0", "child": "0202151234", "occasion": "T2", "class": "4A"]
            for item in sdqItems { fields["item.\(item)"] = "1" }
            var wrong = fields
            wrong["item.consid"] = "7"
            let refused = try await browser.request("/entry", .post, form: wrong)
            #expect(refused.status == .unprocessableContent)
            #expect(try await browser.request("/entry", .post, form: fields.filter { $0.key != "csrf" }).status == .forbidden)
            #expect(try await browser.request("/entry", .post, form: fields).body.contains("Besvarelsen er gemt."))
            #expect(try await browser.request("/entry", .post, form: fields).body.contains("allerede gemt"))
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            #expect(try await researcher.request("/entry").status == .forbidden)
        }
        let store = try ProjectLocation.open(fixture.project)
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery(child: try store.pseudonym(for: "0202151234"))) { stored.append($0) }
        #expect(stored.count == 1)
        #expect(stored.first?.instrument.description == "sdq-p4-17@1.0.0")
        #expect(stored.first?.occasion.code == "T2")
        #expect(try store.auditLog().contains { $0.action == .import && $0.operator == "mette" })
    }

    @Test("No page, header or log line holds a CPR-shaped number after a session that searched and imported by CPR")
    func noCPRAnywhere() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let seen: [Page] = try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("admin")
            for id in fixture.ids.prefix(3) {
                try await browser.request("/")
                let found = try await browser.request("/search", .post, form: ["csrf": browser.csrf, "child": id])
                try await browser.request(try #require(found.location))
            }
            try await browser.request("/search", .post, form: ["csrf": browser.csrf, "child": "3112999999"])
            for path in ["/", "/?class=4A", "/class?name=4A", "/progress", "/exports", "/audit", "/import"] { try await browser.request(path) }
            return browser.seen
        }
        for page in seen {
            let text = page.body + " " + page.headers.map { "\($0.name): \($0.value)" }.joined(separator: " ")
            #expect(!CPRNumber.containsCPR(AuditText.maskingHexRuns(text)), "a page or header holds a CPR-shaped number")
            for id in fixture.ids { #expect(!text.contains(id)) }
        }
        for line in fixture.log.all { #expect(!CPRNumber.containsCPR(AuditText.maskingHexRuns(line)), "\(line)") }
        for entry in try ProjectLocation.open(fixture.project).auditLog() {
            #expect(!CPRNumber.containsCPR(AuditText.maskingHexRuns(entry.summary)))
        }
    }
}

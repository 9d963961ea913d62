import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
@testable import KortlaegProject
import KortlaegDomain
import KortlaegTestSupport
import KortlaegWeb
import Testing

/// The import wizard (issue 16, page 2): preview, mapping drop-downs, saved profiles, refusals.
@Suite("Import wizard (HummingbirdTesting)", .serialized)
struct ImportWizardRouteTests {
    /// A parent SDQ file in which the column of item `consid` is called `spm7` (no variable name
    /// matches it) and holds the invalid code 7 in the third row; a free-text column `bemærkning`
    /// holds markup. The ids are the fixture's CPR-shaped ones.
    static func renamedFile(_ fixture: WebFixture) -> String {
        let items = sdqItems.map { $0 == "consid" ? "spm7" : "p" + $0 }
        var text = "barn_id,klasse,bemærkning," + items.joined(separator: ",") + "\n"
        for (index, id) in fixture.ids.enumerated() {
            let answers = sdqItems.enumerated().map { item in
                item.element == "consid" && index == 2 ? "7" : String((item.offset + index) % 3)
            }
            text += "\(id),4A,\"<i>hej</i> & \"\"x\"\"\"," + answers.joined(separator: ",") + "\n"
        }
        return text
    }

    /// The columns of ``renamedFile(_:)`` named by a variable of sdq-p4-17 (counted from the instrument file).
    static func matchedColumns() throws -> Int {
        let instrument = try InstrumentLibrary.find(option: instrumentsDirectory).instruments().resolve("sdq-p4-17")
        let variables = Set(instrument.items.map { $0.variable.lowercased() })
        return sdqItems.filter { $0 != "consid" && variables.contains("p" + $0) }.count
    }

    static let boundary = "----kortlaegwizard"
    static let type = "multipart/form-data; boundary=\(boundary)"

    /// Opens the import page (for its form token) and uploads `file`: the wizard's preview page.
    static func upload(_ browser: Browser, file: String, fields: [String: String] = [:]) async throws -> Page {
        try await browser.request("/import")
        return try await browser.request("/import", .post, body: multipart(browser.csrf, file: file, fields: fields), contentType: type)
    }

    static func multipart(_ csrf: String, file: String, name: String = "svar.csv", fields: [String: String] = [:]) -> ByteBuffer {
        var text = "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n"
        for (key, value) in fields { text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(key)\"\r\n\r\n\(value)\r\n" }
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    static func token(_ page: Page) throws -> String {
        let start = try #require(page.body.range(of: "name=\"upload\" value=\"")).upperBound
        return String(page.body[start...].prefix(64))
    }

    /// The wizard form's fields as posted by a browser that changes nothing (hidden fields and selected options).
    static func formFields(_ page: Page) -> [String: String] {
        var fields: [String: String] = [:]
        let body = page.body
        var rest = body[...]
        while let range = rest.range(of: "<input type=\"hidden\" name=\"") {
            let after = rest[range.upperBound...]
            let name = String(after.prefix { $0 != "\"" })
            if let valueRange = after.range(of: "value=\"") {
                fields[name] = String(after[valueRange.upperBound...].prefix { $0 != "\"" })
            }
            rest = after
        }
        rest = body[...]
        while let range = rest.range(of: "<select id=\"") {
            let after = rest[range.upperBound...]
            guard let nameRange = after.range(of: "name=\"") else { break }
            let name = String(after[nameRange.upperBound...].prefix { $0 != "\"" })
            let end = after.range(of: "</select>")?.lowerBound ?? after.endIndex
            let select = after[..<end]
            if let selected = select.range(of: "<option selected value=\"") {
                fields[name] = String(select[selected.upperBound...].prefix { $0 != "\"" })
            } else {
                fields[name] = ""
            }
            rest = after[end...]
        }
        return fields.mapValues { $0.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&") }
    }

    @Test("After upload: the detected format, the encoding with its reason, the id column with its reason, the first rows escaped and without CPR numbers")
    func preview() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let file = Self.renamedFile(fixture)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let page = try await Self.upload(browser, file: file, fields: ["occasion": "T2"])
            #expect(page.status == .ok)
            #expect(page.body.contains("<dd>Almindelig CSV (overskriftsrække; kolonnerne genkendes på de officielle variabelnavne)</dd>"))
            #expect(page.body.contains("<dd>UTF-8 (genkendt), komma (,) som skilletegn (genkendt), LF-linjeskift</dd>"))
            #expect(page.body.contains("<dd>»barn_id« (værdierne er CPR-numre (de vises ikke))</dd>"))
            #expect(page.body.contains("sdq-p4-17@1.0.0 (dets variabelnavne passer med flest kolonner (\(try Self.matchedColumns())))"))
            // Five rows, every cell escaped; the CPR-shaped ids masked.
            #expect(page.body.components(separatedBy: "<td>&lt;i&gt;hej&lt;/i&gt; &amp; &quot;x&quot;</td>").count - 1 == 5)
            #expect(!page.body.contains("<i>hej</i>"))
            #expect(page.body.components(separatedBy: "<td>[CPR fjernet]</td>").count - 1 == 5)
            for id in fixture.ids { #expect(!page.body.contains(id)) }
            // The unmatched columns get drop-downs: the instrument's items and the child attributes, or "ignorér".
            #expect(page.body.contains("name=\"col:spm7\""))
            #expect(page.body.contains("name=\"col:bemærkning\""))
            #expect(!page.body.contains("name=\"col:klasse\""))
            #expect(page.body.contains("<option value=\"item:consid\">consid (pconsid)"))
            #expect(!page.body.contains("<option value=\"item:restles\">"))  // read from prestles already
            #expect(page.body.contains("<option value=\"attr:school\">Skole</option>"))
            #expect(page.body.contains("<option value=\"\">ignorér</option>"))
            // The dry run in Danish, with no server path.
            #expect(page.body.contains("12 læst, 12 gyldige, 0 afvist"))
            #expect(!page.body.contains(fixture.folder.path))
            #expect(!page.body.contains("dry run"))
        }
    }

    @Test("Mapping an unmatched column through its drop-down changes the dry run; the import stores the mapped item")
    func mappingChangesTheDryRun() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let file = Self.renamedFile(fixture)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let first = try await Self.upload(browser, file: file, fields: ["occasion": "T2"])
            #expect(first.body.contains("12 læst, 12 gyldige, 0 afvist"))
            var fields = Self.formFields(first)
            #expect(fields["upload"] == (try Self.token(first)))
            #expect(fields["occasion"] == "T2")
            fields["col:spm7"] = "item:consid"
            fields["action"] = "preview"
            let mapped = try await browser.request("/import/preview", .post, form: fields)
            #expect(mapped.status == .ok)
            #expect(mapped.body.contains("12 læst, 11 gyldige, 1 afvist"))
            // The validation report: row, column, value, expected, in Danish.
            #expect(mapped.body.contains("<td>3</td><td>spm7</td><td>7</td><td>ikke et svar på spørgsmål consid (pconsid); forventet en af 0 »"))
            #expect(mapped.body.contains("<option selected value=\"item:consid\">"))
            #expect(!mapped.body.contains("not an answer"))
            // Import with the same choices: the renamed column's answers are stored.
            var confirm = Self.formFields(mapped)
            confirm["import"] = "1"
            let done = try await browser.request("/import/confirm", .post, form: confirm)
            #expect(done.body.contains("Filen er indlæst."))
        }
        let store = try ProjectLocation.open(fixture.project)
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery(child: try store.pseudonym(for: fixture.ids[0]))) { stored.append($0) }
        let t2 = try #require(stored.first { $0.occasion.code == "T2" })
        #expect(t2.answers["consid"] == .code(0))
        #expect(stored.filter { $0.occasion.code == "T2" }.count == 1)
    }

    @Test("“Gem som indlæsningsprofil” saves a schema-valid profile in the project's folder; the next upload with the same header picks it and says so")
    func savedProfileIsUsedNextTime() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let file = Self.renamedFile(fixture)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let first = try await Self.upload(browser, file: file, fields: ["occasion": "T2"])
            var fields = Self.formFields(first)
            fields["col:spm7"] = "item:consid"
            fields["col:bemærkning"] = ""
            fields["informant"] = "parent"
            fields["action"] = "save"
            let saved = try await browser.request("/import/preview", .post, form: fields)
            #expect(saved.body.contains("Valgene er gemt som indlæsningsprofilen »wizard-"))
            var cancel = Self.formFields(saved)
            cancel["cancel"] = "1"
            #expect(try await browser.request("/import/confirm", .post, form: cancel).status == .seeOther)

            // The same header again (other rows): the saved choices come back by themselves.
            let again = try await browser.request("/import", .post, body: Self.multipart(browser.csrf, file: file, name: "svar-igen.csv",
                                                                                        fields: ["occasion": "T2"]),
                                                  contentType: Self.type)
            #expect(again.body.contains("indlæsningsprofilen »wizard-"))
            #expect(again.body.contains("er valgt automatisk"))
            #expect(again.body.contains("<option selected value=\"item:consid\">"))
            #expect(again.body.contains("<option selected value=\"parent\">"))
            #expect(again.body.contains("12 læst, 11 gyldige, 1 afvist"))
            // Another header is not given the profile.
            let other = try await browser.request("/import", .post, body: Self.multipart(browser.csrf, file: file.replacingOccurrences(of: "spm7", with: "spm_7"),
                                                                                        fields: ["occasion": "T2"]),
                                                  contentType: Self.type)
            #expect(!other.body.contains("er valgt automatisk"))
            #expect(other.body.contains("12 læst, 12 gyldige, 0 afvist"))
        }
        let folder = fixture.folder.appendingPathComponent("mapping-profiles")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files.count == 1)
        let path = folder.appendingPathComponent(try #require(files.first)).path
        // Valid against the profile schema: the in-house validator, and Python's jsonschema where installed.
        let schema = instrumentsDirectory + "/schema/profile.schema.json"
        let validator = try JSONSchemaValidator(schema: try Data(contentsOf: URL(fileURLWithPath: schema)))
        let findings = validator.validate(try JSONDecoder().decode(JSONValue.self, from: try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(findings.isEmpty, "\(findings)")
        if (try? runPython("import jsonschema", []))?.status == 0 {
            let check = try runPython("import json, sys, jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))",
                                      [schema, path])
            #expect(check.status == 0, "\(check.stderr)")
        }
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let items = try #require(profile["items"] as? [[String: Any]])
        #expect(items.contains { $0["source"] as? String == "spm7" && $0["item"] as? String == "consid" })
        #expect(items.count == (try Self.matchedColumns()) + 1)
        #expect((profile["informant"] as? [String: String]) == ["value": "parent"])
        // The occasion is chosen per upload: the profile keeps the column lookup of its base, never a constant.
        #expect((profile["occasion"] as? [String: Any])?["value"] == nil)
        #expect((profile["header"] as? [String])?.first == "barn_id")
        #expect((profile["childId"] as? [String: String]) == ["field": "barn_id"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!CPRNumber.containsCPR(text))
        // Uploads are gone after cancelling; they never left the project's folder.
        let uploads = fixture.folder.appendingPathComponent(".kortlaeg-uploads").path
        #expect(try FileManager.default.contentsOfDirectory(atPath: uploads).count == 2)  // the two last uploads, neither confirmed nor cancelled
    }

    @Test("A corrected re-delivery: the dry run counts and lists the responses it would change and offers »Indlæs og erstat«; that stores the new answers")
    func correctedFileIsReplacedFromTheWizard() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        // The fixture's parent file with every child's first item (consid) changed: (i + 1) mod 3
        // instead of i mod 3 (WebFixture.writeCSV), so all 12 stored T1 responses differ.
        let original = try String(contentsOf: fixture.folder.appendingPathComponent("foraeldre.csv"), encoding: .utf8)
        var lines = original.split(separator: "\n").map(String.init)
        for index in 1..<lines.count {
            var cells = lines[index].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            cells[3] = String((Int(cells[3])! + 1) % 3)
            lines[index] = cells.joined(separator: ",")
        }
        let corrected = lines.joined(separator: "\n") + "\n"
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            try await browser.request("/import")
            let dryRun = try await browser.request("/import", .post, body: Self.multipart(browser.csrf, file: corrected, name: "forældre rettet.csv",
                                                                                          fields: ["occasion": "T1"]), contentType: Self.type)
            #expect(dryRun.body.contains("<dd>forældre_rettet.csv</dd>"), "the Danish file name stays readable")
            #expect(dryRun.body.contains("12 besvarelser i filen er allerede gemt fra en anden fil med andre svar; intet fra filen er gemt."))
            #expect(dryRun.body.contains("<td>1</td><td>T1</td><td>forælder</td>"), "row, occasion and informant in Danish")
            #expect(dryRun.body.contains("<td>foraeldre.csv</td>"), "the file that delivered them")
            #expect(dryRun.body.contains("name=\"replace\" value=\"1\""))
            #expect(!CPRNumber.containsCPR(dryRun.body), "children are shown by pseudonym only")
            var fields = Self.formFields(dryRun)
            fields["replace"] = "1"
            let done = try await browser.request("/import/confirm", .post, form: fields)
            #expect(done.body.contains("Filen er indlæst."))
            #expect(done.body.contains("12 gemte besvarelser er erstattet; de gamle svar står i revisionsloggen."))
        }
        let store = try ProjectLocation.open(fixture.project)
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery(child: try store.pseudonym(for: fixture.ids[0]))) { stored.append($0) }
        let parent = try #require(stored.first { $0.occasion.code == "T1" && $0.informant == .parent })
        #expect(parent.answers["consid"] == .code(1), "was 0 (0 mod 3), now (0 + 1) mod 3")
    }

    @Test("The wizard's forms refuse a missing CSRF token and a researcher")
    func refusals() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let file = Self.renamedFile(fixture)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let first = try await Self.upload(browser, file: file)
            var fields = Self.formFields(first)
            fields["col:spm7"] = "item:consid"
            fields["action"] = "save"
            var forged = fields
            forged["csrf"] = "forged"
            #expect(try await browser.request("/import/preview", .post, form: forged).status == .forbidden)
            forged["csrf"] = nil
            #expect(try await browser.request("/import/preview", .post, form: forged).status == .forbidden)
            #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("mapping-profiles").path))
            let researcher = Browser(client)
            try await researcher.logIn("forsker")
            try await researcher.request("/")
            fields["csrf"] = researcher.csrf
            #expect(try await researcher.request("/import/preview", .post, form: fields).status == .forbidden)
            fields["import"] = "1"
            #expect(try await researcher.request("/import/confirm", .post, form: fields).status == .forbidden)
            #expect(try await researcher.request("/import", .post, body: Self.multipart(researcher.csrf, file: file), contentType: Self.type).status == .forbidden)
            // An unknown upload token is 404, not a path outside the uploads folder.
            fields["upload"] = "../../etc"
            fields["csrf"] = browser.csrf
            #expect(try await browser.request("/import/preview", .post, form: fields).status == .notFound)
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.folder.appendingPathComponent("mapping-profiles").path))
        #expect(try ShowMissingForms.run(project: fixture.project).occasions == ["T1"])
    }

    @Test("In English the wizard speaks English (the CLI's wording), still without server paths")
    func english() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let file = Self.renamedFile(fixture)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            browser.cookies["kortlaeg_lang"] = "en"
            let page = try await Self.upload(browser, file: file, fields: ["occasion": "T2"])
            #expect(page.body.contains("<dd>UTF-8 (detected), &#39;,&#39; (comma) separated (detected), LF line endings</dd>"))
            #expect(page.body.contains("its values are CPR numbers"))
            #expect(!page.body.contains(fixture.folder.path))
        }
    }
}

import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import KortlaegProject
import KortlaegDomain
import KortlaegTestSupport
import KortlaegWeb
import Testing

/// The import wizard for files that are not tables (issue 16, page 2): ODM/REDCap project XML and
/// FHIR QuestionnaireResponse get the detected format, the first records flattened into a table,
/// the id/instrument/occasion choices, drop-downs for unmatched fields, the dry run and the import.
@Suite("Import wizard for ODM and FHIR (HummingbirdTesting)", .serialized)
struct ImportWizardRecordTests {
    static let fixtures = repositoryRoot.appendingPathComponent("Tests/KortlaegReadersTests/Fixtures")
    static let odm = fixtures.appendingPathComponent("import/redcap-sdq-parent.xml")
    static let fhir = fixtures.appendingPathComponent("fhir/kl-children-QuestionnaireResponse-SDQ4-10AnswerLars.json")

    static func upload(_ browser: Browser, file: String, name: String, fields: [String: String] = [:]) async throws -> Page {
        try await browser.request("/import")
        return try await browser.request("/import", .post, body: ImportWizardRouteTests.multipart(browser.csrf, file: file, name: name, fields: fields),
                                         contentType: ImportWizardRouteTests.type)
    }

    /// The `Value` of the first `ItemData` with `oid` in `text` (read here, not by Kortlæg's reader).
    static func firstValue(_ text: String, _ oid: String) throws -> String {
        let start = try #require(text.range(of: "ItemOID=\"\(oid)\" Value=\"")).upperBound
        return String(text[start...].prefix { $0 != "\"" })
    }

    @Test("ODM: the format, the subject key as child id, the file's occasions, the first records, a dry run and the import")
    func odmPreviewAndImport() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let text = try String(contentsOf: Self.odm, encoding: .utf8)
        // Counted in the file itself: one record per FormData.
        let records = text.components(separatedBy: "<FormData ").count - 1
        #expect(records == 10)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let page = try await Self.upload(browser, file: text, name: "redcap.xml")
            #expect(page.status == .ok)
            #expect(page.body.contains("<dd>CDISC ODM-XML (også REDCap-projekt-XML) (rodelementet &lt;ODM&gt;)</dd>"))
            #expect(page.body.contains("<dd>sdq-p4-17@1.0.0 (fra indlæsningsprofilen »redcap-xml-sdq-parent«)</dd>"))
            #expect(page.body.contains("<dd>»(personens id i filen)« (fra indlæsningsprofilen »redcap-xml-sdq-parent«)</dd>"))
            #expect(page.body.contains("<dd>»baseline_arm_1« → T1; »followup_arm_1« → T2</dd>"))
            // The first five records flattened: the parts, then the fields; the subject key as read.
            #expect(page.body.contains("<h2>Første poster</h2>"))
            #expect(page.body.contains("<th scope=\"col\">(personens id i filen)</th><th scope=\"col\">(besøg/måling i filen)</th>"))
            #expect(page.body.contains("<th scope=\"col\">sdq_p01</th>"))
            #expect(page.body.components(separatedBy: "<td>S0000001</td>").count - 1 == 2)
            #expect(page.body.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
                .components(separatedBy: "<tr>").count - 1 == 5)
            // The id drop-down offers the subject key and the fields, not the other parts.
            #expect(page.body.contains("<option value=\"(subject)\">(personens id i filen)</option>"))
            #expect(page.body.contains("<option value=\"sdq_date\">sdq_date</option>"))
            #expect(!page.body.contains("<option value=\"(occasion)\">"))
            #expect(page.body.contains("Alle felter er genkendt."))
            #expect(page.body.contains("Gem som indlæsningsprofil"))
            // The sample holds two records with sdq_p01 = 5 (outside the codes 0–2): rows 4 and 8.
            #expect(page.body.contains("\(records) læst, \(records - 2) gyldige, 2 afvist"))
            var fields = ImportWizardRouteTests.formFields(page)
            fields["import"] = "1"
            let done = try await browser.request("/import/confirm", .post, form: fields)
            #expect(done.body.contains("Filen er indlæst."))
        }
        let store = try ProjectLocation.open(fixture.project)
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery(child: try store.pseudonym(for: "S0000001"))) { stored.append($0) }
        #expect(stored.map(\.occasion.code).sorted() == ["T1", "T2"])
        // sdq_p01 is consid in the profile; its first value in the file is S0000001's baseline.
        let t1 = try #require(stored.first { $0.occasion.code == "T1" })
        #expect(t1.answers["consid"] == .code(Int(try Self.firstValue(text, "sdq_p01"))!))
    }

    @Test("ODM with a renamed field: it gets a drop-down; mapping it to an item changes the dry run and the import stores it")
    func odmUnmatchedField() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        var text = try String(contentsOf: Self.odm, encoding: .utf8).replacingOccurrences(of: "ItemOID=\"sdq_p01\"", with: "ItemOID=\"spm_a\"")
        let original = try Self.firstValue(text, "spm_a")
        // The first record's answer becomes the invalid code 7.
        text = text.replacingOccurrences(of: "ItemOID=\"spm_a\" Value=\"\(original)\"", with: "ItemOID=\"spm_a\" Value=\"7\"", options: [],
                                         range: text.range(of: "ItemOID=\"spm_a\" Value=\"\(original)\""))
        let records = text.components(separatedBy: "<FormData ").count - 1
        let file = text
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let first = try await Self.upload(browser, file: file, name: "redcap.xml")
            #expect(first.body.contains("<legend>Felter uden match</legend>"))
            #expect(first.body.contains("<label for=\"col0\">Feltet »spm_a«</label><select id=\"col0\" name=\"col:spm_a\">"))
            #expect(first.body.contains("<option value=\"item:consid\">consid (pconsid)"))
            #expect(!first.body.contains("<option value=\"item:restles\">"))  // read from sdq_p02 already
            var fields = ImportWizardRouteTests.formFields(first)
            fields["col:spm_a"] = "item:consid"
            fields["action"] = "preview"
            let mapped = try await browser.request("/import/preview", .post, form: fields)
            // The 7 of the first record and the sample's two 5s (rows 4 and 8), now read as consid.
            #expect(mapped.body.contains("\(records) læst, \(records - 3) gyldige, 3 afvist"),
                    "server log: \(fixture.log.all.filter { $0.contains("import") })")
            #expect(mapped.body.contains("<option selected value=\"item:consid\">"))
            #expect(mapped.body.contains("<td>spm_a</td><td>7</td><td>ikke et svar på spørgsmål consid (pconsid); forventet en af 0 »"))
            var confirm = ImportWizardRouteTests.formFields(mapped)
            confirm["import"] = "1"
            let done = try await browser.request("/import/confirm", .post, form: confirm)
            #expect(done.body.contains("Filen er indlæst."))
        }
        let store = try ProjectLocation.open(fixture.project)
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery(child: try store.pseudonym(for: "S0000001"))) { stored.append($0) }
        // The baseline record held the 7 and was refused; the follow-up's spm_a is stored as consid.
        #expect(stored.map(\.occasion.code) == ["T2"])
        let followUp = text[text.range(of: "redcap:UniqueEventName=\"followup_arm_1\"")!.upperBound...]
        #expect(stored.first?.answers["consid"] == .code(Int(try Self.firstValue(String(followUp), "spm_a"))!))
    }

    @Test("ODM: “Gem som indlæsningsprofil” saves the field mapping for the file's format and form; the next upload of that form picks it and says so")
    func odmSavedProfileIsUsedNextTime() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let text = try String(contentsOf: Self.odm, encoding: .utf8).replacingOccurrences(of: "ItemOID=\"sdq_p01\"", with: "ItemOID=\"spm_a\"")
        let records = text.components(separatedBy: "<FormData ").count - 1
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let first = try await Self.upload(browser, file: text, name: "redcap.xml")
            #expect(!first.body.contains("er valgt automatisk"))
            var fields = ImportWizardRouteTests.formFields(first)
            fields["col:spm_a"] = "item:consid"
            fields["action"] = "save"
            let saved = try await browser.request("/import/preview", .post, form: fields)
            #expect(saved.body.contains("Valgene er gemt som indlæsningsprofilen »\(SavedImportProfiles.id(records: .odm, form: "Form.sdq_parent"))«. Næste fil med samme format og skema får dem automatisk."))
            var cancel = ImportWizardRouteTests.formFields(saved)
            cancel["cancel"] = "1"
            #expect(try await browser.request("/import/confirm", .post, form: cancel).status == .seeOther)

            // The same form again: the saved field mapping comes back by itself (the sample's two 5s now count as consid's).
            let again = try await Self.upload(browser, file: text, name: "redcap-igen.xml")
            #expect(again.body.contains("Filen har samme format og skema som en fil, du tidligere har gemt valg for: indlæsningsprofilen »wizard-"))
            #expect(again.body.contains("<option selected value=\"item:consid\">"))
            // Every choice is said to come from the saved profile, the child id (the subject key it kept) too.
            let savedID = SavedImportProfiles.id(records: .odm, form: "Form.sdq_parent")
            #expect(again.body.contains("<dd>»(personens id i filen)« (fra indlæsningsprofilen »\(savedID)«)</dd>"))
            #expect(again.body.contains("\(records) læst, \(records - 2) gyldige, 2 afvist"))
            // Another form is not given the profile: spm_a is unmatched again.
            let other = try await Self.upload(browser, file: text.replacingOccurrences(of: "FormOID=\"Form.sdq_parent\"", with: "FormOID=\"Form.sdq_foraelder\""),
                                              name: "andet-skema.xml")
            #expect(!other.body.contains("er valgt automatisk"))
            #expect(other.body.contains("<label for=\"col0\">Feltet »spm_a«</label>"))
            #expect(!other.body.contains("<option selected value=\"item:consid\">"))
        }
        let folder = fixture.folder.appendingPathComponent("mapping-profiles")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }
        #expect(files == [SavedImportProfiles.id(records: .odm, form: "Form.sdq_parent") + ".json"])
        let path = folder.appendingPathComponent(files[0]).path
        let schema = instrumentsDirectory + "/schema/profile.schema.json"
        let validator = try JSONSchemaValidator(schema: try Data(contentsOf: URL(fileURLWithPath: schema)))
        let findings = validator.validate(try JSONDecoder().decode(JSONValue.self, from: try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(findings.isEmpty, "\(findings)")
        let profile = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(profile["header"] == nil)
        #expect(profile["forms"] as? [String] == ["Form.sdq_parent"])
        #expect(profile["source"] as? String == "odm")
        let items = try #require(profile["items"] as? [[String: Any]])
        #expect(items.contains { $0["source"] as? String == "spm_a" && $0["item"] as? String == "consid" })

        // The saved file is a profile for `kortlaeg import --profile` too: the renamed file imports with it.
        let renamed = fixture.folder.appendingPathComponent("renamed.xml")
        try text.write(to: renamed, atomically: true, encoding: .utf8)
        let run = try runKortlaeg(["import", renamed.path, "--project", fixture.project, "--profile", path])
        // Exit 3: imported, with the sample's two records holding a 5 rejected (the README's exit codes).
        #expect(run.status == 3, "\(run.stderr)")
        let store = try ProjectLocation.open(fixture.project)
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery(child: try store.pseudonym(for: "S0000001"))) { stored.append($0) }
        let t1 = try #require(stored.first { $0.occasion.code == "T1" })
        #expect(t1.answers["consid"] == .code(Int(try Self.firstValue(text, "spm_a"))!))
    }

    @Test("FHIR: one response; without an occasion the dry run asks for one; with T1 it is imported")
    func fhirNeedsAnOccasion() async throws {
        let fixture = try WebFixture()
        let app = try WebServer.application(try fixture.configuration())
        let text = try String(contentsOf: Self.fhir, encoding: .utf8)
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn("mette")
            let page = try await Self.upload(browser, file: text, name: "svar.json")
            #expect(page.status == .ok)
            #expect(page.body.contains("<dd>FHIR QuestionnaireResponse"))
            #expect(page.body.contains("<td>Patient/Lars</td>"))
            #expect(page.body.contains("<td>2024-04-23</td>"))
            #expect(page.body.contains("Rækkerne angiver ingen måling: vælg målingen herover og prøvekør igen."))
            var fields = ImportWizardRouteTests.formFields(page)
            fields["occasion"] = "T1"
            fields["action"] = "preview"
            let chosen = try await browser.request("/import/preview", .post, form: fields)
            #expect(chosen.body.contains("1 læst, 1 gyldige, 0 afvist"))
            var confirm = ImportWizardRouteTests.formFields(chosen)
            confirm["import"] = "1"
            let done = try await browser.request("/import/confirm", .post, form: confirm)
            #expect(done.body.contains("Filen er indlæst."))
        }
        let store = try ProjectLocation.open(fixture.project)
        var stored: [StoredResponse] = []
        try store.responses(ResponseQuery(child: try store.pseudonym(for: "Patient/Lars"))) { stored.append($0) }
        #expect(stored.map(\.occasion.code) == ["T1"])
    }

    @Test("A file that is no ODM or FHIR after all: the wizard says it is not recognised, with no server path")
    func brokenXML() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let page = try await Self.upload(browser, file: "<?xml version=\"1.0\"?><ODM><ClinicalData><SubjectData", name: "brudt.xml")
            #expect(page.status == .ok)
            #expect(!page.body.contains(fixture.folder.path))
            #expect(page.body.contains("Besvarelserne i filen kan ikke læses"))
            #expect(!page.body.contains("name=\"import\" value=\"1\""))  // no import button, only cancel
        }
    }
}

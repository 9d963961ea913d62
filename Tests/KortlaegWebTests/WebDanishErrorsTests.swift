import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import KortlaegProject
import KortlaegReports
import KortlaegTestSupport
@testable import KortlaegWeb
import Testing

/// Use-case errors on the web pages are Danish by default and English with the switch, never the
/// command line's English on a Danish page (issue 16).
@Suite("Web: use-case errors in the page's language", .serialized)
struct WebDanishErrorsTests {
    @Test("A long label, an invalid code, an unknown class and an unknown instrument: Danish texts, English with the switch")
    func useCaseErrors() async throws {
        let fixture = try WebFixture()
        let pseudonym = try ProjectLocation.open(fixture.project).pseudonym(for: fixture.ids[0])
        // The English message of the unknown instrument, as the use case words it.
        let catalog = try fixture.configuration().instruments.instruments()
        let unknownInstrument: String
        do throws(KortlaegError) {
            _ = try AnalyseCourse.storedOccasions(project: fixture.project, instrument: "nope", instruments: catalog)
            unknownInstrument = ""
        } catch {
            unknownInstrument = error.message
        }
        #expect(!unknownInstrument.isEmpty)
        try await fixture.browse { browser in
            func attempts() async throws -> (label: Page, entry: Page, groups: Page, progress: Page) {
                try await browser.request("/child/\(pseudonym)")
                let label = try await browser.request("/child/\(pseudonym)/label", .post,
                                                      form: ["csrf": browser.csrf, "label": String(repeating: "a", count: 61)])
                try await browser.request("/entry?instrument=sdq-p4-17%401.0.0")
                var fields = ["csrf": browser.csrf, "instrument": "sdq-p4-17@1.0.0", "child": "barn-1", "occasion": "T2"]
                for item in sdqItems { fields["item.\(item)"] = "1" }
                fields["item.consid"] = "7"
                let entry = try await browser.request("/entry", .post, form: fields)
                let groups = try await browser.request("/class?name=9Z")
                let progress = try await browser.request("/progress?instrument=nope")
                return (label, entry, groups, progress)
            }

            let da = try await attempts()
            #expect(da.label.status == .unprocessableContent)
            #expect(da.label.body.contains("En betegnelse må højst have 60 tegn (denne har 61)."))
            #expect(!da.label.body.contains("A label has at most"))
            #expect(da.entry.status == .unprocessableContent)
            #expect(da.entry.body.contains("Spørgsmål 1 (»Hensynsfuld«): 7 er ikke en af svarkoderne ("))
            #expect(!da.entry.body.contains("is not one of its codes"))
            #expect(!da.entry.body.contains("consid:"))
            #expect(da.groups.body.contains("Projektet har ingen gemte besvarelser for klassen »9Z«. Overblikket viser de gemte klasser."))
            #expect(!da.groups.body.contains("The project has no stored responses"))
            #expect(!da.groups.body.contains("kortlaeg status"))
            #expect(da.progress.status == .badRequest)
            #expect(da.progress.body.contains("Skemaet »nope« findes ikke blandt instrumentfilerne. Vælg et skema på listen."))
            #expect(!da.progress.body.contains(HTML.message(unknownInstrument)))
            // The way on from both: the overview, and the fixture's two instruments with responses as links.
            #expect(da.groups.body.contains("<a href=\"/\">Tilbage til overblikket</a>"))
            #expect(da.progress.body.contains("<p>Skemaer med gemte besvarelser:</p><ul><li><a href=\"/progress?instrument=sdq-p4-17%401.0.0\">sdq-p4-17@1.0.0</a></li><li><a href=\"/progress?instrument=sdq-t4-17%401.0.0\">sdq-t4-17@1.0.0</a></li></ul>"))

            try await browser.request("/lang/en")
            let en = try await attempts()
            #expect(en.label.body.contains("A label has at most 60 characters (this one has 61)."))
            #expect(!en.label.body.contains("En betegnelse"))
            #expect(en.entry.body.contains("Item consid: 7 is not one of its codes ("))
            #expect(!en.entry.body.contains("svarkoderne"))
            #expect(en.groups.body.contains("The project has no stored responses for class &#39;9Z&#39;."))
            #expect(!en.groups.body.contains("Projektet har ingen"))
            #expect(en.progress.body.contains(HTML.message(unknownInstrument)))
            #expect(!en.progress.body.contains("findes ikke blandt"))
        }
        // Nothing was stored by the refused attempts.
        #expect(try ChildLabels.all(project: fixture.project).isEmpty)
    }

    @Test("Searching an id no child has: the lookup's Danish words on the overview, English with the switch")
    func childSearchNotFound() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            try await browser.request("/")
            let da = try await browser.request("/search", .post, form: ["csrf": browser.csrf, "child": "deadbeef00"])
            #expect(da.status == .notFound)
            #expect(da.body.contains("Intet barn i projektet passer til det angivne id (prøvet som barnets eget id og som pseudonym). Overblikket viser børnene med pseudonym."))
            #expect(!da.body.contains("kortlaeg status"))
            try await browser.request("/lang/en")
            let en = try await browser.request("/search", .post, form: ["csrf": browser.csrf, "child": "deadbeef00"])
            #expect(en.body.contains("No child in the project matches the id given"))
        }
    }

    /// A wrapped store error's text ("database disk image is malformed …") as a use case passes it on.
    static let wrapped = KortlaegError(.invalidInput, "/srv/ppr.kortlaeg: database disk image is malformed (child 010203-1234)")

    @Test("An error without a Danish text: the severity's Danish sentence, the English detail CPR-masked in the log only")
    func errorWithoutDanish() throws {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in CollectingLogHandler(lines: lines) }
        let danish = Site.problem(Self.wrapped, .danish, logger: logger)
        #expect(danish == "<p class=\"error\" role=\"alert\">Projektets data kunne ikke læses, eller de er ikke i den ventede form. "
                + "Prøv igen; sker det igen, så kontakt den, der driver Kortlæg.</p>")
        #expect(!danish.contains("malformed"))
        #expect(lines.all.count == 1)
        #expect(lines.all.first?.contains("database disk image is malformed (child \(CPRGuard.marker))") == true)
        #expect(lines.all.allSatisfy { !$0.contains("010203-1234") })
        // The English page shows the English message, masked.
        let english = Site.problem(Self.wrapped, .english, logger: logger)
        #expect(english.contains("database disk image is malformed (child \(CPRGuard.marker))"))
        #expect(!english.contains("010203-1234"))
    }

    @Test("A Danish text is shown as it is; only errors the user cannot fix themselves are logged")
    func danishTextAndLog() {
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in CollectingLogHandler(lines: lines) }
        let usage = KortlaegError(.usage, "A label has at most 60 characters.", danish: "En betegnelse må højst have 60 tegn.")
        #expect(Site.problem(usage, .danish, logger: logger) == "<p class=\"error\" role=\"alert\">En betegnelse må højst have 60 tegn.</p>")
        #expect(lines.all.isEmpty)
        let write = KortlaegError(.cannotWrite, "The form could not be stored (disk full).", danish: "Skemaet kunne ikke gemmes. Prøv igen.")
        #expect(Site.problem(write, .danish, logger: logger).contains("Skemaet kunne ikke gemmes. Prøv igen."))
        #expect(lines.all.count == 1 && lines.all[0].contains("The form could not be stored (disk full)."))
    }

    @Test("Every severity has its own Danish sentence, and it is not the English one", arguments: Severity.allCases)
    func severitySentences(_ severity: Severity) {
        let sentence = Phrasebook.WebProblem.sentence(severity)
        #expect(!sentence(.danish).isEmpty && sentence(.danish) != sentence(.english))
        let others = Severity.allCases.filter { $0 != severity }.map { Phrasebook.WebProblem.sentence($0)(.danish) }
        #expect(!others.contains(sentence(.danish)))
    }

    @Test("KortlaegError.message(in:) gives the English message or the Danish text")
    func messageInLanguage() {
        let both = KortlaegError(.notFound, "No child.", danish: "Intet barn.")
        #expect(both.message(in: .english) == "No child.")
        #expect(both.message(in: .danish) == "Intet barn.")
        #expect(Self.wrapped.message(in: .danish) == nil)
        #expect(Self.wrapped.description == Self.wrapped.message)
    }
}

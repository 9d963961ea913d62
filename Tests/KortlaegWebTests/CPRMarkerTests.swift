import Foundation
import HTTPTypes
import HummingbirdTesting
import KortlaegDomain
import KortlaegTestSupport
import Testing
@testable import KortlaegWeb

/// One CPR marker for every output (``CPRGuard/marker``): the web pages mask with the same marker as
/// the reports, the rejects files and the command line, for every form people type. The numbers are
/// built from parts at test time (a CPR-shaped number is never written whole in the repository).
@Suite struct CPRMarkerTests {
    static let date = "010203", serial = "1234"
    /// Hyphen, en dash, space, none, minus sign, no-break space; full-width digits.
    static let typed = ["-", "\u{2013}", " ", "", "\u{2212}", "\u{00A0}"].map { date + $0 + serial }
        + ["\u{FF10}\u{FF11}\u{FF10}\u{FF12}\u{FF10}\u{FF13}\u{FF0D}\u{FF11}\u{FF12}\u{FF13}\u{FF14}"]

    @Test(arguments: typed)
    func pagesUseTheOneMarker(cpr: String) {
        #expect(HTML.scrubbed("Barn \(cpr) i 4A") == "Barn \(CPRGuard.marker) i 4A")
        #expect(HTML.message("<b>\(cpr)</b>") == "&lt;b&gt;\(CPRGuard.marker)&lt;/b&gt;")
        #expect(!CPRNumber.containsCPR(HTML.message("a \(cpr) b \(cpr)")))
        #expect(!HTML.scrubbed(cpr).contains("•"))
    }

    @Test func otherNumbersAreLeftAlone() {
        for text in ["barn-0001", "2024-04-23", "tlf. 12 34 56 78", "12345678901"] { #expect(HTML.scrubbed(text) == text) }
    }

    /// An uploaded file's name: unsafe characters become `_`, a CPR-shaped number the marker.
    @Test func uploadNamesUseTheMarker() {
        #expect(Upload.safeName("elev \(Self.date)-\(Self.serial).csv") == "elev_\(CPRGuard.marker).csv")
        #expect(Upload.safeName("../\(Self.date)\(Self.serial)") == CPRGuard.marker)
        #expect(Upload.safeName("sdq T1.csv") == "sdq_T1.csv")
        #expect(Upload.safeName("forældre-T1 Århus.csv") == "forældre-T1_Århus.csv")  // Danish letters stay
        #expect(Upload.safeName("a\u{202E}vsc.exe") == "a_vsc.exe")  // a right-to-left override does not
    }

    /// A CPR number typed as a class name: the page is sent (not refused), with the marker in the
    /// heading and in the message, and no CPR-shaped number anywhere.
    @Test func aCPRTypedIntoAPageIsShownAsTheMarker() async throws {
        let fixture = try WebFixture()
        try await fixture.browse { browser in
            let name = "4A " + Self.date + "-" + Self.serial
            let page = try await browser.request("/class?name=" + Browser.encode(name))
            #expect(page.status == .notFound)
            #expect(page.body.contains("<h1>") && page.body.contains("4A \(CPRGuard.marker)</h1>"))
            #expect(page.body.contains("Klassenavnet indeholder et CPR-nummer."))  // Danish, not the use case's English
            #expect(!CPRNumber.containsCPR(page.body))
        }
    }
}

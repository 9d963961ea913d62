import KortlaegDomain
import Testing

/// Site tags (issue 14, docs/decisions/sites.md): compared without case and extra spaces, shown as
/// first written; `:` is refused because it separates site and id in score-file identities.
struct SiteNameTests {
    @Test(arguments: [("Aarhus", "aarhus"), ("  Høje-Taastrup ", "høje-taastrup"), ("Lyngby  Taarbæk", "lyngby taarbæk")])
    func sitesAreComparedWithoutCaseAndSpaces(_ text: String, _ key: String) {
        #expect(SiteName.key(text) == key)
        #expect(SiteName.problem(text) == nil)
    }

    @Test func theQualifiedIDJoinsSiteAndID() {
        #expect(SiteName.qualifiedID(site: " Aarhus", id: "elev-0001") == "aarhus:elev-0001")
        #expect(SiteName.qualifiedID(site: nil, id: "elev-0001") == "elev-0001")
        #expect(SiteName.qualifiedID(site: "  ", id: "elev-0001") == "elev-0001")
        #expect(SiteName.display(" Lyngby  Taarbæk ") == "Lyngby Taarbæk")
    }

    @Test(arguments: [("", "the site is empty"), ("Aarhus:Nord", "a site name may not contain ':' (it separates site and id)"),
                      (String(repeating: "x", count: 65), "a site name may have at most 64 characters")])
    func badSitesAreExplained(_ text: String, _ problem: String) {
        #expect(SiteName.problem(text) == problem)
    }
}

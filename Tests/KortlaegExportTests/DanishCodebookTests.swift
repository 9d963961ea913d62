import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegExport

/// The readable codebooks are for people: in Danish (the default) they carry no English
/// fragments — the salt, the band tables' and norm sets' sources, the measurement levels — and
/// write decimal commas; the wide variable table wraps instead of running off the page.
@Test func danishReadableCodebooksHaveNoEnglishFragments() throws {
    let folder = try temporaryFolder()
    _ = try runJob(.sav, folder: folder)
    let english = ["stable salt", "salt named", "Secondary source", "secondary source", "values marked", "UK community sample",
                   "Band table", "Norm set", "(scale)", "numeric (", "Notes", "Variables", "unverified", "(verify)"]
    for name in ["eksport.sav.codebook.md", "eksport.sav.codebook.html"] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        for fragment in english { #expect(!text.contains(fragment), "\(name) contains '\(fragment)'") }
        #expect(text.contains("fast salt med navnet"), "\(name)")
        #expect(text.contains("Båndtabel uk-3band (britisk befolkningsudsnit (youthinmind))"), "\(name)")
        #expect(text.contains("tal (skala)") && text.contains("tal (ordinal)"), "\(name)")
        // A mean with a decimal comma in a number cell; none with a point.
        #expect(text.range(of: #"[|>] ?[0-9]+,[0-9]+ ?[|<]"#, options: .regularExpression) != nil, "\(name)")
        #expect(text.range(of: #"[|>] ?[0-9]+\.[0-9]+ ?[|<]"#, options: .regularExpression) == nil, "\(name)")
    }
    let html = try String(contentsOf: folder.appendingPathComponent("eksport.sav.codebook.html"), encoding: .utf8)
    #expect(html.contains("<table class=\"codebook\">") && html.contains("table.codebook td { overflow-wrap: anywhere; }"))
}

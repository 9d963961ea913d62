import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegTestSupport
import Testing
@testable import KortlaegReports

/// The texts of `instruments list/show` and `tool list/show/diff`, Danish by default.
struct DefinitionTextTests {
    let catalog: InstrumentCatalog
    let batteries: BatteryCatalog

    init() throws {
        catalog = try InstrumentCatalog.load(directory: instrumentsDirectory)
        batteries = try BatteryCatalog.load(directory: instrumentsDirectory)
    }

    /// Columns padded to the widest cell, two spaces apart (TextTable); titles from the data.
    @Test func instrumentList() throws {
        let two = try InstrumentCatalog(instruments: [catalog.resolve("sdq-p4-17"), catalog.resolve("kv-maal")])
        #expect(InstrumentListText(catalog: two, language: .danish).text == """
            id         version  informant     alder  titel
            kv-maal    0.1.0    professional         Tosidede mål
            sdq-p4-17  1.0.0    parent        4-17   SDQ forældreskema 4-17 år

            """)
        #expect(InstrumentListText(catalog: two, language: .english).text.hasPrefix("id         version  informant     ages  title\n"))
    }

    @Test func batteryList() {
        let lines = BatteryListText(catalog: batteries, language: .english).text.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0] == "id            version  model                            ages  title")
        #expect(lines[2] == "kv-inklusion  0.1.0    tvaerfaglig-inklusion            9-14  Mapping tool: Interdisciplinary inclusion in school")
    }

    /// The parent SDQ's total difficulties: UK 3-band cut-offs 0–13 / 14–16 / 17–40
    /// (youthinmind, "Scoring the SDQ"), labels from the instrument's band labels.
    @Test func instrumentDescription() throws {
        let sdq = try catalog.resolve("sdq-p4-17@1.0.0")
        let danish = InstrumentDescriptionText(instrument: sdq, language: .danish).text
        #expect(danish.hasPrefix("sdq-p4-17@1.0.0: SDQ forældreskema 4-17 år\ninformant: parent, alder 4-17; familie: sdq-4-17\n\nSpørgsmål:\n"))
        #expect(danish.contains("\nSkalaer:\n"))
        #expect(danish.contains("  ebdtot   0-13 normalt / 14-16 grænseområde / 17-40 afvigende"))
        #expect(danish.contains("    regel: ebddiff unanswered: impact is missing (R syntax) [kun med impact-when-ebddiff-missing=missing]"))
        #expect(danish.contains("    sum (standard): "))
        let english = InstrumentDescriptionText(instrument: sdq, language: .english).text
        #expect(english.contains("\nItems:\n") && english.contains("\nScores:\n") && english.contains("\nRule options (--rule OPTION=CHOICE):\n"))
        #expect(english.contains("sum of somatic, worries, unhappy, clingy, afraid; needs 3 answered, prorated to 5 items, rounded half up"))
    }

    /// Seed 000: the self-report SDQ from 11 years; follow-ups every 8 weeks.
    @Test func batteryDescription() throws {
        let inclusion = try batteries.resolve("kv-inklusion@0.1.0")
        let english = BatteryDescriptionText(battery: inclusion, age: 12, language: .english).text
        #expect(english.contains("\noccasion T1: Initial mapping\n  child: sdq-s11-17@1.0.0\n"))
        #expect(english.contains(", every 8 weeks (F1, F2, …)"))
        let danish = BatteryDescriptionText(battery: inclusion, age: 9, language: .danish).text
        #expect(danish.contains("\ntidspunkt T1: Indledende kortlægning\n  parent: sdq-p4-17@1.0.0\n"))
        #expect(danish.contains(", hver 8. uge (F1, F2, …)"))
        #expect(!danish.contains("child:"))
    }

    /// The follow-up SDQ adds the two follow-up questions, drops the chronicity question, and
    /// keeps every score through the shared equivalence keys.
    @Test func instrumentDiff() throws {
        let diff = InstrumentDiff(old: try catalog.resolve("sdq-p4-17@1.0.0"), new: try catalog.resolve("sdq-p4-17-fu@1.0.0"))
        let english = InstrumentDiffText(diff: diff, language: .english).lines
        #expect(Array(english.prefix(4)) == ["sdq-p4-17@1.0.0 → sdq-p4-17-fu@1.0.0", "  added items: fuchange, fuhelpful",
                                              "  removed items: chronic", "  comparable: pemotion ↔ pemotion"])
        let danish = InstrumentDiffText(diff: diff, language: .danish).lines
        #expect(danish[1] == "  tilføjede spørgsmål: fuchange, fuhelpful")
        #expect(danish.contains("  sammenlignelig: pebdtot ↔ pebdtot"))
        var nothing = diff
        (nothing.addedItems, nothing.removedItems, nothing.comparability) = ([], [], [])
        #expect(InstrumentDiffText(diff: nothing, language: .danish).lines == ["sdq-p4-17@1.0.0 → sdq-p4-17-fu@1.0.0", "  ingen forskelle"])
    }

    @Test func batteryDiff() throws {
        let old = try batteries.resolve("kv-mestring@0.1.0")
        var new = old
        new.version = "0.2.0"
        for index in new.assignments.indices where new.assignments[index].instrument == "sdq-p4-17@1.0.0" {
            new.assignments[index].instrument = "sdq-p4-17-fu@1.0.0"
        }
        let text = BatteryDiffText(diff: BatteryDiff(old: old, new: new, catalog: catalog), language: .danish).text
        #expect(text.hasPrefix("kv-mestring@0.1.0 → kv-mestring@0.2.0\nfjernet: parent sdq-p4-17@1.0.0 ved T1,T2"))
        #expect(text.contains("\ntilføjet: parent sdq-p4-17-fu@1.0.0 ved T1,T2"))
        #expect(text.contains("\nsdq-p4-17@1.0.0 → sdq-p4-17-fu@1.0.0\n  tilføjede spørgsmål: fuchange, fuhelpful"))
        #expect(BatteryDiffText(diff: BatteryDiff(old: old, new: old, catalog: catalog), language: .english).text
            == "kv-mestring@0.1.0 → kv-mestring@0.1.0\nno differences")
    }
}

import Foundation
import Testing
import KortlaegDomain
import KortlaegReaders
@testable import KortlaegProgress

/// Goals come from the instrument's declared pairs (``Instrument/goals``), not from a family or
/// from item names.
struct ChildOverviewTests {
    static let instruments = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Instruments").path

    @Test func goalsAreTheDeclaredPairsWhateverTheirNames() throws {
        var form = try InstrumentCatalog.load(directory: Self.instruments).resolve("kv-maal@0.1.0")
        form.family = "lokale-maal"
        let renames = ["maal_faglig": "a_tekst", "maal_faglig_status": "a_vurdering", "maal_trivsel": "b_tekst", "maal_trivsel_status": "b_vurdering"]
        form.items = form.items.map { item in
            var item = item
            item.id = renames[item.id] ?? item.id
            return item
        }
        // The text item after its rating: no position convention either.
        form.items.swapAt(0, 1)
        form.scales = form.scales.map { scale in
            var scale = scale
            scale.items = scale.items.map { renames[$0] ?? $0 }
            return scale
        }
        form.goals = [Goal(text: "a_tekst", rating: "a_vurdering"), Goal(text: "b_tekst", rating: "b_vurdering")]
        let entry = ChildOverview.Entry(occasion: "F1", order: 1, informant: .professional, instrument: form,
                                        answers: ["a_tekst": .text("Læse en bog om ugen"), "a_vurdering": .code(3)],
                                        values: ["maal_faglig_fremgang": 3])
        let overview = ChildOverview(entries: [entry], language: .danish, includeFreeText: true)
        #expect(overview.goals.count == 2)
        // Named by the score of the rating ("Fremgang, fagligt mål"); rating 3 = "Nogen fremgang".
        #expect(overview.goals[0].goal.text(.danish) == "Fremgang, fagligt mål")
        #expect(overview.goals[0].code == 3 && overview.goals[0].rating?.text(.danish) == "Nogen fremgang")
        #expect(overview.goals[0].text == "Læse en bog om ugen")
        #expect(overview.goals[1].code == nil && overview.goals[1].text == nil)
        // A form of goals only has no column and its progress scores are not difficulties or strengths.
        #expect(overview.columns.isEmpty && overview.strengths.isEmpty && overview.other.isEmpty)

        let hidden = ChildOverview(entries: [entry], language: .danish)
        #expect(hidden.goals[0].text == nil)
    }
}

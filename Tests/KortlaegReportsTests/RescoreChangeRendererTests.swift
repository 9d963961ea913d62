import KortlaegStore
import Testing
@testable import KortlaegReports

/// Rescoring changes as tab-separated lines: the child by its first 12 pseudonym characters.
struct RescoreChangeRendererTests {
    @Test func changesAreTabSeparated() {
        #expect(RescoreChangeRenderer.header == "child\toccasion\tinformant\tinstrument\tscore\told\tnew\told_bands\tnew_bands\n")
        let change = ScoreChange(pseudonym: "3f2a09bc77de5f00", occasion: "T1", informant: "parent", instrument: "sdq-p4-17@1.0.0",
                                 score: "pemotion", old: 5, new: 4.5, oldBands: "uk-3band=abnormal", newBands: nil)
        #expect(RescoreChangeRenderer.line(change) == "3f2a09bc77de\tT1\tparent\tsdq-p4-17@1.0.0\tpemotion\t5\t4.5\tuk-3band=abnormal\t\n")
    }
}

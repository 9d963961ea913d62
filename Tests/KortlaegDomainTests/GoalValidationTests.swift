import Foundation
import Testing
@testable import KortlaegDomain

/// A goal pairs a free-text item with a coded rating item of the same instrument.
struct GoalValidationTests {
    @Test func goalsMustPairATextItemWithACodedRating() throws {
        var form = try loadInstrument("kv-maal@0.1.0")
        #expect(InstrumentValidator.semanticFindings(form, file: "kv-maal.json").isEmpty)
        form.goals = [Goal(text: "maal_faglig_status", rating: "maal_faglig"), Goal(text: "maal_trivsel", rating: "maal_trivsel_statu")]
        let messages = InstrumentValidator.semanticFindings(form, file: "kv-maal.json").map { "\($0.jsonPath): \($0.message)" }
        #expect(messages == [
            "$.goals[0].text: item 'maal_faglig_status' has an ordinal answer scale; a goal's text item needs a text answer scale",
            "$.goals[0].rating: item 'maal_faglig' has a text answer scale; a goal's rating item needs an ordinal answer scale with codes",
            "$.goals[1].rating: unknown item 'maal_trivsel_statu'. Did you mean 'maal_trivsel_status'?",
        ])
    }
}

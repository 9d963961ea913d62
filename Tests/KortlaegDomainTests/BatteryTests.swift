import Foundation
import Testing
@testable import KortlaegDomain

struct BatteryTests {
    let catalog: InstrumentCatalog
    let inclusion: Battery

    init() throws {
        catalog = try shippedCatalog()
        inclusion = try BatteryCatalog(files: shippedFiles()).resolve("kv-inklusion@0.1.0")
    }

    @Test func shippedBatteriesValidate() throws {
        for (battery, path) in try BatteryCatalog(files: shippedFiles()).entries {
            #expect(BatteryValidator.findings(battery, catalog: catalog, file: path).isEmpty, "\(battery.reference)")
        }
    }

    /// Seed 000: children 9–14; the self-report SDQ S11–17 only from 11 years (its age range).
    @Test(arguments: [(10, [String]()), (11, ["sdq-s11-17@1.0.0"]), (14, ["sdq-s11-17@1.0.0"])])
    func selfReportOnlyFromEleven(age: Int, expected: [String]) {
        #expect(inclusion.instruments(informant: .child, occasion: "T1", age: age) == expected)
    }

    @Test func followUpsAreNumbered() {
        #expect(inclusion.occasion(named: "F3")?.kind == .followUp)
        #expect(inclusion.occasion(named: "F")?.kind == .followUp)
        #expect(inclusion.occasion(named: "Fx") == nil)
        #expect(inclusion.instruments(informant: .parent, occasion: "F2", age: 9) == ["sdq-p4-17-fu@1.0.0"])
        #expect(inclusion.instruments(informant: .parent, occasion: "T2", age: 9) == ["sdq-p4-17@1.0.0"])
        #expect(inclusion.instruments(informant: .parent, occasion: "T7", age: 9).isEmpty)
    }

    @Test func validationFindsEveryKindOfError() {
        var battery = inclusion
        battery.occasions.removeAll { $0.kind == .final }
        battery.classMeasures = nil
        battery.assignments = [
            // unknown instrument (typo) with suggestion
            Battery.Assignment(informant: .parent, instrument: "sdq-p4-71@1.0.0", occasions: ["T1"], ages: nil, basis: "x"),
            // informant mismatch
            Battery.Assignment(informant: .child, instrument: "sdq-t4-17@1.0.0", occasions: ["T1"], ages: nil, basis: "x"),
            // unknown occasion; ages outside the instrument's range
            Battery.Assignment(informant: .child, instrument: "sdq-s11-17@1.0.0", occasions: ["T9"],
                               ages: Instrument.AgeRange(minimum: 9, maximum: 14), basis: "x"),
            // ambiguity: two parent SDQs of one family at T1 for overlapping ages
            Battery.Assignment(informant: .parent, instrument: "sdq-p4-17@1.0.0", occasions: ["T1"], ages: nil, basis: "x"),
            Battery.Assignment(informant: .parent, instrument: "sdq-p4-17-fu@1.0.0", occasions: ["T1"], ages: nil, basis: "x"),
            // no exact version
            Battery.Assignment(informant: .parent, instrument: "sdq-p4-17", occasions: ["T1"], ages: nil, basis: "x"),
        ]
        let messages = BatteryValidator.findings(battery, catalog: catalog, file: "b.json").map { "\($0.jsonPath): \($0.message)" }
        #expect(messages == [
            "$.occasions: no final occasion: a mapping course starts with an initial and ends with a final mapping",
            "$.assignments[0].instrument: unknown instrument 'sdq-p4-71@1.0.0'. Did you mean 'sdq-p4-17@1.0.0'?",
            "$.assignments[1].informant: sdq-t4-17@1.0.0 is answered by teacher, not child",
            "$.assignments[2].occasions[0]: unknown occasion 'T9'; the battery defines F, T1",
            "$.assignments[2].ages: ages 9-14 fall outside sdq-s11-17@1.0.0's range 11-17",
            "$.assignments[5].instrument: 'sdq-p4-17' must name an exact version (id@version)",
            "$.assignments[4]: overlaps assignments[3]: parent would answer both sdq-p4-17@1.0.0 and sdq-p4-17-fu@1.0.0 at T1 for ages 9-14",
        ])
    }
}

struct InstrumentDiffTests {
    @Test func changedScaleStaysComparableOnlyByDeclaration() throws {
        let old = try loadInstrument("sdq-p4-17@1.0.0")
        var new = old
        new.version = "1.1.0"
        new.items.removeAll { $0.id == "burden" }
        new.items.append(Item(id: "extra", variable: "pextra", aliases: nil, position: 40, label: LocalizedText(["en": "Extra"]),
                              wording: nil, answerScale: "sdq-truth", personalData: nil, required: nil))
        let emotion = new.scales.firstIndex { $0.id == "emotion" }!
        new.scales[emotion].missing.minimumAnswered = 4
        let peer = new.scales.firstIndex { $0.id == "peer" }!
        new.scales[peer].equivalenceKey = nil
        let diff = InstrumentDiff(old: old, new: new)
        #expect(diff.addedItems == ["extra"])
        #expect(diff.removedItems == ["burden"])
        #expect(diff.changedScores == [InstrumentDiff.Change(id: "emotion", details: ["minimum answered: 3 → 4"])])
        #expect(diff.comparability.contains(.comparableByDeclaration(old: "pemotion", new: "pemotion", changes: ["minimum answered: 3 → 4"])))
        #expect(diff.comparability.contains(.notComparable(old: "ppeer")))
        #expect(diff.comparability.contains(.comparable(old: "pconduct", new: "pconduct")))
    }

    @Test func twoToFourAndFourToSeventeenAreNotComparable() throws {
        let diff = InstrumentDiff(old: try loadInstrument("sdq-p2-4"), new: try loadInstrument("sdq-p4-17"))
        #expect(diff.comparability.allSatisfy { if case .notComparable = $0 { true } else { false } })
        #expect(diff.addedItems.contains("lies") && diff.removedItems.contains("argues"))
    }
}

import Testing
@testable import KortlaegDomain

/// Every expected value below is computed by hand from the rules in shared/specs/sdq.md
/// (youthinmind scoring syntax): scales need >= 3 of 5 answered, floor(5·S/k + 0.5);
/// reversed items (obeys, friend, popular, reflect, attends) score 2/1/0; total = the four
/// problem scales, missing if any is; impact recodes 0,1,2,3 -> 0,0,1,2.
struct SDQScoringTests {
    let parent: Scorer

    init() throws {
        parent = try Scorer(instrument: loadInstrument("sdq-p4-17"))
    }

    @Test func fourAnsweredSumTwoRoundsHalfUpToThree() {
        // emotion items somatic, worries, unhappy, clingy answered 1,1,0,0; afraid blank: S=2, k=4 -> 2.5 -> 3
        let s = score(parent, ["psomatic": 1, "pworries": 1, "punhappy": 0, "pclingy": 0])
        #expect(s["pemotion"] == 3)
    }

    @Test func twoAnsweredIsMissingAndMakesTotalMissing() {
        var values = Self.allZero
        values["psomatic"] = nil; values["pworries"] = nil; values["punhappy"] = nil
        let s = score(parent, values)
        #expect(s["pemotion"] == .some(nil))
        #expect(s["pebdtot"] == .some(nil))
        #expect(s["pintern"] == .some(nil))       // emotion + peer
        #expect(s["pextern"] == 6)                // conduct 2 (obeys reversed) + hyper 4 (reflect, attends reversed)
    }

    @Test func reversedItemsScoreTwoOneZero() {
        // All 25 items answered 0: reversed items each give 2.
        // conduct: obeys -> 2 => 2; hyper: reflect, attends -> 4; peer: friend, popular -> 4; emotion 0; prosocial 0
        let s = score(parent, Self.allZero)
        #expect(s["pconduct"] == 2)
        #expect(s["phyper"] == 4)
        #expect(s["ppeer"] == 4)
        #expect(s["pemotion"] == 0)
        #expect(s["pprosoc"] == 0)
        #expect(s["pebdtot"] == 10)   // 0 + 2 + 4 + 4
        #expect(s["pextern"] == 6)    // 2 + 4
        #expect(s["pintern"] == 4)    // 0 + 4
        // All answered 2: reversed give 0. conduct 8, hyper 6, peer 6, emotion 10, prosocial 10
        let high = score(parent, Self.allZero.mapValues { _ in 2 })
        #expect(high["pconduct"] == 8)
        #expect(high["phyper"] == 6)
        #expect(high["ppeer"] == 6)
        #expect(high["pemotion"] == 10)
        #expect(high["pprosoc"] == 10)
        #expect(high["pebdtot"] == 30)
    }

    @Test func reversedItemProratedWithMissing() {
        // hyper: restles 2, fidgety 1, reflect 0 (reversed -> 2), distrac and attends blank: S=5, k=3 -> 8.33 -> 8
        let s = score(parent, ["prestles": 2, "pfidgety": 1, "preflect": 0])
        #expect(s["phyper"] == 8)
    }

    @Test func impactIsZeroWhenNoDifficulties() {
        // ebddiff = 0 -> impact 0 whatever the impact items say
        let s = score(parent, ["pebddiff": 0, "pdistres": 3, "pimphome": 3])
        #expect(s["pimpact"] == 0)
    }

    @Test func impactSumsRecodedItemsCountingUnansweredAsZero() {
        // ebddiff 1; distres 2 -> 1, imphome 3 -> 2, impfrie 1 -> 0; impclas, impleis blank -> 0: impact 3
        let s = score(parent, ["pebddiff": 1, "pdistres": 2, "pimphome": 3, "pimpfrie": 1])
        #expect(s["pimpact"] == 3)
    }

    @Test func impactMissingWhenNoImpactItemAnswered() {
        #expect(score(parent, ["pebddiff": 2])["pimpact"] == .some(nil))
    }

    @Test func impactWithEbddiffMissingFollowsTheChosenSyntax() throws {
        // distres 3 -> 2, impclas 2 -> 1: Stata/SPSS syntax (default) sums to 3; R syntax gives missing
        let values = ["pdistres": 3, "pimpclas": 2]
        #expect(score(parent, values)["pimpact"] == 3)
        #expect(parent.ruleChoices["impact-when-ebddiff-missing"] == "sum")
        let rSyntax = try Scorer(instrument: parent.instrument,
                                 options: ScoringOptions(ruleChoices: ["impact-when-ebddiff-missing": "missing"]))
        #expect(score(rSyntax, values)["pimpact"] == .some(nil))
        // The R variant still scores when ebddiff is answered: ebddiff 3, distres 3 -> 2
        #expect(score(rSyntax, ["pebddiff": 3, "pdistres": 3])["pimpact"] == 2)
    }

    @Test func teacherImpactHasThreeItems() throws {
        // teacher: distres, impfrie (peer), impclas; all 3 -> 2 each: 6 (range 0-6)
        let teacher = try Scorer(instrument: loadInstrument("sdq-t4-17"))
        let s = score(teacher, ["tebddiff": 3, "tdistres": 3, "timpfrie": 3, "timpclas": 3])
        #expect(s["timpact"] == 6)
    }

    @Test func unknownRuleOptionIsRejected() throws {
        #expect(throws: ScoringOptionError.self) {
            try Scorer(instrument: parent.instrument, options: ScoringOptions(ruleChoices: ["impact-when-ebddiff-missing": "mean"]))
        }
        #expect(throws: ScoringOptionError.self) {
            try Scorer(instrument: parent.instrument, options: ScoringOptions(ruleChoices: ["nonsense": "x"]))
        }
    }

    @Test func outputOrderIsTheOfficialOne() {
        #expect(parent.scores.map(\.variable)
            == ["pemotion", "pconduct", "phyper", "ppeer", "pprosoc", "pebdtot", "pimpact", "pextern", "pintern"])
    }

    @Test func twoToFourUsesArguesAndSpite() throws {
        // P2-4 conduct: tantrum, obeys (rev), fights, argues, spite. All 1: 1+1+1+1+1 = 5
        let young = try Scorer(instrument: loadInstrument("sdq-p2-4"))
        let s = score(young, ["ptantrum": 1, "pobeys": 1, "pfights": 1, "pargues": 1, "pspite": 1])
        #expect(s["pconduct"] == 5)
    }

    static let allZero: [String: Int] = Dictionary(uniqueKeysWithValues: [
        "consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety", "friend",
        "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout", "reflect", "steals",
        "oldbest", "afraid", "attends",
    ].map { ("p" + $0, 0) })
}

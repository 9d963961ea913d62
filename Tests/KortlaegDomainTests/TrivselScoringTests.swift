import Testing
@testable import KortlaegDomain

/// The trivsel instrument files scored by hand. Rules (shared/specs/trivsel.md): items coded 1–5,
/// 5 = best; negatively worded items reversed as 6 − code; 0 ("Jeg ønsker ikke at svare") and
/// blank = missing; a mean needs at least ceil(n/2) answered items; categories by the unrounded
/// mean ≤2 | ≤3 | ≤4 | >4.
struct TrivselScoringTests {
    func scores(_ reference: String, _ raw: [String: String], unverified: Bool = false) throws -> [String: Double?] {
        let instrument = try loadInstrument(reference)
        let parser = AnswerParser(instrument: instrument)
        let answers = try instrument.items.enumerated().map { index, item in
            try parser.parse((raw[item.variable] ?? "")[...], item: index)
        }
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: unverified))
        let set = scorer.score(answers)
        var result: [String: Double?] = [:]
        for (index, definition) in scorer.scores.enumerated() { result[definition.id] = set.values[index] }
        return result
    }

    // MARK: - trivsel-udvalgte (verified: computed by default)

    @Test func selectedQuestionsEachScoredAndReversed() throws {
        // spm1 5 -> 5; spm2 4 -> 4; spm8 3 -> 3; spm9 (ensom, reversed) 2 -> 6-2 = 4;
        // spm14 (mobbet, reversed) 1 -> 5; tryg 5; hoerer_til 4; accepteret 2.
        // Mean (unofficial) = (5+4+3+4+5+5+4+2)/8 = 32/8 = 4.0
        let result = try scores("trivsel-udvalgte", ["spm1": "5", "spm2": "4", "spm8": "3", "spm9": "2", "spm14": "1",
                                                     "spm_tryg": "5", "spm_hoerer_til": "4", "spm_accepteret": "2"])
        #expect(result["glad_skole"] == 5)
        #expect(result["ensom"] == 4)
        #expect(result["mobbet"] == 5)
        #expect(result["accepteret"] == 2)
        #expect(result["gennemsnit"] == 4.0)
    }

    @Test func exactlyHalfAnsweredGivesTheMean() throws {
        // 4 of 8 answered = ceil(8/2): spm1 5, spm9 5 -> 1 (reversed), tryg 3, accepteret 4: (5+1+3+4)/4 = 3.25.
        let result = try scores("trivsel-udvalgte", ["spm1": "5", "spm9": "5", "spm_tryg": "3", "spm_accepteret": "4"])
        #expect(result["gennemsnit"] == 3.25)
        #expect(result["glad_klasse"] == .some(nil), "unanswered question: no score")
    }

    @Test func zeroIsNoAnswer() throws {
        // Same as above but accepteret = 0 ("Jeg ønsker ikke at svare"): 3 of 8 < 4 -> mean missing;
        // the question's own score is missing too, never 0.
        let result = try scores("trivsel-udvalgte", ["spm1": "5", "spm9": "5", "spm_tryg": "3", "spm_accepteret": "0"])
        #expect(result["gennemsnit"] == .some(nil))
        #expect(result["accepteret"] == .some(nil))
        #expect(result["glad_skole"] == 5)
    }

    @Test func selectedQuestionsPairAcrossOccasions() throws {
        let instrument = try loadInstrument("trivsel-udvalgte")
        let keys = instrument.scales.compactMap(\.equivalenceKey)
        #expect(keys.count == instrument.scales.count, "every score has an equivalence key")
        #expect(Set(keys).count == keys.count)
        #expect(instrument.scales.allSatisfy { $0.verified == true })
        #expect(instrument.scales.last?.label.text(.danish).contains("uofficielt") == true)
    }

    // MARK: - trivsel-4-9 (memberships unverified: opt-in only)

    @Test func indicatorsNeedOptIn() throws {
        let answers = ["spm1": "5", "spm2": "5", "spm9": "1", "spm14": "1", "spm_tryg": "5", "spm_hoerer_til": "5",
                       "spm_accepteret": "5"]
        let plain = try scores("trivsel-4-9", answers)
        #expect(plain["social"] == .some(nil), "unverified membership: not computed without opt-in")
        // Opted in: social = glad_skole 5, glad_klasse 5, ensom 1 -> 5, mobbet 1 -> 5, tryg 5, hoerer_til 5,
        // accepteret 5: mean 5.0.
        #expect(try scores("trivsel-4-9", answers, unverified: true)["social"] == 5.0)
        let instrument = try loadInstrument("trivsel-4-9")
        #expect(instrument.scales.allSatisfy { $0.verified == false && ($0.source ?? "").contains("NOT officially documented") })
    }

    @Test func socialIndicatorByHand() throws {
        // Social has 7 items, needs ceil(7/2) = 4. Answered: spm1 4, spm9 4 -> 2 (reversed), spm14 0 (no answer),
        // tryg 3, accepteret 5 -> 4 answered: (4+2+3+5)/4 = 3.5. Category: 3 < 3.5 <= 4 -> "over 3–4".
        let result = try scores("trivsel-4-9", ["spm1": "4", "spm9": "4", "spm14": "0", "spm_tryg": "3",
                                                "spm_accepteret": "5"], unverified: true)
        #expect(result["social"] == 3.5)
        // Only 3 answered -> missing.
        let fewer = try scores("trivsel-4-9", ["spm1": "4", "spm9": "4", "spm_tryg": "3"], unverified: true)
        #expect(fewer["social"] == .some(nil))
    }

    @Test(arguments: [(2.0, "cat1_2"), (2.04, "cat2_3"), (3.0, "cat2_3"), (3.25, "cat3_4"), (4.0, "cat3_4"),
                      (4.01, "cat4_5"), (5.0, "cat4_5"), (1.0, "cat1_2")])
    func categoriesBinTheUnroundedMean(value: Double, label: String) throws {
        // ≤2 | ≤3 | ≤4 | >4 on the unrounded mean (spec); 2.04 is above 2, so "over 2–3".
        let instrument = try loadInstrument("trivsel-4-9")
        let lookup = BandLookup(instrument: instrument)
        #expect(lookup.band(table: lookup.tables[0], scoreID: "social", value: value)?.label == label)
    }

    // MARK: - trivsel-0-3

    @Test func youngerPupilsNonOfficialMeanCodedOneToThree() throws {
        // 17 items, needs 9. Nine answered: spm1 3, spm2 3, spm3 (alene, reversed) 1 -> 3, spm4 2, spm5 3,
        // spm6 (reversed) 3 -> 1, spm7 (reversed) 2 -> 2, spm8 2, spm9 0 (no answer), spm10 1 -> 9 answered:
        // (3+3+3+2+3+1+2+2+1)/9 = 20/9.
        let answers = ["spm1": "3", "spm2": "3", "spm3": "1", "spm4": "2", "spm5": "3", "spm6": "3", "spm7": "2",
                       "spm8": "2", "spm9": "0", "spm10": "1"]
        #expect(try scores("trivsel-0-3", answers)["gennemsnit_ikke_officiel"] == .some(nil), "non-official: opt-in")
        let value = try #require(try scores("trivsel-0-3", answers, unverified: true)["gennemsnit_ikke_officiel"] ?? nil)
        #expect(abs(value - 20.0 / 9.0) < 1e-12)
    }

    @Test func altid5IsMarkedUnconfirmed() throws {
        let instrument = try loadInstrument("trivsel-4-9")
        let altid = try #require(instrument.answerScales.first { $0.id == "altid5" })
        #expect(altid.verified == false)
        #expect(instrument.items.filter { $0.position == nil }.map(\.id)
            == ["tryg", "hoerer_til", "laerer_skaber_ro", "accepteret", "toiletter"])
    }
}

import Foundation
import Testing
import KortlaegDomain
import KortlaegReaders
@testable import KortlaegProgress

/// The repository's parent SDQ (sdq-p4-17@1.0.0): UK 3-band and 4-band tables (youthinmind,
/// "Scoring the SDQ"), norm set uk-1999-parent with SDs by sex only (total difficulties: boys 6.0,
/// girls 5.5; emotional symptoms 2.0 and 2.0; "sdqinfo.org UK norms (1999 survey)", as the
/// instrument file cites them) and no reliabilities.
private func sdqParent() throws -> Instrument {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return try InstrumentCatalog.load(directory: root.appendingPathComponent("Instruments").path).resolve("sdq-p4-17@1.0.0")
}

struct ProgressSettingsTests {
    @Test(arguments: [("pebdtot=0.80", "pebdtot", 0.8), ("pebdtot=0,80", "pebdtot", 0.8), (" emotion = 5 ", "emotion", 5.0)])
    func assignmentsAreScoreEqualsNumber(_ text: String, _ score: String, _ value: Double) throws {
        #expect(try ProgressSettings.assignments([text], of: .reliability) == [.init(score: score, value: value)])
    }

    @Test(arguments: ["pebdtot", "=0.8", "pebdtot=high"])
    func malformedAssignmentsSayWhatIsExpected(_ text: String) {
        #expect(throws: ProgressSettingsError.malformedAssignment(.standardDeviation, text: text)) {
            try ProgressSettings.assignments([text], of: .standardDeviation)
        }
        #expect(ProgressSettingsError.malformedAssignment(.standardDeviation, text: text).description
                == "--sd '\(text)' must be SCORE=NUMBER, e.g. --sd pebdtot=0.80.")
    }

    /// Defaults: the first band table (uk-3band), its labels in the requested language, the
    /// emotional symptoms bands 0–3 normal, 4 borderline, 5–10 abnormal; no reliability anywhere;
    /// no norm SD unless a norm set is chosen (the UK sets are not verified); with `--norm-set
    /// uk-1999-parent` the norm SDs by sex, marked not verified; without norm data no SD.
    @Test func defaultsComeFromTheInstrumentData() throws {
        let unchosen = try ProgressSettings().scores(for: try sdqParent(), language: .danish).scores
        #expect(unchosen.first { $0.definition.id == "emotion" }?.standardDeviation
                == .unavailable(reason: "no norm SD for pemotion; give --sd pemotion=SD or --sd-from-baseline, "
                                + "or choose a norm set with --norm-set (uk-1999-parent)"))
        let (scores, notes) = try ProgressSettings(normSetID: "uk-1999-parent").scores(for: try sdqParent(), language: .danish)
        #expect(notes.count == 2 && notes[0] == .bands(table: "uk-3band", normSet: LocalizedText(["en": "UK community sample (youthinmind)", "da": "britisk befolkningsudsnit (youthinmind)"]), cutoffLevel: 2))
        guard case let .normSet(id, source, verified) = notes[1] else { Issue.record("no norm set note: \(notes)"); return }
        #expect(id == "uk-1999-parent" && !verified && source.text(.english).contains("www.sdqinfo.org/norms") && source.text(.danish).hasPrefix("Sekundær kilde:"))
        let emotion = try #require(scores.first { $0.definition.id == "emotion" })
        #expect(emotion.bandTable == "uk-3band" && emotion.cutoffLevel == 2)
        #expect(emotion.bands?.map { "\($0.band.minimum)-\($0.band.maximum) \($0.label)" }
                == ["0.0-3.0 normalt", "4.0-4.0 grænseområde", "5.0-10.0 afvigende"])
        #expect(emotion.reliability == nil)
        #expect(emotion.reliabilitySource == "not entered in the instrument data; give --reliability pemotion=R")
        #expect(emotion.standardDeviation == .bySex(["male": 2.0, "female": 2.0], source: "norm set uk-1999-parent, by sex, not verified"))
        let total = try #require(scores.first { $0.definition.variable == "pebdtot" })
        #expect(total.standardDeviation == .bySex(["male": 6.0, "female": 5.5], source: "norm set uk-1999-parent, by sex, not verified"))

        var withoutNorms = try sdqParent()
        withoutNorms.normSets = nil
        let bare = try ProgressSettings().scores(for: withoutNorms, language: .english).scores
        #expect(bare.first { $0.definition.id == "emotion" }?.standardDeviation
                == .unavailable(reason: "no norm SD for pemotion; give --sd pemotion=SD or --sd-from-baseline"))
    }

    /// The UK teacher norm set (docs/shared specs: Qual Life Res 2016 Table 2, n = 8208): total
    /// difficulties SD 6.0, hyperactivity 2.8; no peer problems SD in it.
    @Test func theTeacherNormSetGivesOneSDForEveryChild() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let teacher = try InstrumentCatalog.load(directory: root.appendingPathComponent("Instruments").path).resolve("sdq-t4-17@1.0.0")
        let scores = try ProgressSettings(normSetID: "uk-1999-teacher").scores(for: teacher, language: .english).scores
        #expect(scores.first { $0.definition.id == "ebdtot" }?.standardDeviation == .fixed(6.0, source: "norm set uk-1999-teacher, not verified"))
        #expect(scores.first { $0.definition.id == "hyper" }?.standardDeviation == .fixed(2.8, source: "norm set uk-1999-teacher, not verified"))
        #expect(scores.first { $0.definition.id == "peer" }?.standardDeviation
                == .unavailable(reason: "no norm SD for tpeer; give --sd tpeer=SD or --sd-from-baseline"))
    }

    /// Given constants win over the norm data; a score may be named by id or variable, and the last
    /// one given for a score wins.
    @Test func givenConstantsWin() throws {
        let settings = ProgressSettings(bandTableID: "band4",
                                        reliabilities: [.init(score: "pebdtot", value: 0.8), .init(score: "ebdtot", value: 0.85)],
                                        standardDeviations: [.init(score: "pebdtot", value: 5.8)], sdFromBaseline: true, cutoffLevel: 3)
        let (scores, notes) = try settings.scores(for: try sdqParent(), language: .english)
        #expect(notes == [.bands(table: "uk-4band", normSet: LocalizedText(["en": "UK community sample (youthinmind)", "da": "britisk befolkningsudsnit (youthinmind)"]), cutoffLevel: 3)])
        let total = try #require(scores.first { $0.definition.variable == "pebdtot" })
        #expect(total.reliability == 0.85 && total.reliabilitySource == "given with --reliability")
        #expect(total.standardDeviation == .fixed(5.8, source: "given with --sd"))
        #expect(scores.first { $0.definition.id == "emotion" }?.standardDeviation == .baseline)
        #expect(total.bandTable == "uk-4band" && total.cutoffLevel == 3)
    }

    @Test func unknownNamesAreExplained() throws {
        let instrument = try sdqParent()
        #expect(throws: ProgressSettingsError.unknownBandTable(instrument: "sdq-p4-17@1.0.0", id: "uk-5band",
                                                                 available: ["uk-3band", "uk-4band"])) {
            try ProgressSettings(bandTableID: "uk-5band").scores(for: instrument, language: .danish)
        }
        #expect(ProgressSettingsError.unknownBandTable(instrument: "sdq-p4-17@1.0.0", id: "uk-5band", available: ["uk-3band", "uk-4band"])
                    .description == "sdq-p4-17@1.0.0 has no band table 'uk-5band'; it has uk-3band, uk-4band.")
        #expect(throws: ProgressSettingsError.unknownNormSet(instrument: "sdq-p4-17@1.0.0", id: "dk-2010", available: ["uk-1999-parent"])) {
            try ProgressSettings(normSetID: "dk-2010").scores(for: instrument, language: .danish)
        }
        let typo = ProgressSettings(reliabilities: [.init(score: "pebdtt", value: 0.8)])
        #expect(throws: ProgressSettingsError.unknownScore(.reliability, instrument: "sdq-p4-17@1.0.0", name: "pebdtt", suggestion: "pebdtot")) {
            try typo.scores(for: instrument, language: .danish)
        }
        #expect(ProgressSettingsError.unknownScore(.reliability, instrument: "sdq-p4-17@1.0.0", name: "pebdtt", suggestion: "pebdtot")
                    .description == "--reliability: sdq-p4-17@1.0.0 has no score 'pebdtt'. Did you mean 'pebdtot'?")
        #expect(ProgressSettingsError.unknownNormSet(instrument: "x@1", id: "n", available: []).isUsageError)
        #expect(!ProgressSettingsError.unscorableInstrument(instrument: "x@1", reason: "r").isUsageError)
    }
}

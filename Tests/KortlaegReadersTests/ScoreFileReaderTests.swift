import Foundation
import KortlaegDomain
import Testing
import KortlaegTestSupport
@testable import KortlaegReaders

/// The `kortlaeg score` file format written by ``ScoreJob`` and read back by ``ScoreFileReader``.
///
/// Scores by hand (youthinmind, "Scoring the SDQ for age 4-17", sdqinfo.org): every item 1 gives
/// every scale 5 (a reversed 1 is 2 − 1 = 1) and total difficulties 20; every item 0 gives emotion 0,
/// conduct 2 (`obeys` reversed), total 10. A code 3 is not an SDQ answer: the row is rejected.
struct ScoreFileReaderTests {
    static let items = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
                        "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
                        "reflect", "steals", "oldbest", "afraid", "attends"]

    /// Scores a raw parent file (ids a, b, c; class kept) with ``ScoreJob`` and returns the score file's path.
    func scored(in folder: URL) throws -> (path: String, instrument: Instrument) {
        let instrument = try loadCatalog().resolve("sdq-p4-17@1.0.0")
        let raw = folder.appendingPathComponent("raw.csv")
        let header = ["barn_id", "klasse"] + Self.items.map { "p" + $0 } + ["pebddiff"]
        func row(_ id: String, _ code: Int) -> String { ([id, "4.b"] + Self.items.map { _ in String(code) } + ["0"]).joined(separator: ",") }
        try ([header.joined(separator: ","), row("a", 1), row("b", 0), row("c", 3)].joined(separator: "\n") + "\n")
            .write(to: raw, atomically: true, encoding: .utf8)
        var configuration = ScoreJob.Configuration(inputPath: raw.path, instrument: instrument, idColumn: "barn_id")
        configuration.keepColumns = ["klasse"]
        let output = folder.appendingPathComponent("T1.csv")
        let writer = try CSVWriter(path: output.path)
        _ = try ScoreJob(configuration).run(output: writer, rejected: { _ in })
        return (output.path, instrument)
    }

    func folder() throws -> URL {
        let url = try makeTemporaryFolder("kortlaeg-scorefile")
        return url
    }

    @Test func whatScoreJobWritesReadsBack() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (path, instrument) = try scored(in: folder)
        let header = try CSVReader(path: path).header
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions())
        // The layout: id, kept columns, scores, one band column per score and band table, status.
        #expect(header == ScoreFileFormat.header(scorer: scorer, bands: BandLookup(instrument: instrument), idName: "barn_id",
                                                 keptColumns: ["klasse"]))
        #expect(Array(header.prefix(3)) == ["barn_id", "klasse", "pemotion"] && header.last == "status")
        #expect(header.contains("pemotion_band3") && header.contains("pemotion_band4"))

        let contents = try ScoreFileReader(instrument: instrument, idColumn: "barn_id").read(path: path)
        #expect(contents.rows.map(\.id) == ["a", "b", "c"])
        #expect(contents.attributeColumns == ["klasse"])
        #expect(contents.rows.map(\.status) == [.complete, .complete, .rejected])
        #expect(contents.rows[0].scores["emotion"] == 5 && contents.rows[0].scores["ebdtot"] == 20)
        #expect(contents.rows[1].scores["emotion"] == 0 && contents.rows[1].scores["conduct"] == 2 && contents.rows[1].scores["ebdtot"] == 10)
        #expect(contents.rows[2].scores["emotion"] == .some(nil))
        #expect(contents.rejectedRows == 1)
        // Observations leave the rejected row out.
        #expect(contents.observations == [
            ChildObservation(id: "a", attributes: ["klasse": "4.b"], values: contents.rows[0].scores.compactMapValues { $0 }),
            ChildObservation(id: "b", attributes: ["klasse": "4.b"], values: contents.rows[1].scores.compactMapValues { $0 }),
        ])
    }

    /// A follow-up version's file keyed by the base version's score ids (declared equivalence keys).
    @Test func aFollowUpVersionIsReadAgainstTheBaseVersion() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let catalog = try loadCatalog()
        let base = try catalog.resolve("sdq-p4-17@1.0.0"), followUp = try catalog.resolve("sdq-p4-17-fu@1.0.0")
        let scorer = try Scorer(instrument: followUp, options: ScoringOptions())
        let emotion = try #require(scorer.scores.first { $0.id == "emotion" })
        let path = folder.appendingPathComponent("F1.csv").path
        try "id,\(emotion.variable),status\nx,3,complete\n".write(toFile: path, atomically: true, encoding: .utf8)
        let contents = try ScoreFileReader(instrument: followUp, target: base).read(path: path)
        let target = try #require(try Scorer(instrument: base, options: ScoringOptions()).scores.first { $0.equivalenceKey == emotion.equivalenceKey })
        #expect(contents.rows.first?.scores == [target.id: 3])
    }

    @Test func problemsNameTheFileRowAndColumn() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let instrument = try loadCatalog().resolve("sdq-p4-17@1.0.0")
        let path = folder.appendingPathComponent("x.csv").path
        try "barn_id;pemotion;status\nb1;4,0;complete\nb2;fire;complete\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ScoreFileError.notANumber(file: path, row: 2, column: "pemotion", value: "fire")) {
            try ScoreFileReader(instrument: instrument).read(path: path)
        }
        // Double("nan"), Double("inf") and Double("0x10") are numbers to Swift, not scores.
        for text in ["nan", "NaN", "inf", "-Infinity", "0x10", "1e999"] {
            try "barn_id;pemotion;status\nb1;\(text);complete\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(throws: ScoreFileError.notANumber(file: path, row: 1, column: "pemotion", value: text)) {
                try ScoreFileReader(instrument: instrument).read(path: path)
            }
        }
        try "barn_id;pemotion;status\nb1; 2,5 ;complete\nb2;-1e1;complete\nb3;4;complete\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ScoreFileReader(instrument: instrument).read(path: path).rows.map { $0.scores["emotion"] ?? nil } == [2.5, -10, 4])
        #expect(throws: ScoreFileError.missingIDColumn(file: path, name: "barnid", suggestion: "barn_id", header: ["barn_id", "pemotion", "status"])) {
            try ScoreFileReader(instrument: instrument, idColumn: "barnid").read(path: path)
        }
        let teacher = try loadCatalog().resolve("sdq-t4-17@1.0.0")
        let error = try #require(throws: ScoreFileError.self) { try ScoreFileReader(instrument: teacher).read(path: path) }
        #expect(error.description.hasSuffix("no score column of sdq-t4-17@1.0.0 (expected e.g. temotion, tconduct, thyper). Is this a file written by 'kortlaeg score' with --instrument sdq-t4-17?"))
        // A decimal comma is read (semicolon-separated files from Danish Excel).
        try "barn_id;pemotion;status\nb1;4,5;complete\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try ScoreFileReader(instrument: instrument).read(path: path).rows.first?.scores["emotion"] == 4.5)
    }
}

/// A score cell read from bytes as `Double(text.trimmingCharacters(in: .whitespaces)
/// .replacingOccurrences(of: ",", with: "."))` reads it (the String path it replaced).
struct ScoreCellTests {
    static func cell(_ text: String) -> ScoreCell {
        Array(text.utf8).withUnsafeBufferPointer { ScoreCell($0) }
    }

    /// The String path, written out: the oracle for every case below.
    static func oracle(_ text: String) -> ScoreCell {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .empty }
        return Double(trimmed.replacingOccurrences(of: ",", with: ".")).map(ScoreCell.value) ?? .invalid
    }

    @Test(arguments: ["12", " 12 ", "\t3,5", "-1.25e-3", "", "   ", "\u{00A0}7\u{00A0}", "\u{2003}8", "x1", "1,2,3", "+4", "ø"])
    func readsAsTheStringPath(_ text: String) {
        #expect(Self.cell(text) == Self.oracle(text), "\(text.debugDescription)")
    }

    @Test func valuesByHand() {
        #expect(Self.cell(" 3,5\t") == .value(3.5))
        #expect(Self.cell("\u{00A0}7") == .value(7))  // a no-break space is whitespace too
        #expect(Self.cell("") == .empty)
        #expect(Self.cell("to") == .invalid)
        #expect(Array(" a b ".utf8).withUnsafeBufferPointer { ScoreCell.trimmed($0) } == "a b")
    }
}

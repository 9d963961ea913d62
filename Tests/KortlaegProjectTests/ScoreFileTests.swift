import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// The `score` use case on small files. Expected scores by hand from youthinmind's "Scoring the
/// SDQ for age 4-17" (`../shared/specs/sdq.md`) and the UK 3-band and 4-band cut-offs of
/// `Instruments/sdq/sdq-p4-17@1.0.0.json`.
struct ScoreFileTests {
    // Row A: all 25 items 1 (a reversed 1 is 2 − 1 = 1): each scale 5, total 20, externalising
    //   and internalising 10; ebddiff 0 → impact 0.
    // Row B: emotion items somatic 1, worries 1, unhappy 0, clingy 0, afraid blank: 4 answered,
    //   S = 2 → floor(5·2/4 + 0.5) = 3; the other scales have no answers → missing; total missing;
    //   ebddiff 1, distres 3 → 2: impact 2.
    // Row C: pobeys = 3 on a 0–2 item → rejected, not scored.
    static let rows: [[String]] = [
        ["A"] + Array(repeating: "1", count: 25) + ["0", "", "", "", "", ""],
        ["B", "", "", "1", "", "", "", "", "1", "", "", "", "", "0", "", "", "0", "", "", "", "", "", "", "", "", "",
         "1", "3", "", "", "", ""],
        ["C"] + ["1", "1", "1", "1", "1", "1", "3"] + Array(repeating: "1", count: 18) + ["0", "", "", "", "", ""],
    ]

    func writeInput(_ folder: URL, delimiter: String = ",") throws -> String {
        let path = folder.appendingPathComponent("in.csv").path
        let header = ["id"] + sdqItems.map { "p" + $0 }
        try (([header] + Self.rows).map { $0.joined(separator: delimiter) }.joined(separator: "\n") + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func scoresBandsStatusAndRejectsIntoFiles() throws {
        let folder = try useCaseFolder()
        let input = try writeInput(folder)
        let output = folder.appendingPathComponent("out.csv").path
        let sink = CollectingSink()
        let result = try ScoreFile.run(ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                                         output: .file(output)), sink: sink)
        #expect(result.severity == .rowsRejected)
        #expect(result.rowsRead == 3 && result.rowsComplete == 1 && result.rowsIncomplete == 1 && result.rowsRejected == 1)
        #expect(result.instrument == InstrumentReference(id: "sdq-p4-17", version: "1.0.0"))
        #expect(result.ruleChoices == ["impact-when-ebddiff-missing": "sum"])
        let rejects = folder.appendingPathComponent("out-rejects.csv").path
        #expect(result.rejectsPath == rejects)

        let written = try lines(of: output)
        #expect(written.count == 4)
        // Parent 3-band: emotion 5 abnormal (5–10), conduct 5 abnormal (4–10), hyper 5 normal (0–5),
        // peer 5 abnormal (4–10), prosocial 5 borderline (5), total 20 abnormal (17–40), impact 0 normal.
        // 4-band: emotion 5 high, conduct 5 high, hyper 5 close to average, peer 5 very high,
        // prosocial 5 very low, total 20 very high, impact 0 close to average.
        #expect(written[1] == "A,5,5,5,5,5,20,0,10,10,abnormal,high,abnormal,high,normal,close to average,abnormal,very high,borderline,very low,abnormal,very high,normal,close to average,complete")
        #expect(written[2] == "B,3,,,,,,2,,,normal,close to average,,,,,,,,,,,abnormal,high,incomplete")
        #expect(written[3] == "C" + String(repeating: ",", count: 23) + ",rejected")
        #expect(try String(contentsOfFile: rejects, encoding: .utf8)
            == "file,row,line,column,value,reason\n\(input),3,4,pobeys,3,\"expected one of 0, 1, 2 or blank\"\n")

        #expect(sink.notes.contains("instrument sdq-p4-17@1.0.0; rules: impact-when-ebddiff-missing=sum"))
        #expect(sink.notes.contains("rows read: 3, scored: 2 (complete 1, incomplete 1), rejected: 1"))
        #expect(sink.notes.last == "rejected rows are listed in \(rejects)")
        #expect(!FileManager.default.fileExists(atPath: output + ".partial"))
    }

    /// To a handle (as the command line's stdout) in Danish, with ';' input: the rejected row's
    /// problem goes through the sink, located.
    @Test func toAHandleInDanishProblemsThroughTheSink() throws {
        let folder = try useCaseFolder()
        let input = try writeInput(folder, delimiter: ";")
        let output = folder.appendingPathComponent("stdout.csv").path
        #expect(FileManager.default.createFile(atPath: output, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: output))
        let sink = CollectingSink()
        let result = try ScoreFile.run(ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                                         output: .handle(handle), language: .danish), sink: sink)
        try handle.close()
        #expect(result.severity == .rowsRejected && result.rejectsPath == nil)
        #expect(try lines(of: output)[1].hasPrefix("A,5,5,5,5,5,20,0,10,10,afvigende,højt,"))
        #expect(sink.notes.contains("\(input):4: row 3: error: pobeys '3': expected one of 0, 1, 2 or blank"))
        #expect(sink.notes.contains { $0.hasPrefix("\(input): ") && $0.contains("';' (semicolon) separated (detected)") })
        #expect(sink.notes.last == "rejected rows are listed above")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.csv", "stdout.csv"])
    }

    /// ebddiff blank and distres 3 → 2: the default (Stata/SPSS syntax) sums the impact items,
    /// `impact-when-ebddiff-missing=missing` (R syntax) leaves impact missing.
    @Test(arguments: [([], "X,,,,,,,2,"), (["impact-when-ebddiff-missing=missing"], "X,,,,,,,,")] as [([String], String)])
    func ruleVariantForImpact(_ rule: [String], _ expected: String) throws {
        let rules = try RuleChoices(parsing: rule)
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("impact.csv").path
        try "id,pebddiff,pdistres\nX,,3\n".write(toFile: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.csv").path
        let result = try ScoreFile.run(ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                                         output: .file(output), scoring: rules.scoringOptions()), sink: CollectingSink())
        #expect(result.severity == .success)
        #expect(try lines(of: output)[1].hasPrefix(expected))
    }

    @Test func keptColumnsFollowTheID() throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("keep.csv").path
        try "elev,klasse,pconsid,pshares,pcaring,pkind,phelpout\nS,4.b,2,2,1,1,0\n".write(toFile: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.csv").path
        var request = ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments, output: .file(output))
        request.keepColumns = ["klasse"]
        _ = try ScoreFile.run(request, sink: CollectingSink())
        let written = try lines(of: output)
        #expect(written[0].hasPrefix("elev,klasse,pemotion,"))
        // prosocial: 2 + 2 + 1 + 1 + 0 = 6.
        #expect(written[1].hasPrefix("S,4.b,,,,,6,"))
    }

    /// A wrong option value, each with the message that names it.
    enum WrongOption: CaseIterable, Sendable {
        case instrument, ruleChoice

        func apply(to request: inout ScoreFile.Request) {
            switch self {
            case .instrument: request.instrument = "sdq-p4-71"
            case .ruleChoice: request.scoring = ScoringOptions(ruleChoices: ["impact-when-ebddiff-missing": "zero"])
            }
        }

        var message: String {
            switch self {
            case .instrument: "Unknown instrument 'sdq-p4-71'. Did you mean 'sdq-p4-17'?"
            // The choices of the instrument's rule option, in its file's order.
            case .ruleChoice: "Rule option 'impact-when-ebddiff-missing' has no choice 'zero'; choose one of sum, missing."
            }
        }
    }

    @Test(arguments: WrongOption.allCases)
    func usageErrorsLeaveNothingBehind(_ wrong: WrongOption) throws {
        let folder = try useCaseFolder()
        let input = try writeInput(folder)
        var request = ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                        output: .file(folder.appendingPathComponent("out.csv").path))
        wrong.apply(to: &request)
        let error = expectFailure { () throws(KortlaegError) in try ScoreFile.run(request, sink: CollectingSink()) }
        #expect(error?.severity == .usage)
        #expect(error?.message.hasPrefix(wrong.message) == true, "\(error?.message ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["in.csv"])
    }

    @Test(arguments: [
        ("pipe", nil, "comma", "Unknown --delimiter 'pipe'. Please use comma, semicolon or tab."),
        (nil, "latin-2", "comma", "Unknown --encoding 'latin-2'. Please use utf-8, utf-16le, utf-16be or windows-1252."),
        ("tab", "utf-8", "||", "Unknown --output-delimiter '||'. Please use comma or semicolon."),
    ] as [(String?, String?, String, String)])
    func unknownSeparatorsAndEncodingsAreUsageErrors(_ delimiter: String?, _ encoding: String?, _ output: String, _ message: String) {
        let error = expectFailure { () throws(KortlaegError) in
            try ScoreFile.CSVOptions(delimiter: delimiter, encoding: encoding, outputDelimiter: output)
        }
        #expect(error?.severity == .usage && error?.message == message)
    }

    /// A separator and encoding given instead of detected: ';' and Windows-1252 ("Søren", ø = 0xF8).
    @Test func givenSeparatorAndEncoding() throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("cp1252.csv").path
        let bytes = Array("elev;pconsid;pshares;pcaring;pkind;phelpout\r\nS".utf8) + [0xF8] + Array("ren;2;2;1;1;0\r\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: input))
        let output = folder.appendingPathComponent("out.csv").path
        var request = ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments, output: .file(output))
        request.csv = try ScoreFile.CSVOptions(delimiter: "semicolon", encoding: "windows-1252", outputDelimiter: "semicolon")
        let result = try ScoreFile.run(request, sink: CollectingSink())
        #expect(result.dialect.contains("windows-1252") || result.dialect.contains("Windows-1252"), "\(result.dialect)")
        // prosocial: 2 + 2 + 1 + 1 + 0 = 6.
        #expect(try lines(of: output)[1].hasPrefix("Søren;;;;;6;"))
    }

    @Test func missingInputIsNotFound() {
        let error = expectFailure { () throws(KortlaegError) in
            try ScoreFile.run(ScoreFile.Request(input: "/nonexistent/x.csv", instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                                output: .file("/nonexistent/out.csv")), sink: CollectingSink())
        }
        #expect(error?.severity == .notFound && error?.message == "/nonexistent/x.csv: no such file.")
    }

    /// An unterminated quote: the file cannot be read as a whole, and neither the output nor a
    /// temporary file is left.
    @Test func unreadableInputLeavesNoOutput() throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("broken.csv").path
        try "id,pconsid\nA,1\nB,\"2\n".write(toFile: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.csv").path
        let error = expectFailure { () throws(KortlaegError) in
            try ScoreFile.run(ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                                output: .file(output)), sink: CollectingSink())
        }
        #expect(error?.severity == .invalidInput && error?.message.contains("broken.csv") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.csv"])
    }
}

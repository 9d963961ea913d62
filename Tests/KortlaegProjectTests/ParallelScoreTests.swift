import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// `score` on several threads must write exactly what it writes on one: the same output bytes,
/// the same rejects report (order, row and line numbers), the same counts and notes. The oracle
/// is the sequential path (`threads: 1`); chunks of 1 to 64 records put hundreds of chunk
/// boundaries through files with quoted line breaks, doubled quotes, CRLF, a BOM, empty lines,
/// ragged rows, invalid answers and missing data.
struct ParallelScoreTests {
    /// A parent SDQ file of `rows` rows with a kept column, and every irregularity a CSV may have.
    /// With `quotes: false`, no field is quoted (the plain path of the block reader and cutter).
    static func tricky(rows: Int, seed: UInt64, delimiter: String, newline: String, bom: Bool, quotes: Bool = true) -> [UInt8] {
        var random = SplitMix(state: seed)
        let items = sdqItems.map { "p" + $0 }
        var text = (["id", "klasse", "kommune"] + items).joined(separator: delimiter) + newline
        for row in 1...rows {
            var id = "elev-\(row)"
            switch random.next(12) {
            case 0...1 where !quotes: id = "elev-\(row)-æ"
            case 3 where !quotes: id = ""
            case 0: id = "\"elev-\(row)\(newline)anden linje\""    // a quoted line break
            case 1: id = "\"elev \"\"\(row)\"\"\(delimiter) x\""   // doubled quotes and the delimiter
            case 2: id = "=HYPERLINK(\(row))"                      // a formula cell, neutralised
            case 3: id = "\"\""                                    // a quoted empty id
            default: break
            }
            let klasse = random.next(5) == 0 && quotes ? "\"3\(newline)b\"" : "\(random.next(9))a"
            // The site column (read as the site): now and then a site the rules refuse (a colon).
            let kommune = random.next(20) == 0 ? "Aarhus:Nord" : (random.next(2) == 0 ? "Aarhus" : "Odense")
            var answers = items.indices.map { _ -> String in
                switch random.next(200) {
                case 0...29: return ""                 // unanswered (missing data)
                case 30: return "3"                    // out of range: rejected
                case 31: return "x"                    // not a code: rejected
                case 32...35: return quotes ? "\"1\"" : "1"  // quoted code
                case 36...38: return " NA"             // a missing code (--missing-codes NA)
                default: return String(random.next(3))
                }
            }
            if random.next(30) == 0 { answers.removeLast(random.next(5) + 1) }  // a ragged row
            text += ([id, klasse, kommune] + answers).joined(separator: delimiter) + newline
            if random.next(25) == 0 { text += newline }                          // an empty line
        }
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    struct Run: Equatable, CustomStringConvertible {
        var output: [UInt8]
        var rejects: [UInt8]?
        var counts: [Int]
        var notes: [String]

        /// Short, so that a failure shows where the runs part instead of every byte.
        var description: String {
            "\(output.count) output bytes, \(rejects?.count ?? 0) rejects bytes, counts \(counts), \(notes.count) notes"
        }

        /// Where `other` first differs from this run.
        func difference(from other: Run) -> String {
            func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
                let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
                return "at byte \(index): \(String(decoding: a[index..<min(a.count, index + 80)], as: UTF8.self).debugDescription) vs \(String(decoding: b[index..<min(b.count, index + 80)], as: UTF8.self).debugDescription)"
            }
            if output != other.output { return "output " + firstDifference(output, other.output) }
            if rejects != other.rejects { return "rejects " + firstDifference(rejects ?? [], other.rejects ?? []) }
            if counts != other.counts { return "counts \(counts) vs \(other.counts)" }
            return "notes \(notes.filter { !other.notes.contains($0) }) vs \(other.notes.filter { !notes.contains($0) })"
        }
    }

    func score(_ input: String, folder: URL, threads: Int, chunkRows: Int?, language: Language = .english,
               toHandle: Bool = false) throws -> Run {
        let output = folder.appendingPathComponent("out.csv").path
        let sink = CollectingSink()
        var request = ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                        output: .file(output), language: language)
        var handle: FileHandle?
        if toHandle {
            #expect(FileManager.default.createFile(atPath: output, contents: nil))
            handle = try #require(FileHandle(forWritingAtPath: output))
            request.output = .handle(handle!)
        }
        request.keepColumns = ["klasse"]
        request.missingCodes = MissingCode.list("NA")
        request.threads = threads
        request.chunkRows = chunkRows
        let result = try ScoreFile.run(request, sink: sink)
        try handle?.close()
        let rejects = result.rejectsPath.map { FileManager.default.contents(atPath: $0).map { Array($0) } ?? [] }
        if let path = result.rejectsPath { try FileManager.default.removeItem(atPath: path) }
        defer { try? FileManager.default.removeItem(atPath: output) }
        return Run(output: Array(try #require(FileManager.default.contents(atPath: output))), rejects: rejects,
                   counts: [result.rowsRead, result.rowsComplete, result.rowsIncomplete, result.rowsRejected],
                   notes: sink.notes + sink.messages.filter { $0.kind == .warning }.map(\.text))
    }

    @Test(arguments: [
        (",", "\n", false), (";", "\r\n", true), (",", "\r\n", false), ("\t", "\n", true),
    ] as [(String, String, Bool)])
    func manyChunksWriteWhatOneThreadWrites(_ delimiter: String, _ newline: String, _ bom: Bool) throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("in.csv").path
        let rows = 500
        #expect(FileManager.default.createFile(
            atPath: input, contents: Data(Self.tricky(rows: rows, seed: UInt64(rows) &+ UInt64(newline.utf8.count), delimiter: delimiter, newline: newline, bom: bom))))
        let sequential = try score(input, folder: folder, threads: 1, chunkRows: nil)
        // The file really has what the comparison is about.
        #expect(sequential.counts[0] == rows)
        #expect(sequential.counts[1] > 0 && sequential.counts[2] > 0 && sequential.counts[3] > 40)
        let rejects = String(decoding: try #require(sequential.rejects), as: UTF8.self)
        #expect(rejects.contains("(row)") && rejects.contains(",x,"))
        #expect(String(decoding: sequential.output, as: UTF8.self).contains("anden linje"))
        for (threads, chunkRows) in [(2, 1), (2, 3), (3, 7), (2, 64), (2, nil)] as [(Int, Int?)] {
            let parallel = try score(input, folder: folder, threads: threads, chunkRows: chunkRows)
            #expect(parallel == sequential, "threads \(threads), chunks of \(chunkRows.map(String.init) ?? "default") rows: \(parallel == sequential ? "" : parallel.difference(from: sequential))")
        }
    }

    /// A file without quotes (most exports): blocks are cut with memchr and split in one pass.
    @Test func plainFileWritesWhatOneThreadWrites() throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("in.csv").path
        let bytes = Self.tricky(rows: 600, seed: 21, delimiter: ";", newline: "\n", bom: true, quotes: false)
        #expect(!bytes.contains(UInt8(ascii: "\"")) && !bytes.contains(0x0D))
        #expect(FileManager.default.createFile(atPath: input, contents: Data(bytes)))
        let sequential = try score(input, folder: folder, threads: 1, chunkRows: nil)
        #expect(sequential.counts[0] == 600)
        #expect(sequential.counts[3] > 40, "rejected rows")
        for (threads, chunkRows) in [(2, 1), (2, 5), (3, 64), (2, nil)] as [(Int, Int?)] {
            let parallel = try score(input, folder: folder, threads: threads, chunkRows: chunkRows)
            #expect(parallel == sequential, "threads \(threads), chunks of \(chunkRows.map(String.init) ?? "default") rows: \(parallel == sequential ? "" : parallel.difference(from: sequential))")
        }
    }

    /// To a handle, in Danish: the problems go through the sink, located, in the same order.
    @Test func problemsThroughTheSinkInTheSameOrder() throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("in.csv").path
        #expect(FileManager.default.createFile(
            atPath: input, contents: Data(Self.tricky(rows: 300, seed: 15, delimiter: ",", newline: "\n", bom: false))))
        let sequential = try score(input, folder: folder, threads: 1, chunkRows: nil, language: .danish, toHandle: true)
        #expect(sequential.notes.filter { $0.contains(": error: ") }.count > 20, "\(sequential.notes.count) notes")
        let parallel = try score(input, folder: folder, threads: 2, chunkRows: 4, language: .danish, toHandle: true)
        #expect(parallel == sequential, "\(parallel == sequential ? "" : parallel.difference(from: sequential))")
    }

    /// Windows-1252 input is decoded before it is cut into chunks.
    @Test func windows1252() throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("in.csv").path
        let text = String(decoding: Self.tricky(rows: 200, seed: 7, delimiter: ";", newline: "\r\n", bom: false), as: UTF8.self)
            .replacingOccurrences(of: "elev-", with: "elev-æøå-")
        #expect(FileManager.default.createFile(atPath: input, contents: text.data(using: .windowsCP1252)))
        let sequential = try score(input, folder: folder, threads: 1, chunkRows: nil)
        #expect(String(decoding: sequential.output, as: UTF8.self).contains("elev-æøå-"))
        let parallel = try score(input, folder: folder, threads: 2, chunkRows: 5)
        #expect(parallel == sequential, "\(parallel == sequential ? "" : parallel.difference(from: sequential))")
    }

    /// A file that cannot be read to its end fails in the same way, leaving nothing behind.
    /// (An unclosed quote; a byte that is not UTF-8 in a file said to be UTF-8.)
    @Test(arguments: [(Array("\"open quote\n".utf8), nil), ([0x31, 0x2C, 0xFF, 0x0A], "utf-8")] as [([UInt8], String?)])
    func unreadableTailIsTheSameError(_ tail: [UInt8], _ encoding: String?) throws {
        let folder = try useCaseFolder()
        let input = folder.appendingPathComponent("bad.csv").path
        let bytes = Self.tricky(rows: 120, seed: 3, delimiter: ",", newline: "\n", bom: false) + tail
        #expect(FileManager.default.createFile(atPath: input, contents: Data(bytes)))
        func failure(threads: Int) -> String? {
            var request = ScoreFile.Request(input: input, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                            output: .file(folder.appendingPathComponent("out.csv").path))
            request.threads = threads
            request.chunkRows = 2
            if let encoding { request.csv = try! ScoreFile.CSVOptions(encoding: encoding) }
            return expectFailure { () throws(KortlaegError) in try ScoreFile.run(request, sink: CollectingSink()) }
                .map { "\($0.severity) \($0.message)" }
        }
        let sequential = try #require(failure(threads: 1))
        #expect(failure(threads: 2) == sequential)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.csv"])
    }
}

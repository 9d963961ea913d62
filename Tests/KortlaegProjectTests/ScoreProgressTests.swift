import Foundation
import KortlaegProject
import KortlaegTestSupport
import Testing

/// `kortlaeg score`'s progress line (issue 13): like `import`, the updates carry the file's bytes
/// read and its size, so ``ProgressLine`` shows a percentage and the time left. The line's text
/// itself is tested in ``ProgressLineTests``; here, that score's updates feed it (no timing).
struct ScoreProgressTests {
    /// Keeps every progress update.
    final class Recorder: ProgressSink, @unchecked Sendable {
        var updates: [ProgressUpdate] = []
        func report(_ message: Message) {}
        func progress(_ update: ProgressUpdate) { updates.append(update) }
        func endProgress() {}
    }

    /// 25,000 rows of the parent SDQ, every answer 1; returns the file and, for each row, the byte
    /// offset where it ends.
    static func file(rows: Int) throws -> (path: String, ends: [Int]) {
        let url = try useCaseFolder().appendingPathComponent("stor.csv")
        var text = (["id"] + sdqItems.map { "p" + $0 }).joined(separator: ",") + "\n"
        let answers = sdqItems.map { _ in "1" }.joined(separator: ",")
        var ends: [Int] = []
        var size = text.utf8.count
        for row in 1...rows {
            let line = "elev-\(row),\(answers)\n"
            text += line
            size += line.utf8.count
            ends.append(size)
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
        return (url.path, ends)
    }

    @Test(arguments: [1, 2])
    func updatesCarryBytesOfTheFileSize(threads: Int) throws {
        let (path, ends) = try Self.file(rows: 25_000)
        var request = ScoreFile.Request(input: path, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                        output: .handle(.nullDevice))
        request.threads = threads
        let recorder = Recorder()
        _ = try ScoreFile.run(request, sink: recorder)
        let size = ends.last!
        // Once before the first row, then every 10,000 rows.
        #expect(recorder.updates.map(\.records) == [0, 10_000, 20_000])
        #expect(recorder.updates.allSatisfy { $0.subject == path && $0.totalBytes == size })
        // The reader reads ahead in 64 KiB chunks: after row 10,000 it has read at least up to that
        // row's end and at most a few chunks more.
        for update in recorder.updates.dropFirst() {
            let bytes = try #require(update.bytes)
            let end = ends[update.records - 1]
            #expect(bytes >= end && bytes <= min(size, end + 4 * 65_536), "\(update.records) rows: \(bytes) bytes, row ends at \(end)")
        }
        // Fed to the progress line: a percentage and, 10 s in, the time left.
        let line = ProgressLine.text(recorder.updates[1], elapsed: 10)
        let percent = Int(Double(try #require(recorder.updates[1].bytes)) / Double(size) * 100)
        #expect(line.hasPrefix("\(path): 10000 records read, \(percent) %, about "), "\(line)")
        #expect(line.hasSuffix(" left"), "\(line)")
    }

    @Test func aWorkbookCountsRowsOnly() throws {
        var request = ScoreFile.Request(input: ScoreWorkbookTests.workbook, instrument: "sdq-p4-17", instruments: repositoryInstruments,
                                        output: .handle(.nullDevice))
        request.sheet = "Svar"
        let recorder = Recorder()
        _ = try ScoreFile.run(request, sink: recorder)
        #expect(recorder.updates == [ProgressUpdate(subject: ScoreWorkbookTests.workbook, records: 0)])
    }
}

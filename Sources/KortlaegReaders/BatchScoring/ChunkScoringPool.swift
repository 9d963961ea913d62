import Foundation

/// Worker threads that score chunks of records (``CSVRecordChunk``) and hand each chunk's
/// output back by its index, so the caller writes them in input order.
///
/// The caller reads, submits and writes on its own thread; it keeps at most a few chunks in
/// flight (``ScoreJob`` waits for the oldest before submitting more), so memory stays flat
/// whatever the file size. The callbacks of a run (rejects, progress, output) therefore all run
/// on the caller's thread, in the order the sequential path calls them.
final class ChunkScoringPool: @unchecked Sendable {
    /// What scoring one chunk produced.
    struct Result: Sendable {
        /// The encoded output rows.
        var output: [UInt8] = []
        /// The rows' problems, in row order.
        var rejections: [ScoreJob.Rejection] = []
        var complete = 0
        var incomplete = 0
        var rejected = 0
        /// Answers given as one of the missing codes.
        var missingAnswers = 0
    }

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [(index: Int, chunk: CSVRecordChunk)] = []
    private var results: [Int: Result] = [:]
    private var closed = false
    private var running = 0

    private let rowScorer: RowScorer
    private let encoder: CSVRecordEncoder

    /// Starts `workers` threads.
    init(rowScorer: RowScorer, encoder: CSVRecordEncoder, workers: Int) {
        self.rowScorer = rowScorer
        self.encoder = encoder
        running = workers
        for _ in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.name = "kortlaeg-score"
            thread.start()
        }
    }

    /// Queues chunk number `index` (0, 1, 2, … in input order).
    func submit(_ index: Int, _ chunk: CSVRecordChunk) {
        condition.lock()
        queue.append((index, chunk))
        condition.broadcast()
        condition.unlock()
    }

    /// The result of chunk `index`, waiting for it.
    func take(_ index: Int) -> Result {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let result = results.removeValue(forKey: index) { return result }
            condition.wait()
        }
    }

    /// The result of chunk `index` if it is ready.
    func takeIfReady(_ index: Int) -> Result? {
        condition.lock()
        defer { condition.unlock() }
        return results.removeValue(forKey: index)
    }

    /// Stops the workers (after the chunk each is scoring) and waits for them to end.
    func shutdown() {
        condition.lock()
        closed = true
        queue.removeAll()
        condition.broadcast()
        while running > 0 { condition.wait() }
        results.removeAll()
        condition.unlock()
    }

    private func work() {
        var scratch = rowScorer.makeScratch()
        while true {
            condition.lock()
            while queue.isEmpty, !closed { condition.wait() }
            if closed {
                running -= 1
                condition.broadcast()
                condition.unlock()
                return
            }
            let (index, chunk) = queue.removeFirst()
            condition.unlock()
            let result = Self.score(chunk, rowScorer: rowScorer, scratch: &scratch, encoder: encoder)
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Scores the records of `chunk` in order (on a worker, or inline for a file of one chunk).
    static func score(_ chunk: CSVRecordChunk, rowScorer: RowScorer, scratch: inout RowScorer.Scratch,
                      encoder: CSVRecordEncoder) -> Result {
        var row = encoder
        row.removeAll()
        row.reserveCapacity(chunk.byteCount + chunk.byteCount / 2)
        var result = Result()
        let missingBefore = scratch.missingAnswers
        chunk.forEachRecord { record, number, line in
            switch rowScorer.score(record, number: number, line: line, state: &scratch, into: &row) {
            case .complete: result.complete += 1
            case .incomplete: result.incomplete += 1
            case .rejected:
                result.rejected += 1
                result.rejections.append(contentsOf: scratch.problems)
            }
        }
        result.output = row.bytes
        result.missingAnswers = scratch.missingAnswers - missingBefore
        return result
    }
}

import Foundation

/// Worker threads that read and score blocks of whole records (``CSVReader/Block``) and hand
/// each block's output back by its index, so the caller writes them in input order.
///
/// The caller cuts blocks, submits and writes on its own thread; it keeps at most a few blocks
/// in flight (``ScoreJob`` waits for the oldest before submitting more), so memory stays flat
/// whatever the file size. The callbacks of a run (rejects, progress, output) therefore all run
/// on the caller's thread, in the order the sequential path calls them.
final class ChunkScoringPool: @unchecked Sendable {
    /// What scoring one chunk produced.
    struct Result: Sendable {
        /// The encoded output rows: the first `outputCount` bytes of `output` (the rest is room;
        /// hand the array back with ``ChunkScoringPool/recycle(_:)`` once written).
        var output: [UInt8] = []
        var outputCount = 0
        /// The rows' problems, in row order.
        var rejections: [ScoreJob.Rejection] = []
        var complete = 0
        var incomplete = 0
        var rejected = 0
        /// Answers given as one of the missing codes.
        var missingAnswers = 0
        /// The data records read.
        var records = 0
        /// Why the block could not be read to its end (after the rows before it were scored).
        var failure: CSVError?
    }

    // Everything below is guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [(index: Int, block: CSVReader.Block)] = []
    private var results: [Int: Result] = [:]
    private var closed = false
    private var running = 0
    /// Output buffers written and handed back, for the next blocks (at most a few).
    private var spare: [[UInt8]] = []

    private let rowScorer: RowScorer
    private let encoder: CSVRecordEncoder
    private let format: CSVReader.BlockFormat

    /// Starts `workers` threads.
    init(rowScorer: RowScorer, encoder: CSVRecordEncoder, format: CSVReader.BlockFormat, workers: Int) {
        self.rowScorer = rowScorer
        self.encoder = encoder
        self.format = format
        running = workers
        for _ in 0..<workers {
            let thread = Thread { [self] in work() }
            thread.name = "kortlaeg-score"
            thread.start()
        }
    }

    /// Queues block number `index` (0, 1, 2, … in input order).
    func submit(_ index: Int, _ block: CSVReader.Block) {
        condition.lock()
        queue.append((index, block))
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

    /// Hands back a block's output buffer (``Result/output``) once written: the next block is
    /// encoded into its memory instead of new memory zeroed and faulted in page by page.
    /// The buffer is moved out of `buffer` (left empty): a copy left with the caller would make
    /// the worker's first write copy it.
    func recycle(_ buffer: inout [UInt8]) {
        var moved: [UInt8] = []
        swap(&moved, &buffer)
        condition.lock()
        if spare.count < 4 { spare.append(moved) }
        condition.unlock()
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
        let rowScorer = self.rowScorer.copyForThread()
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
            let (index, block) = queue.removeFirst()
            var buffer = spare.popLast() ?? []
            condition.unlock()
            let result = Self.score(block, format: format, rowScorer: rowScorer, scratch: &scratch, encoder: encoder,
                                    buffer: &buffer)
            condition.lock()
            results[index] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Reads and scores the records of `block` in order (on a worker, or inline for a file of one
    /// block).
    static func score(_ block: CSVReader.Block, format: CSVReader.BlockFormat, rowScorer: RowScorer,
                      scratch: inout RowScorer.Scratch, encoder: CSVRecordEncoder) -> Result {
        var none: [UInt8] = []
        return score(block, format: format, rowScorer: rowScorer, scratch: &scratch, encoder: encoder, buffer: &none)
    }

    /// Reads and scores the records of `block`, encoding its rows into `buffer` (a recycled output
    /// buffer, moved in; empty: new memory).
    static func score(_ block: CSVReader.Block, format: CSVReader.BlockFormat, rowScorer: RowScorer,
                      scratch: inout RowScorer.Scratch, encoder: CSVRecordEncoder, buffer: inout [UInt8]) -> Result {
        var row = encoder
        row.reuse(&buffer)
        row.reserveCapacity(3 * block.bytes.count + 64 * block.records)
        var result = Result()
        let missingBefore = scratch.missingAnswers
        let reader = CSVReader(block: block, format: format)
        do {
            try reader.forEachRawRecord { number, line, record in
                result.records += 1
                switch rowScorer.score(record, number: number, line: line, state: &scratch, into: &row) {
                case .complete: result.complete += 1
                case .incomplete: result.incomplete += 1
                case .rejected:
                    result.rejected += 1
                    result.rejections.append(contentsOf: scratch.problems)
                }
            }
        } catch {
            result.failure = error as? CSVError ?? .unreadable(file: format.file, reason: "\(error)")
        }
        (result.output, result.outputCount) = row.takeStorage()
        result.missingAnswers = scratch.missingAnswers - missingBefore
        return result
    }
}

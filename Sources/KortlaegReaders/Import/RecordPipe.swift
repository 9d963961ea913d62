import Foundation

/// Runs a reader on a thread of its own and hands what it reads to the calling thread, in order
/// and in batches, so that parsing a file (libxml2 for ODM) overlaps mapping its records.
///
/// Memory is bounded: the reader waits while `capacity` batches are waiting. The reader's error
/// reaches the caller after every element read before it, as if the reader ran on the caller's
/// thread. When `consume` throws, the reader is cancelled (its next hand-off throws), the caller
/// waits for its thread to end, and `consume`'s error is rethrown unchanged.
final class RecordPipe<Element: Sendable>: @unchecked Sendable {
    /// Thrown to the reading thread once the caller has stopped.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private let batchSize: Int
    private let capacity: Int
    // Guarded by `condition`.
    private var queue: [(elements: [Element], bytesRead: Int?)] = []
    private var cancelled = false
    private var ended = false
    private var failure: (any Error)?
    // The reading thread's own.
    private var pending: [Element] = []
    private var bytesRead: (() -> Int?)?
    private var lastBytes: Int?
    // The calling thread's own: the bytes read when the batch being consumed was queued.
    private var consumedBytes: Int?

    private init(batchSize: Int, capacity: Int) {
        self.batchSize = batchSize
        self.capacity = capacity
    }

    /// Calls `read` on a new thread with a function that hands one element over and a function
    /// that takes the reader's count of bytes read; calls `consume` on this thread for each
    /// element, in order. `bytes` receives a function telling how many bytes of the file had
    /// been read when the element being consumed was handed over (for a progress line).
    static func run(batchSize: Int = 16, capacity: Int = 6,
                    read: @escaping @Sendable (_ send: (Element) throws -> Void, _ opened: (@escaping () -> Int?) -> Void) throws -> Void,
                    bytes: (@escaping () -> Int?) -> Void,
                    consume: (Element) throws -> Void) throws {
        let pipe = RecordPipe(batchSize: batchSize, capacity: capacity)
        bytes { pipe.consumedBytes }
        let reading = Thread {
            let outcome = Result { try read(pipe.send, { pipe.bytesRead = $0 }) }
            pipe.finish(outcome)
        }
        reading.stackSize = 8 << 20
        reading.start()
        try pipe.consume(consume)
    }

    // MARK: - The reading thread

    private func send(_ element: Element) throws {
        pending.append(element)
        if pending.count >= batchSize { try flush() }
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        // The reader's count, or the last one it gave (its reader may be gone at the end).
        let bytes = bytesRead?() ?? lastBytes
        lastBytes = bytes
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        queue.append((pending, bytes))
        pending = []
        pending.reserveCapacity(batchSize)
        condition.broadcast()
    }

    private func finish(_ outcome: Result<Void, any Error>) {
        var outcome = outcome
        if case .success = outcome {
            do { try flush() } catch { outcome = .failure(error) }
        } else {
            try? flush()
        }
        condition.lock()
        if case let .failure(error) = outcome { failure = error }
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - The calling thread

    private func consume(_ handle: (Element) throws -> Void) throws {
        while true {
            condition.lock()
            while queue.isEmpty && !ended { condition.wait() }
            if queue.isEmpty {
                let failure = failure
                condition.unlock()
                if let failure { throw failure }
                return
            }
            let batches = queue
            queue.removeAll(keepingCapacity: true)
            condition.broadcast()
            condition.unlock()
            do {
                for batch in batches {
                    consumedBytes = batch.bytesRead
                    for element in batch.elements { try handle(element) }
                }
            } catch {
                // Cancel the reading and wait until its thread has ended.
                condition.broadcast(after: { cancelled = true; queue.removeAll() }, thenWaitUntil: { ended })
                throw error
            }
        }
    }
}

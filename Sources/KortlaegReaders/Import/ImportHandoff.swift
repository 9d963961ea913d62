import Foundation
import KortlaegDomain
import Synchronization

/// Hands what an import finds from the thread that reads and maps the file to the thread that
/// called ``ImportJob/run(file:accept:reject:detected:instrumentChosen:progress:)``, in the
/// order it was found, so that reading and mapping on one core overlap storing or writing on
/// the other.
///
/// Memory is bounded: the reader waits while `capacity` batches are waiting, so at most
/// 3 × `capacity` + 2 batches exist (queued, in the caller's hands, handled and waiting to be
/// released — each reader hand-off releases those —, being filled). When the caller's
/// closure throws, the reader is cancelled (its next hand-off throws ``Cancelled``) and its
/// results are dropped. Asking (``ask(_:)``) waits until the caller has handled the event,
/// for the one callback whose answer the reading depends on (`instrumentChosen`).
///
/// Handled batches go back to the reading thread, which releases them at its next hand-off:
/// what it allocated is freed on its own thread, so the two threads do not take each other's
/// allocator locks for every record (glibc's arenas are per thread).
final class ImportHandoff<Prepared: Sendable>: @unchecked Sendable {
    /// What the reading found, in order.
    enum Event: Sendable {
        case accept(Accepted)
        case reject(MappingRejection)
        case detected(ImportFileReport)
        case instrumentChosen(Instrument)
        case progress(ImportJob.Progress)
    }

    /// An accepted response with its instrument and the work done ahead: one reference per
    /// event (taking a struct of this size out of an event copies each of its fields).
    final class Accepted: Sendable {
        let response: MappedResponse
        let instrument: SharedInstrument
        let prepared: Prepared
        init(_ response: MappedResponse, _ instrument: SharedInstrument, _ prepared: Prepared) {
            self.response = response
            self.instrument = instrument
            self.prepared = prepared
        }
    }

    /// The instrument of a run of responses, one reference for all of them (an `Instrument` is a
    /// struct of some twenty arrays and texts: copying it into every event retained each).
    final class SharedInstrument: Sendable {
        let instrument: Instrument
        init(_ instrument: Instrument) { self.instrument = instrument }
    }

    /// Thrown to the reading thread once the caller has stopped.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    /// The batches queued or in the caller's hands and not yet handled, readable without the
    /// lock (a hint for the reading thread).
    private let unhandled = Atomic<Int>(0)
    private let batchSize: Int
    private let capacity: Int
    // Guarded by `condition`.
    private var queue: [[Event]] = []
    /// Batches the caller has handled, for the reading thread to release.
    private var spent: [[Event]] = []
    private var cancelled = false
    private var answer: Result<Void, any Error>?
    private var outcome: Result<ImportFileReport, any Error>?
    // The reading thread's own.
    private var pending: [Event] = []

    init(batchSize: Int = 128, capacity: Int = 8) {
        self.batchSize = batchSize
        self.capacity = capacity
        pending.reserveCapacity(batchSize)
    }

    // MARK: - The reading thread

    /// Whether the calling thread has work waiting (two batches or more not yet handled): the
    /// reading thread is ahead, and work either thread may do is better done on the reading one.
    /// When it is false the caller is about to wait for the reader, which should leave such
    /// work to it.
    var callerIsBusy: Bool { unhandled.load(ordering: .relaxed) >= 2 }

    /// Queues an event; throws ``Cancelled`` once the caller has stopped.
    func send(_ event: Event) throws {
        pending.append(event)
        if pending.count >= batchSize { try flush() }
    }

    /// Queues an event that needs no answer and cannot fail (a cancelled one is dropped).
    func post(_ event: Event) {
        pending.append(event)
        if pending.count >= batchSize { try? flush() }
    }

    /// Queues an event and waits until the caller has handled it; its error is rethrown here.
    func ask(_ event: Event) throws {
        pending.append(event)
        try flush()
        condition.lock()
        defer { condition.unlock() }
        while answer == nil && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        let result = answer!
        answer = nil
        try result.get()
    }

    /// The reading's end: what is pending is queued (unless cancelled) and the outcome kept.
    func finish(_ result: Result<ImportFileReport, any Error>) {
        try? flush()
        condition.lock()
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        var released: [[Event]] = []
        // Released after the lock, on this thread, whatever happens below.
        defer { released.removeAll() }
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !cancelled { condition.wait() }
        swap(&released, &spent)
        if cancelled {
            pending.removeAll(keepingCapacity: true)
            throw Cancelled()
        }
        queue.append(pending)
        unhandled.add(1, ordering: .relaxed)
        pending = []
        pending.reserveCapacity(batchSize)
        condition.broadcast()
    }

    // MARK: - The calling thread

    /// Hands every event to `handle` in order until the reading ends, and returns its outcome.
    /// An event handled for ``ask(_:)`` answers with `handle`'s result; any other error from
    /// `handle` cancels the reading, waits for it to stop and is rethrown.
    func consume(_ handle: (Event) throws -> Void) throws -> ImportFileReport {
        while true {
            condition.lock()
            while queue.isEmpty && outcome == nil { condition.wait() }
            if queue.isEmpty, let outcome {
                condition.unlock()
                return try outcome.get()
            }
            var batches = queue
            queue.removeAll(keepingCapacity: true)
            condition.broadcast()
            condition.unlock()
            defer {
                // Back to the reading thread to be released there (see the type's note).
                condition.lock()
                if outcome == nil { spent.append(contentsOf: batches) }
                condition.unlock()
                batches.removeAll()
            }
            for batch in batches {
                for event in batch {
                    if case .instrumentChosen = event {
                        let result = Result { try handle(event) }
                        condition.lock()
                        answer = result
                        condition.broadcast()
                        condition.unlock()
                        continue
                    }
                    do {
                        try handle(event)
                    } catch {
                        stop()
                        throw error
                    }
                }
                unhandled.subtract(1, ordering: .relaxed)
            }
        }
    }

    /// Cancels the reading and waits until its thread has finished.
    private func stop() {
        condition.broadcast(after: { cancelled = true; queue.removeAll() }, thenWaitUntil: { outcome != nil })
    }
}

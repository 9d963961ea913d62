import Foundation
import KortlaegDomain
@testable import KortlaegReaders
import Synchronization
import Testing

/// An import reads and maps on one thread and stores or writes on the caller's. The hand-off
/// between them must keep the order, hold a bounded number of events whatever the file's size,
/// stop the reading when the caller fails, and answer the reading's one question
/// (`instrumentChosen`) before it reads on.
@Suite struct ImportHandoffTests {
    /// A value both threads read and write.
    private final class Shared<Value: Sendable>: Sendable {
        private let mutex: Mutex<Value>
        init(_ value: Value) { mutex = Mutex(value) }
        var value: Value { mutex.withLock { $0 } }
        func set(_ value: Value) { mutex.withLock { $0 = value } }
    }

    private static func progress(_ n: Int) -> ImportHandoff<Void>.Event {
        .progress(ImportJob.Progress(records: n, bytes: nil, totalBytes: nil))
    }

    private static func number(_ event: ImportHandoff<Void>.Event) -> Int? {
        if case let .progress(done) = event { return done.records }
        return nil
    }

    /// Runs `produce` on a thread as ``ImportJob`` does and hands its events to `handle`.
    private static func run(_ handoff: ImportHandoff<Void>, produce: @escaping @Sendable (ImportHandoff<Void>) throws -> ImportFileReport,
                            handle: (ImportHandoff<Void>.Event) throws -> Void) throws -> ImportFileReport {
        let thread = Thread { handoff.finish(Result { try produce(handoff) }) }
        thread.start()
        return try handoff.consume(handle)
    }

    @Test func everyEventArrivesInOrderAndTheOutcomeLast() throws {
        let handoff = ImportHandoff<Void>(batchSize: 7, capacity: 2)
        var seen: [Int] = []
        let report = try Self.run(handoff, produce: { handoff in
            for n in 0..<10_000 {
                if n % 3 == 0 { handoff.post(Self.progress(n)) } else { try handoff.send(Self.progress(n)) }
            }
            return ImportFileReport(file: "done")
        }, handle: { seen.append(Self.number($0)!) })
        #expect(seen == Array(0..<10_000))
        #expect(report.file == "done")
    }

    @Test func theReadingWaitsWhileTheQueueIsFull() throws {
        // batchSize 5, capacity 3: at most 3 batches in the caller's hands, 3 queued and 1 being
        // filled, so the reading is never more than 7 × 5 + 1 events ahead of the caller.
        let handoff = ImportHandoff<Void>(batchSize: 5, capacity: 3)
        let sent = Shared(0)
        var handled = 0
        var furthestAhead = 0
        _ = try Self.run(handoff, produce: { handoff in
            for n in 0..<5_000 {
                sent.set(sent.value + 1)
                try handoff.send(Self.progress(n))
            }
            return ImportFileReport(file: "done")
        }, handle: { _ in
            handled += 1
            furthestAhead = max(furthestAhead, sent.value - handled)
            if handled % 500 == 0 { Thread.sleep(forTimeInterval: 0.002) }
        })
        #expect(handled == 5_000)
        #expect(furthestAhead <= 7 * 5 + 1)
    }

    private struct Refused: Error {}

    @Test func aFailingCallerStopsTheReadingAndItsErrorIsThrown() throws {
        let handoff = ImportHandoff<Void>(batchSize: 10, capacity: 2)
        let sent = Shared(0)
        let readingStopped = Shared(false)
        var handled = 0
        #expect(throws: Refused.self) {
            _ = try Self.run(handoff, produce: { handoff in
                do {
                    for n in 0..<1_000_000 {
                        sent.set(sent.value + 1)
                        try handoff.send(Self.progress(n))
                    }
                } catch is ImportHandoff<Void>.Cancelled {
                    readingStopped.set(true)
                    throw ImportHandoff<Void>.Cancelled()
                }
                return ImportFileReport(file: "never")
            }, handle: { _ in
                handled += 1
                if handled == 25 { throw Refused() }
            })
        }
        // consume returns only after the reading has finished: no thread is left behind.
        #expect(readingStopped.value)
        #expect(sent.value <= 25 + 5 * 10 + 1)
    }

    @Test func aQuestionIsAnsweredBeforeTheReadingGoesOn() throws {
        let handoff = ImportHandoff<Void>(batchSize: 100, capacity: 4)
        let instrument = try loadCatalog().resolve("sdq-p4-17")
        var order: [String] = []
        let report = try Self.run(handoff, produce: { handoff in
            try handoff.send(Self.progress(1))
            do {
                try handoff.ask(.instrumentChosen(instrument))
                return ImportFileReport(file: "accepted")
            } catch is Refused {
                // The caller's answer, thrown here as the sequential import threw it.
                var report = ImportFileReport(file: "refused")
                report.failure = "refused"
                return report
            }
        }, handle: { event in
            switch event {
            case .progress: order.append("progress")
            case .instrumentChosen:
                order.append("chosen")
                throw Refused()
            default: order.append("other")
            }
        })
        #expect(order == ["progress", "chosen"])
        #expect(report.file == "refused")
    }
}

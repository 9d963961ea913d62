import Foundation
import Testing
@testable import KortlaegReaders

/// The hand-over from the thread that parses a file to the one that maps its records.
struct RecordPipeTests {
    struct ReadFailure: Error, Equatable { var after: Int }
    struct Stop: Error, Equatable {}

    /// Every element arrives once, in order, whatever the batch size and the queue's capacity.
    @Test(arguments: [(1, 1), (7, 2), (64, 8), (1_000, 1)])
    func everyElementArrivesInOrder(batchSize: Int, capacity: Int) throws {
        var received: [Int] = []
        try RecordPipe<Int>.run(batchSize: batchSize, capacity: capacity,
                                read: { send, _ in for value in 0..<2_500 { try send(value) } },
                                bytes: { _ in }, consume: { received.append($0) })
        #expect(received == Array(0..<2_500))
    }

    /// The reader's error comes after everything it read before it, unchanged.
    @Test func theReadersErrorComesAfterWhatItRead() throws {
        var received: [Int] = []
        #expect(throws: ReadFailure(after: 130)) {
            try RecordPipe<Int>.run(batchSize: 16, capacity: 2,
                                    read: { send, _ in
                                        for value in 0..<130 { try send(value) }
                                        throw ReadFailure(after: 130)
                                    },
                                    bytes: { _ in }, consume: { received.append($0) })
        }
        #expect(received == Array(0..<130))
    }

    /// When the caller stops, its error is rethrown and the reader is stopped too: it is not
    /// left reading the rest of the file (at most the queue's batches ahead).
    @Test func theCallersErrorStopsTheReader() throws {
        final class Counter: @unchecked Sendable {
            let lock = NSLock()
            var sent = 0
            var stoppedBy: (any Error)?
        }
        let counter = Counter()
        var received = 0
        #expect(throws: Stop()) {
            try RecordPipe<Int>.run(batchSize: 10, capacity: 2,
                                    read: { send, _ in
                                        do {
                                            for value in 0..<1_000_000 {
                                                try send(value)
                                                counter.lock.withLock { counter.sent += 1 }
                                            }
                                        } catch {
                                            counter.lock.withLock { counter.stoppedBy = error }
                                            throw error
                                        }
                                    },
                                    bytes: { _ in },
                                    consume: { _ in
                                        received += 1
                                        if received == 25 { throw Stop() }
                                    })
        }
        // run returned only after the reading thread ended.
        counter.lock.withLock {
            #expect(counter.stoppedBy is RecordPipe<Int>.Cancelled)
            // The caller takes the whole queue at once: element 25 is in the second take
            // (batches 3 and 4, up to 40); the queue then holds at most 2 more batches (20) and
            // the reader 9 unsent: 69 at most, of a million.
            #expect(counter.sent <= 40 + 2 * 10 + 9)
        }
    }

    /// The bytes read are those of the reader when the batch being consumed was handed over.
    @Test func bytesReadFollowTheConsumedBatch() throws {
        final class Position: @unchecked Sendable { var bytes = 0 }
        let position = Position()
        var tell: (() -> Int?)?
        var seen: [Int?] = []
        try RecordPipe<Int>.run(batchSize: 4, capacity: 1,
                                read: { send, opened in
                                    opened { position.bytes }
                                    for value in 1...12 {
                                        position.bytes = value * 100
                                        try send(value)
                                    }
                                },
                                bytes: { tell = $0 },
                                consume: { _ in seen.append(tell?()) })
        // Batches of four, handed over when the fourth element is sent: 400, 800, 1200.
        #expect(seen == [400, 400, 400, 400, 800, 800, 800, 800, 1_200, 1_200, 1_200, 1_200])
    }
}

import Dispatch
import Foundation

/// Hands `consume` the values `make(0)`, `make(1)`, …, `make(count - 1)` in order, making them a
/// batch at a time on another thread while the previous batch is consumed: on two cores the
/// making and the consuming overlap, and at most two batches are held at once (memory stays flat
/// in `count`).
///
/// `make` runs on another thread than the caller's and must only read what it captures (it is
/// never run on two threads at once). With one core, or one batch, everything runs in line.
package func forEachMadeAhead<Value, Failure: Error>(count: Int, batch: Int = 1024, make: @escaping (Int) -> Value,
                                                     _ consume: (Value) throws(Failure) -> Void) throws(Failure) {
    guard count > batch, ProcessInfo.processInfo.activeProcessorCount > 1 else {
        for index in 0..<count { try consume(make(index)) }
        return
    }
    let maker = MadeAheadJob<Value>.Maker(make: make)
    var current = MadeAheadJob<Value>(0..<min(batch, count), maker)
    while true {
        let values = current.wait()
        let nextStart = current.range.upperBound
        let next = nextStart < count ? MadeAheadJob<Value>(nextStart..<min(nextStart + batch, count), maker) : nil
        do {
            for value in values { try consume(value) }
        } catch {
            _ = next?.wait()  // no job outlives the call
            throw error
        }
        guard let next else { return }
        current = next
    }
}

/// One batch of ``forEachMadeAhead(count:batch:make:_:)``, made on a global queue.
private final class MadeAheadJob<Value>: @unchecked Sendable {
    /// The making function; only one job runs at a time, so it is never called concurrently.
    struct Maker: @unchecked Sendable {
        let make: (Int) -> Value
    }

    let range: Range<Int>
    private var values: [Value] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ range: Range<Int>, _ maker: Maker) {
        self.range = range
        DispatchQueue.global().async { [self] in
            values = range.map(maker.make)
            done.signal()
        }
    }

    /// The batch's values, once made (waits for them).
    func wait() -> [Value] {
        done.wait()
        done.signal()  // a second wait returns at once
        return values
    }
}

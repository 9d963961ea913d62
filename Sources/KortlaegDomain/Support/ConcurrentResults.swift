import Dispatch
import Foundation

/// One slot per job, filled from any thread (each slot once), read when all are done.
package final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    package init(count: Int) { slots = Array(repeating: nil, count: count) }

    package func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The values in job order (every slot filled: `concurrentPerform` returns after the last job).
    package var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}

/// `transform` of every index in `0..<count`, in index order, worked out on every core: the indices
/// are cut into a few runs per core, each run on one thread, and the runs' results joined in order.
/// `transform` must be pure (it is called from several threads, in no set order).
package func orderedConcurrentMap<Value: Sendable>(count: Int, _ transform: @Sendable (Int) -> Value) -> [Value] {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    guard count > 1, cores > 1 else { return (0..<count).map(transform) }
    let runs = min(count, cores * 4)
    let results = ConcurrentResults<[Value]>(count: runs)
    DispatchQueue.concurrentPerform(iterations: runs) { run in
        let start = run * count / runs, end = (run + 1) * count / runs
        results.set(run, (start..<end).map(transform))
    }
    return Array(results.values.joined())
}

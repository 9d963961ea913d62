import Foundation

extension NSCondition {
    /// Under the lock: makes `change`, wakes every waiting thread, then waits until `done` holds
    /// (a caller cancelling a reading thread and waiting for it to end).
    func broadcast(after change: () -> Void, thenWaitUntil done: () -> Bool) {
        lock()
        defer { unlock() }
        change()
        broadcast()
        while !done() { wait() }
    }
}

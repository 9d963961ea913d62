import Foundation
import KortlaegDomain

/// Who holds a project for writing, for the message a waiting writer gives up with.
///
/// SQLite in WAL mode takes the write lock as a POSIX advisory lock on byte 120 of the
/// `-shm` file (`WALINDEX_LOCK_OFFSET` + `WAL_WRITE_LOCK`, sqlite3.c); `fcntl(F_GETLK)` names
/// the process that holds it, and `/proc/PID/cmdline` what it runs. Nil when nobody holds it or
/// the system does not tell (another machine over a network share).
enum LockHolder {
    static func describe(project path: String) -> String? {
        let fd = open(path + "-shm", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var lock = flock()
        lock.l_type = Int16(F_WRLCK)
        lock.l_whence = Int16(SEEK_SET)
        lock.l_start = 120
        lock.l_len = 1
        guard fcntl(fd, F_GETLK, &lock) == 0, lock.l_type != Int16(F_UNLCK), lock.l_pid > 0 else { return nil }
        let pid = lock.l_pid
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"), !data.isEmpty else {
            return "process \(pid)"
        }
        // The command, without its file arguments' folders; a CPR number is never shown.
        let words = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        let shown = words.prefix(4).map { ($0 as NSString).lastPathComponent }.joined(separator: " ")
        return "process \(pid): \(CPRGuard.masked(shown))"
    }
}

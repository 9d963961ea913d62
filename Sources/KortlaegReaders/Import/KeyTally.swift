import Crypto
import Foundation
import KortlaegDomain

/// Counts exactly how often each key occurs in a stream of keys, in bounded memory: at most
/// ``Limits/keys`` keys (and ``Limits/bytes`` bytes of them) are held in memory; beyond that
/// they are sorted, collapsed to (key, count) and written as a sorted run to a private
/// temporary folder, and ``finish()`` merges the runs (at most ``Limits/fanIn`` at a time).
///
/// A key is kept as the first 128 bits of the HMAC-SHA-256 of its length-prefixed parts under a
/// random key made for this tally and never written anywhere: the child ids (which may be CPR
/// numbers) never reach the disk, and a run cannot be reversed by trying every CPR number. Two
/// keys are counted as the same when their 128-bit digests are equal (a chance collision is
/// about 2⁻¹²⁸ per pair: for ten million keys about 10⁻²⁵ — far below a disk error). A tally that never reached its limit touches no disk. The temporary
/// folder (mode 0700, in the system's temporary directory) holds digests only, never ids or
/// answers, and is removed by ``finish()`` or when the tally is released.
final class KeyTally {
    /// How much a tally may hold in memory and how many runs it merges at once.
    struct Limits: Sendable, Hashable {
        /// Keys held in memory before they are written as a run.
        var keys = 100_000
        /// Bytes of keys held in memory before they are written as a run (each key takes
        /// ``KeyTally/keySize`` bytes, whatever its parts).
        var bytes = 4 << 20
        /// Runs merged at once (each has an open file and a read buffer).
        var fanIn = 64
    }

    /// What a tally found.
    struct Counts: Sendable, Hashable {
        /// Keys added.
        var total = 0
        /// Different keys.
        var distinct = 0
        /// Keys added more than once.
        var repeatedKeys = 0
        /// Keys added that share their key with another: every occurrence of a repeated key, the first included.
        var sharing = 0
        /// Keys added that repeat an earlier one (``total`` − ``distinct``).
        var repeats: Int { total - distinct }

        mutating func count(_ occurrences: Int) {
            total += occurrences
            distinct += 1
            if occurrences > 1 {
                repeatedKeys += 1
                sharing += occurrences
            }
        }
    }

    /// How much work the tally did, for tests of its bound (not of its speed).
    struct Work: Sendable, Hashable {
        /// The most keys held in memory at once.
        var peakKeysInMemory = 0
        /// Sorted runs written to disk (by spilling and by intermediate merges).
        var runsWritten = 0
        /// Merge passes that wrote a run (more runs than ``Limits/fanIn``).
        var intermediateMerges = 0
        /// The most runs open at once.
        var peakRunsOpen = 0
    }

    let limits: Limits
    private(set) var work = Work()
    /// The keys held in memory, in the order added.
    private var keys: [Key] = []
    /// The length-prefixed parts of the key being added (reused).
    private var plain: [UInt8] = []
    private var runs: [URL] = []
    /// The temporary folder of the runs, while there are any.
    private(set) var folder: URL?
    private var nextRun = 0
    /// The digest key of this tally: random, in memory only.
    private let secret = SymmetricKey(size: .bits256)
    /// The HMAC keyed with ``secret`` once; each key copies it (keying costs two SHA-256 blocks).
    private lazy var keyed = HMAC<SHA256>(key: secret)

    /// Creates an empty tally.
    /// - Parameter limits: the memory bound; each limit is at least 1 (fan-in at least 2).
    init(limits: Limits = Limits()) {
        var limits = limits
        limits.keys = max(1, limits.keys)
        limits.bytes = max(1, limits.bytes)
        limits.fanIn = max(2, limits.fanIn)
        self.limits = limits
    }

    deinit { removeFolder() }

    /// The bytes a key takes in memory and in a run.
    static let keySize = 16

    /// A key's 128-bit digest; ordered as its big-endian bytes are.
    struct Key: Comparable {
        var high: UInt64
        var low: UInt64

        static func < (a: Key, b: Key) -> Bool { a.high != b.high ? a.high < b.high : a.low < b.low }

        /// Calls `body` with the key's 16 bytes, in the order ``Key/<`` sorts them.
        func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            var bigEndian = (high.bigEndian, low.bigEndian)
            return try withUnsafeBytes(of: &bigEndian) { try body($0.assumingMemoryBound(to: UInt8.self)) }
        }
    }

    /// Adds one occurrence of the key made of `part`.
    /// - Throws: ``CSVError/cannotWrite(file:reason:)`` when a run cannot be written.
    func add(_ part: String) throws {
        plain.removeAll(keepingCapacity: true)
        append(part)
        try addPlain()
    }

    /// Adds one occurrence of the key made of three parts (compared part by part, exactly).
    /// - Throws: ``CSVError/cannotWrite(file:reason:)`` when a run cannot be written.
    func add(_ first: String, _ second: String, _ third: String) throws {
        plain.removeAll(keepingCapacity: true)
        append(first)
        append(second)
        append(third)
        try addPlain()
    }

    /// Appends `part` to ``plain`` prefixed by its length, so ("ab", "c") and ("a", "bc") stay apart.
    private func append(_ part: String) {
        var part = part
        part.withUTF8 { utf8 in
            Self.appendVarint(utf8.count, to: &plain)
            plain.append(contentsOf: utf8)
        }
    }

    private func addPlain() throws {
        var hmac = keyed
        plain.withUnsafeBytes { hmac.update(data: $0) }
        let key = hmac.finalize().withUnsafeBytes { digest in
            Key(high: UInt64(bigEndian: digest.loadUnaligned(as: UInt64.self)),
                low: UInt64(bigEndian: digest.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
        keys.append(key)
        work.peakKeysInMemory = max(work.peakKeysInMemory, keys.count)
        if keys.count >= limits.keys || keys.count * Self.keySize >= limits.bytes { try spill() }
    }

    /// Counts every key added, merging the runs written so far, and removes the temporary folder.
    /// The tally is empty afterwards.
    /// - Throws: ``CSVError/cannotWrite(file:reason:)`` when a run cannot be written or read back.
    func finish() throws -> Counts {
        defer { removeFolder() }
        var counts = Counts()
        if runs.isEmpty {
            forEachCollapsed { _, occurrences in counts.count(occurrences) }
            keys = []
            return counts
        }
        if !keys.isEmpty { try spill() }
        keys = []
        while runs.count > limits.fanIn {
            // Merge the oldest runs into one until a single pass can count them all.
            let group = Array(runs.prefix(limits.fanIn))
            let merged = try newRunURL()
            let writer = try RunWriter(url: merged)
            try merge(group) { key, occurrences in try writer.write(key, count: occurrences) }
            try writer.close()
            for url in group { try? FileManager.default.removeItem(at: url) }
            runs = Array(runs.dropFirst(limits.fanIn)) + [merged]
            work.runsWritten += 1
            work.intermediateMerges += 1
        }
        try merge(runs) { _, occurrences in counts.count(occurrences) }
        runs = []
        return counts
    }

    // MARK: - In memory

    /// Calls `body` with each different key held in memory, in byte order, and its count.
    private func forEachCollapsed(_ body: (Key, Int) throws -> Void) rethrows {
        keys.sort()
        var index = 0
        while index < keys.count {
            let first = keys[index]
            var end = index + 1
            while end < keys.count, keys[end] == first { end += 1 }
            try body(first, end - index)
            index = end
        }
    }

    /// Writes the keys in memory as one sorted run of (key, count) and empties the buffer
    /// (keeping its capacity).
    private func spill() throws {
        let url = try newRunURL()
        let writer = try RunWriter(url: url)
        try forEachCollapsed { key, occurrences in try key.withBytes { try writer.write($0, count: occurrences) } }
        try writer.close()
        runs.append(url)
        work.runsWritten += 1
        keys.removeAll(keepingCapacity: true)
    }

    // MARK: - Runs

    /// Merges sorted runs, calling `body` once per different key with its summed count.
    private func merge(_ urls: [URL], _ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Void) throws {
        let readers = try urls.map { try RunReader(url: $0) }
        work.peakRunsOpen = max(work.peakRunsOpen, readers.count)
        // A binary min-heap of the readers that still have a key, ordered by their current key.
        var heap: [Int] = []
        for (index, reader) in readers.enumerated() {
            if try reader.advance() { heap.append(index) }
        }
        func less(_ a: Int, _ b: Int) -> Bool { Self.compare(readers[a].key, readers[b].key) < 0 }
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var smallest = parent
                if left < heap.count, less(heap[left], heap[smallest]) { smallest = left }
                if right < heap.count, less(heap[right], heap[smallest]) { smallest = right }
                if smallest == parent { return }
                heap.swapAt(parent, smallest)
                parent = smallest
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        let current = KeyBuffer()
        var occurrences = 0
        while let top = heap.first {
            let reader = readers[top]
            if occurrences > 0, Self.compare(current.key, reader.key) == 0 {
                occurrences += reader.count
            } else {
                if occurrences > 0 { try body(current.key, occurrences) }
                current.set(reader.key)
                occurrences = reader.count
            }
            if try reader.advance() {
                siftDown(0)
            } else {
                heap.swapAt(0, heap.count - 1)
                heap.removeLast()
                siftDown(0)
            }
        }
        if occurrences > 0 { try body(current.key, occurrences) }
    }

    private func newRunURL() throws -> URL {
        if folder == nil {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("kortlaeg-keys-\(CPRGuard.uniqueName())")
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw CSVError.cannotWrite(file: url.path, reason: WriteFailure.reason(error))
            }
            folder = url
        }
        nextRun += 1
        return folder!.appendingPathComponent("run-\(nextRun)")
    }

    private func removeFolder() {
        guard let folder else { return }
        try? FileManager.default.removeItem(at: folder)
        self.folder = nil
        runs = []
    }

    // MARK: - Encoding

    /// Byte order of two keys (shorter first on a common prefix).
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// Appends `value` as an unsigned LEB128 number.
    static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var value = UInt(value)
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}

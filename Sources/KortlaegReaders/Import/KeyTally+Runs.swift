import Foundation

// MARK: - Sorted runs on disk

extension KeyTally {
    /// The size of a run file's write and read buffers.
    static let runBufferSize = 1 << 16

    /// Writes one sorted run: each entry is the key's length (LEB128), the key's bytes and its
    /// count (LEB128).
    final class RunWriter {
        private let url: URL
        private let handle: FileHandle
        private var buffer: [UInt8] = []

        init(url: URL) throws {
            self.url = url
            guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
                  let handle = FileHandle(forWritingAtPath: url.path) else {
                throw CSVError.cannotWrite(file: url.path, reason: WriteFailure.reason(errno: errno) ?? "it cannot be created")
            }
            self.handle = handle
            buffer.reserveCapacity(KeyTally.runBufferSize + 64)
        }

        deinit { try? handle.close() }

        func write(_ key: UnsafeBufferPointer<UInt8>, count: Int) throws {
            KeyTally.appendVarint(key.count, to: &buffer)
            buffer.append(contentsOf: key)
            KeyTally.appendVarint(count, to: &buffer)
            if buffer.count >= KeyTally.runBufferSize { try flush() }
        }

        func close() throws {
            try flush()
            do { try handle.close() } catch {
                throw CSVError.cannotWrite(file: url.path, reason: WriteFailure.reason(error))
            }
        }

        private func flush() throws {
            guard !buffer.isEmpty else { return }
            do { try handle.write(contentsOf: buffer) } catch {
                throw CSVError.cannotWrite(file: url.path, reason: WriteFailure.reason(error))
            }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Reads one sorted run entry by entry; ``key`` and ``count`` are the current entry's.
    final class RunReader {
        private let url: URL
        private let handle: FileHandle
        private var buffer: [UInt8] = []
        private var position = 0
        private let current = KeyBuffer()
        /// The current key, valid until the next ``advance()``.
        var key: UnsafeBufferPointer<UInt8> { current.key }
        /// The current key's count.
        private(set) var count = 0

        init(url: URL) throws {
            self.url = url
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw CSVError.cannotWrite(file: url.path, reason: "the temporary file cannot be read back")
            }
            self.handle = handle
        }

        deinit { try? handle.close() }

        /// Moves to the next entry. - Returns: false at the end of the run.
        func advance() throws -> Bool {
            guard let length = try varint() else { return false }
            current.count = 0
            current.reserve(length)
            var remaining = length
            while remaining > 0 {
                if position == buffer.count { guard try refill() else { throw truncated() } }
                let take = min(remaining, buffer.count - position)
                buffer.withUnsafeBufferPointer { current.append(UnsafeBufferPointer(rebasing: $0[position..<position + take])) }
                position += take
                remaining -= take
            }
            guard let count = try varint() else { throw truncated() }
            self.count = count
            return true
        }

        private func varint() throws -> Int? {
            var value = 0
            var shift = 0
            while true {
                if position == buffer.count {
                    guard try refill() else {
                        if shift == 0 { return nil }
                        throw truncated()
                    }
                }
                let byte = buffer[position]
                position += 1
                value |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
        }

        private func refill() throws -> Bool {
            let data: Data?
            do { data = try handle.read(upToCount: KeyTally.runBufferSize) } catch {
                throw CSVError.cannotWrite(file: url.path, reason: "the temporary file cannot be read back: \(WriteFailure.reason(error))")
            }
            guard let data, !data.isEmpty else { return false }
            buffer = [UInt8](data)
            position = 0
            return true
        }

        private func truncated() -> CSVError {
            CSVError.cannotWrite(file: url.path, reason: "the temporary file was cut short")
        }
    }

    /// A growable byte buffer whose contents can be lent as a pointer without copying.
    final class KeyBuffer {
        private var storage: UnsafeMutablePointer<UInt8>
        private var capacity: Int
        var count = 0

        init() {
            capacity = 64
            storage = .allocate(capacity: capacity)
        }

        deinit { storage.deallocate() }

        /// The bytes, valid until the buffer is next changed.
        var key: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

        func reserve(_ needed: Int) {
            guard needed > capacity else { return }
            let grown = max(needed, capacity * 2)
            let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            new.update(from: storage, count: count)
            storage.deallocate()
            storage = new
            capacity = grown
        }

        func append(_ bytes: UnsafeBufferPointer<UInt8>) {
            reserve(count + bytes.count)
            if let base = bytes.baseAddress { (storage + count).update(from: base, count: bytes.count) }
            count += bytes.count
        }

        func set(_ bytes: UnsafeBufferPointer<UInt8>) {
            count = 0
            append(bytes)
        }
    }
}

import Foundation

/// Raw bytes in fixed-size chunks, from a file or from memory, so that memory stays flat in
/// the file's size.
final class ByteChunkSource {
    /// Why a file could not be opened or read; `reason` never contains file contents.
    struct Failure: Error {
        var reason: String
    }

    /// The default chunk size, 64 KiB.
    static let defaultChunkSize = 64 * 1024

    private var handle: FileHandle?
    private var memory: [UInt8]
    private var memoryPosition = 0
    private let chunkSize: Int
    private(set) var reachedEnd = false
    /// The bytes handed out so far (for a progress line).
    private(set) var bytesRead = 0

    /// Opens `path` for reading.
    init(path: String, chunkSize: Int = ByteChunkSource.defaultChunkSize) throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(reason: "the file does not exist")
        }
        guard !isDirectory.boolValue else { throw Failure(reason: "it is a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(reason: "the file cannot be opened for reading (check its permissions)")
        }
        self.handle = handle
        self.memory = []
        self.chunkSize = chunkSize
    }

    /// Reads from bytes already in memory (tests, small inputs).
    init(bytes: [UInt8], chunkSize: Int = ByteChunkSource.defaultChunkSize) {
        self.memory = bytes
        self.chunkSize = chunkSize
    }

    deinit {
        try? handle?.close()
    }

    /// Returns the next chunk, or an empty array at the end of the input.
    func nextChunk() throws(Failure) -> [UInt8] {
        if reachedEnd { return [] }
        if let handle {
            // Read straight into the chunk's memory (no Data in between to copy from).
            let descriptor = handle.fileDescriptor
            let size = chunkSize
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: size) { memory, count in
                count = 0
                while count < size {
                    let got = read(descriptor, memory.baseAddress! + count, size - count)
                    if got > 0 {
                        count += got
                    } else if got == 0 {
                        break
                    } else if errno != EINTR {
                        failure = errno
                        break
                    }
                }
            }
            if failure != 0, chunk.isEmpty {
                throw Failure(reason: "reading failed (\(String(cString: strerror(failure))))")
            }
            guard !chunk.isEmpty else {
                reachedEnd = true
                return []
            }
            bytesRead += chunk.count
            return chunk
        }
        guard memoryPosition < memory.count else {
            reachedEnd = true
            return []
        }
        let end = min(memory.count, memoryPosition + chunkSize)
        defer { memoryPosition = end; bytesRead = end }
        return Array(memory[memoryPosition..<end])
    }
}

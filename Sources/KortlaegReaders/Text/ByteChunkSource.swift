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
            let data: Data?
            do {
                data = try handle.read(upToCount: chunkSize)
            } catch {
                throw Failure(reason: "reading failed (\(error.localizedDescription))")
            }
            guard let data, !data.isEmpty else {
                reachedEnd = true
                return []
            }
            bytesRead += data.count
            return [UInt8](data)
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

import Crypto
import Foundation

/// SHA-256 checksums of files, streamed in 1 MiB blocks.
public enum FileChecksum {
    /// The SHA-256 of the file at `path` as lower-case hex.
    /// - Throws: ``ExportError/cannotWrite(file:reason:)`` when the file cannot be read.
    public static func sha256(path: String) throws -> (hex: String, bytes: Int) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ExportError.cannotWrite(file: path, reason: "the file cannot be read back for its checksum")
        }
        defer { try? handle.close() }
        var hash = SHA256()
        var total = 0
        while let data = try handle.read(upToCount: 1 << 20), !data.isEmpty {
            hash.update(data: data)
            total += data.count
        }
        return (hash.finalize().map { String(format: "%02x", $0) }.joined(), total)
    }
}

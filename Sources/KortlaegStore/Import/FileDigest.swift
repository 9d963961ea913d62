import Crypto
import Foundation

/// SHA-256 of a file, read in 1 MiB chunks (memory stays flat).
public enum FileDigest {
    /// The lowercase hex SHA-256 of the file at `path`.
    /// - Throws: the file system's error when the file cannot be read.
    public static func sha256(path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
        }
        return Pseudonymizer.hex(hasher.finalize())
    }
}

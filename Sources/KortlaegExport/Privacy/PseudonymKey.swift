import Crypto
import Foundation

/// The project's secret key for pseudonyms (HMAC-SHA256 key). Never written anywhere by an export.
public struct PseudonymKey: Sendable {
    private let bytes: [UInt8]
    var key: SymmetricKey { SymmetricKey(data: bytes) }
    /// Whether the key was generated for this export only (then ids cannot be re-derived later).
    public let isEphemeral: Bool

    /// The shortest key accepted from a file.
    public static let minimumBytes = 16

    /// A random key for one export only.
    public static func ephemeral() -> PseudonymKey {
        PseudonymKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }, isEphemeral: true)
    }

    /// Creates a key from raw bytes (at least ``minimumBytes``).
    /// - Throws: ``ExportError/missingKey(reason:)`` when the key is too short.
    public init(bytes: [UInt8]) throws {
        guard bytes.count >= Self.minimumBytes else {
            throw ExportError.missingKey(reason: "The project key has \(bytes.count) bytes; at least \(Self.minimumBytes) are needed. Create one with: head -c 32 /dev/urandom | base64 > project.key")
        }
        self.init(bytes: bytes, isEphemeral: false)
    }

    /// Reads a key file (its bytes, trailing newline removed).
    /// - Throws: ``ExportError/missingKey(reason:)`` naming the file.
    public static func file(_ path: String) throws -> PseudonymKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExportError.missingKey(reason: "\(path): the key file cannot be read. Check the path given to --key-file.")
        }
        do {
            return try PseudonymKey(bytes: trimmed(Array(data)))
        } catch let error as ExportError {
            throw ExportError.missingKey(reason: "\(path): \(error.description)")
        }
    }

    private init(bytes: [UInt8], isEphemeral: Bool) {
        self.bytes = bytes
        self.isEphemeral = isEphemeral
    }

    /// A short fingerprint that tells keys apart in manifests without revealing them:
    /// the first 8 hex digits of SHA-256("kortlaeg-key-fingerprint" ‖ key).
    public var fingerprint: String {
        var hash = SHA256()
        hash.update(data: Array("kortlaeg-key-fingerprint".utf8))
        hash.update(data: bytes)
        return String(hash.finalize().map { String(format: "%02x", $0) }.joined().prefix(8))
    }

    static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return bytes
    }
}

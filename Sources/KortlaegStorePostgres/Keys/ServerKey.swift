import Crypto
import Foundation
import KortlaegStore

/// The server secret that wraps every project's pseudonymisation key in a PostgreSQL database.
///
/// A project's key is stored in its `project` row only as AES-256-GCM ciphertext under this
/// secret (bound to the project's name), so a database dump or backup alone reveals no key and so
/// no way to test a CPR number against the pseudonyms. The secret lives in a key file beside the
/// Kortlæg installations that use the database (`KORTLAEG_KEY_FILE`), never in the database
/// (docs/decisions/postgres.md). The file holds 64 hex digits; it must be readable by its owner only.
package struct ServerKey: Sendable {
    private let bytes: [UInt8]
    /// The key file it was read from.
    package let path: String

    /// A short public fingerprint (16 hex digits) stored beside each wrapped key, so that a wrong
    /// key file is named as such.
    package var fingerprint: String {
        var hash = SHA256()
        hash.update(data: Array("kortlaeg-server-key-id:".utf8) + bytes)
        return Pseudonymizer.hex(hash.finalize().prefix(8))
    }

    /// The key file named by `KORTLAEG_KEY_FILE`, else `~/.config/kortlaeg/postgres.key`.
    package static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["KORTLAEG_KEY_FILE"], !path.isEmpty { return path }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.config/kortlaeg/postgres.key"
    }

    /// Reads the key file.
    /// - Throws: ``StoreError/database(_:)`` saying what is wrong with the file and what to do.
    package static func load(path: String) throws -> ServerKey {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let data = FileManager.default.contents(atPath: path) else {
            throw StoreError.database("the server key file \(path) is missing. Every Kortlæg that uses this database needs the same key file (set KORTLAEG_KEY_FILE to its path); the first 'kortlaeg init postgres://…' creates it")
        }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw StoreError.database("the server key file \(path) may be read by others; allow its owner only (chmod 600 \(path))")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let bytes = hexBytes(text), bytes.count == 32 else {
            throw StoreError.database("the server key file \(path) does not hold a key (64 hex digits)")
        }
        return ServerKey(bytes: bytes, path: path)
    }

    /// Creates a key file with a fresh random secret (mode 600). Never overwrites a file.
    package static func create(path: String) throws -> ServerKey {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError.database("the folder \(folder) for the server key file cannot be created: \(error.localizedDescription)")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data((Pseudonymizer.hex(bytes) + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.database("the server key file \(path) cannot be written")
        }
        return ServerKey(bytes: bytes, path: path)
    }

    /// The project key sealed for `project`: nonce, ciphertext and tag.
    package func wrap(_ projectKey: Data, project: String) throws -> Data {
        let sealed = try AES.GCM.seal(projectKey, using: SymmetricKey(data: bytes),
                                      authenticating: Data(Self.binding(project).utf8))
        return sealed.combined!
    }

    /// The project key, or nil when this secret did not seal it for `project`.
    package func unwrap(_ wrapped: Data, project: String) -> Data? {
        guard let box = try? AES.GCM.SealedBox(combined: wrapped) else { return nil }
        return try? AES.GCM.open(box, using: SymmetricKey(data: bytes), authenticating: Data(Self.binding(project).utf8))
    }

    private static func binding(_ project: String) -> String { "kortlaeg-project-key:\(project)" }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case 48...57: digit - 48
        case 97...102: digit - 87
        case 65...70: digit - 55
        default: nil
        }
    }
}

import KortlaegDomain
import Crypto
import Foundation

/// Replaces child ids with pseudonyms: HMAC-SHA256(project key, salt ‖ 0x00 ‖ id), the first
/// 64 bits as 16 hex digits in groups of four (`3f2a-09bc-77de-a104`).
///
/// The grouping keeps every pseudonym free of six consecutive digits, so a pseudonym can never
/// look like a CPR number (see `CPRNumber`). 64 bits make a collision among 100,000 children
/// about 1 in 3.7 million (birthday bound n²/2⁶⁵).
public struct Pseudonymizer: Sendable {
    private let key: PseudonymKey
    private let salt: PseudonymSalt
    /// The HMAC keyed once and fed the salt and the separator, copied per id (keying it is two
    /// SHA-256 blocks per child otherwise; the salt is the same for every id).
    private let keyed: Keyed

    /// HMAC is not Sendable; a keyed state is only ever copied, never shared mutably.
    private struct Keyed: @unchecked Sendable {
        let initial: HMAC<SHA256>
    }

    /// Creates a pseudonymizer from the project key and this export's salt.
    public init(key: PseudonymKey, salt: PseudonymSalt) {
        self.key = key
        self.salt = salt
        var initial = HMAC<SHA256>(key: key.key)
        initial.update(data: salt.bytes)
        initial.update(data: Self.separator)
        keyed = Keyed(initial: initial)
    }

    /// How the salt was chosen.
    public var saltMode: PseudonymSalt.Mode { salt.mode }
    /// The key's fingerprint (see ``PseudonymKey/fingerprint``).
    public var keyFingerprint: String { key.fingerprint }
    /// Whether the key lives only for this export.
    public var keyIsEphemeral: Bool { key.isEphemeral }

    /// The pseudonym of `id` (surrounding spaces ignored).
    public func pseudonym(for id: String) -> String {
        // Spaces are trimmed by Foundation only when the id starts or ends with one (or with a
        // non-ASCII byte, which may be a Unicode space).
        func mayBeSpace(_ byte: UInt8?) -> Bool { byte.map { $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 } ?? false }
        var normalized = mayBeSpace(id.utf8.first) || mayBeSpace(id.utf8.last) ? id.trimmingCharacters(in: .whitespaces) : id
        var hmac = keyed.initial
        normalized.withUTF8 { hmac.update(data: UnsafeRawBufferPointer($0)) }
        let code = hmac.finalize()
        // 16 hex digits in groups of four, written straight into the string's storage.
        return code.withUnsafeBytes { bytes in
            String(unsafeUninitializedCapacity: 19) { text in
                var length = 0
                for index in 0..<8 {
                    if index > 0, index % 2 == 0 {
                        text[length] = UInt8(ascii: "-")
                        length += 1
                    }
                    text[length] = Self.hexDigits[Int(bytes[index] >> 4)]
                    text[length + 1] = Self.hexDigits[Int(bytes[index] & 0x0F)]
                    length += 2
                }
                return length
            }
        }
    }

    private static let separator: [UInt8] = [0]
    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

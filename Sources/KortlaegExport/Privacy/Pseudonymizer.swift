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
    /// The HMAC keyed once, copied per id (keying it is two SHA-256 blocks per child otherwise).
    private let keyed: Keyed

    /// HMAC is not Sendable; a keyed state is only ever copied, never shared mutably.
    private struct Keyed: @unchecked Sendable {
        let initial: HMAC<SHA256>
    }

    /// Creates a pseudonymizer from the project key and this export's salt.
    public init(key: PseudonymKey, salt: PseudonymSalt) {
        self.key = key
        self.salt = salt
        keyed = Keyed(initial: HMAC<SHA256>(key: key.key))
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
        let edges = [id.utf8.first, id.utf8.last].compactMap { $0 }
        let normalized = edges.contains { $0 == 0x20 || $0 == 0x09 || $0 >= 0x80 } ? id.trimmingCharacters(in: .whitespaces) : id
        var hmac = keyed.initial
        hmac.update(data: salt.bytes)
        hmac.update(data: [0])
        hmac.update(data: Array(normalized.utf8))
        let code = hmac.finalize()
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(19)
        for (index, byte) in code.prefix(8).enumerated() {
            if index > 0, index % 2 == 0 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}

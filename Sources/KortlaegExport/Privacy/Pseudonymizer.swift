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

    /// Creates a pseudonymizer from the project key and this export's salt.
    public init(key: PseudonymKey, salt: PseudonymSalt) {
        self.key = key
        self.salt = salt
    }

    /// How the salt was chosen.
    public var saltMode: PseudonymSalt.Mode { salt.mode }
    /// The key's fingerprint (see ``PseudonymKey/fingerprint``).
    public var keyFingerprint: String { key.fingerprint }
    /// Whether the key lives only for this export.
    public var keyIsEphemeral: Bool { key.isEphemeral }

    /// The pseudonym of `id` (surrounding spaces ignored).
    public func pseudonym(for id: String) -> String {
        let normalized = id.trimmingCharacters(in: .whitespaces)
        var message = salt.bytes
        message.append(0)
        message.append(contentsOf: normalized.utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: key.key)
        let hex = code.prefix(8).map { String(format: "%02x", $0) }.joined()
        return stride(from: 0, to: 16, by: 4).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 4)])
        }.joined(separator: "-")
    }
}

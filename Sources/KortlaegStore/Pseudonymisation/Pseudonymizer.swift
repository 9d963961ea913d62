import Crypto
import Foundation

/// Turns raw child ids into the project's pseudonyms: HMAC-SHA256 with the project key.
///
/// Every id is hashed, not only CPR-shaped ones (decision in docs/decisions.md): a CPR-shaped id
/// is first normalised to its ten digits (so `010203-1234` and `0102031234` give the same child);
/// any other id is trimmed. The two kinds are domain-separated (`cpr:` / `id:`) before hashing.
/// The pseudonym is the first 16 bytes of the MAC in lowercase hex (32 characters).
struct Pseudonymizer: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`; a key is made per use).
    private let key: Data

    /// A new random key from the system's CSPRNG (256 bits).
    static func makeKey() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    init(key: Data) {
        self.key = key
    }

    /// The pseudonym of `rawID`, or nil when the id is blank.
    func pseudonym(for rawID: String) -> String? {
        let message: String
        if let cpr = CPRNumber.normalised(rawID) {
            message = "cpr:" + cpr
        } else {
            let trimmed = rawID.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { return nil }
            message = "id:" + trimmed
        }
        let mac = HMAC<SHA256>.authenticationCode(for: Data(message.utf8), using: SymmetricKey(data: key))
        return Self.hex(mac.prefix(16))
    }

    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import KortlaegDomain
import Crypto
import Foundation

/// Turns raw child ids into the project's pseudonyms: HMAC-SHA256 with the project key.
///
/// Every id is hashed, not only CPR-shaped ones (decision in docs/decisions.md): a CPR-shaped id
/// is first normalised to its ten digits (so `010203-1234` and `0102031234` give the same child);
/// any other id is trimmed. The two kinds are domain-separated (`cpr:` / `id:`) before hashing.
/// The pseudonym is the first 16 bytes of the MAC in lowercase hex (32 characters).
package struct Pseudonymizer: Sendable {
    /// HMAC state keyed once; copied per id (``SymmetricKey`` and ``HMAC`` are not `Sendable`,
    /// but the box is immutable after creation).
    private final class KeyedMAC: @unchecked Sendable {
        let initial: HMAC<SHA256>
        init(key: Data) { initial = HMAC<SHA256>(key: SymmetricKey(data: key)) }
    }

    private let mac: KeyedMAC

    /// A new random key from the system's CSPRNG (256 bits).
    package static func makeKey() -> Data {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
    }

    package init(key: Data) {
        mac = KeyedMAC(key: key)
    }

    /// The pseudonym of `rawID` at `site`, or nil when the id is blank. Without a site (nil or
    /// blank) it is ``pseudonym(for:)``; with one the message is prefixed by `site:` + the site's
    /// comparison form (``SiteName/key(_:)``) + NUL, so the same id at two sites gives two
    /// pseudonyms, and no site-tagged pseudonym equals an untagged one.
    package func pseudonym(for rawID: String, site: String?) -> String? {
        guard let site, let key = SiteName.key(site) else { return pseudonym(for: rawID) }
        return pseudonym(for: rawID, prefix: Array("site:".utf8) + Array(key.utf8) + [0])
    }

    /// The pseudonym of `rawID`, or nil when the id is blank.
    package func pseudonym(for rawID: String) -> String? {
        pseudonym(for: rawID, prefix: [])
    }

    private func pseudonym(for rawID: String, prefix: [UInt8]) -> String? {
        var message: [UInt8] = prefix
        if let cpr = CPRNumber.normalised(rawID) {
            message += Array("cpr:".utf8) + Array(cpr.utf8)
        } else {
            var bytes = Substring(rawID).utf8[...]
            while let first = bytes.first, first == 32 || first == 9 || first == 10 || first == 13 { bytes = bytes.dropFirst() }
            while let last = bytes.last, last == 32 || last == 9 || last == 10 || last == 13 { bytes = bytes.dropLast() }
            guard !bytes.isEmpty else { return nil }
            message += Array("id:".utf8) + Array(bytes)
        }
        var hmac = mac.initial
        hmac.update(data: message)
        return Self.hex(hmac.finalize().prefix(16))
    }

    /// HMAC-SHA256(project key, `key:` + purpose): a secret for one purpose. The `key:` prefix keeps
    /// it apart from every pseudonym (`cpr:`, `id:`).
    package func derivedKey(purpose: String) -> [UInt8] {
        var hmac = mac.initial
        hmac.update(data: Array("key:".utf8) + Array(purpose.utf8))
        return Array(hmac.finalize())
    }

    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

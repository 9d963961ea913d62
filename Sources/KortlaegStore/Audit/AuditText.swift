import KortlaegDomain

/// The rule for texts that go into the audit log from outside the store (exports, reports): a
/// CPR-shaped number refuses the entry.
package enum AuditText {
    /// Throws when the summary or the detail holds a CPR-shaped number outside machine-made hex runs.
    /// - Throws: ``StoreError/cprInAuditText``.
    package static func check(summary: String, detail: String?) throws {
        guard !CPRNumber.containsCPR(maskingHexRuns(summary)), !CPRNumber.containsCPR(maskingHexRuns(detail ?? "")) else {
            throw StoreError.cprInAuditText
        }
    }

    /// `text` with every run of 32 or more hexadecimal characters (SHA-256 checksums, pseudonyms)
    /// replaced by `#`. Such runs are machine-made, and 64 random hex digits hold a CPR-shaped run
    /// of ten digits about once in 350 checksums, which would make an export's audit entry fail at
    /// random. A CPR number typed by a user (file name, filter, label) is never part of such a run.
    package static func maskingHexRuns(_ text: String) -> String {
        var bytes = Array(text.utf8)
        func isHex(_ byte: UInt8) -> Bool {
            (48...57).contains(byte) || (97...102).contains(byte) || (65...70).contains(byte)
        }
        var start = 0
        while start < bytes.count {
            guard isHex(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isHex(bytes[end]) { end += 1 }
            if end - start >= 32 {
                for index in start..<end { bytes[index] = UInt8(ascii: "#") }
            }
            start = end
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

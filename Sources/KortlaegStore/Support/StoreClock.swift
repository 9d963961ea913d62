import Foundation

/// The time stores write into batches and the audit log.
package enum StoreClock {
    /// The current time as ISO 8601 (UTC, with fractional seconds).
    package static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}

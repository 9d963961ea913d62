/// UTF-8 well-formedness checks on raw bytes (Unicode 15, table 3-7).
enum UTF8Validation {
    /// Returns the index of the first byte that starts an ill-formed sequence, or `nil`.
    ///
    /// - Parameters:
    ///   - bytes: The bytes to check.
    ///   - allowTruncatedEnd: Whether a sequence cut off by the end of `bytes` is acceptable
    ///     (more bytes will follow).
    static func firstInvalidIndex(
        in bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false
    ) -> Int? {
        let n = bytes.count
        var i = 0
        // ASCII fast path, eight bytes at a time.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
        }
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            for k in 1..<length {
                if i + k >= n { return allowTruncatedEnd ? nil : i }
                let b = bytes[i + k]
                if k == 1 {
                    if b < low || b > high { return i }
                } else if b & 0xC0 != 0x80 {
                    return i
                }
            }
            i += length
        }
        return nil
    }

    /// Array convenience for ``firstInvalidIndex(in:allowTruncatedEnd:)``.
    static func firstInvalidIndex(in bytes: [UInt8], allowTruncatedEnd: Bool = false) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidIndex(in: $0, allowTruncatedEnd: allowTruncatedEnd) }
    }
}

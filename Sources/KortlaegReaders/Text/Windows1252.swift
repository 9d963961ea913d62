/// The Windows-1252 code page as UTF-8 byte sequences.
///
/// 0x80–0x9F hold typographic characters (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ);
/// the five unassigned positions (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 controls of the
/// same value, as the WHATWG Encoding Standard does. Everything else equals ISO 8859-1.
enum Windows1252 {
    /// Unicode scalars for 0x80–0x9F.
    static let highControls: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The UTF-8 encoding of each byte value, packed: length in the top byte, bytes below.
    static let utf8Table: [(count: UInt8, b0: UInt8, b1: UInt8, b2: UInt8)] = (0..<256).map { byte in
        let scalar: UInt32 = (0x80...0x9F).contains(byte) ? highControls[byte - 0x80] : UInt32(byte)
        if scalar < 0x80 { return (1, UInt8(scalar), 0, 0) }
        if scalar < 0x800 {
            return (2, UInt8(0xC0 | (scalar >> 6)), UInt8(0x80 | (scalar & 0x3F)), 0)
        }
        return (
            3, UInt8(0xE0 | (scalar >> 12)), UInt8(0x80 | ((scalar >> 6) & 0x3F)),
            UInt8(0x80 | (scalar & 0x3F))
        )
    }

    /// Appends the UTF-8 form of Windows-1252 `bytes` to `output`.
    static func appendUTF8(of bytes: [UInt8], to output: inout [UInt8]) {
        output.reserveCapacity(output.count + bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
                continue
            }
            let e = utf8Table[Int(byte)]
            output.append(e.b0)
            output.append(e.b1)
            if e.count == 3 { output.append(e.b2) }
        }
    }
}

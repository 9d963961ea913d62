import Foundation

/// The first character of a text file after its byte order mark, to tell XML (`<`), JSON (`{`)
/// and CSV apart also in UTF-16 files.
enum TextStart {
    /// A byte order mark that does not match the text behind it (e.g. `FF FE` before
    /// big-endian text).
    struct Mismatch: Error {
        var byteOrderMark: TextEncodingKind
        var content: TextEncodingKind
    }

    /// The first character other than white space, nil for empty or blank input.
    /// - Throws: ``Mismatch`` when a UTF-16 byte order mark is followed by UTF-16 of the other
    ///   byte order (its ASCII letters have the zero byte on the wrong side).
    static func firstCharacter(of head: Data) throws(Mismatch) -> UInt8? {
        let bytes = [UInt8](head.prefix(4096))
        let whitespace: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else {
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            return bytes[start...].first { !whitespace.contains($0) }
        }
        var index = 2
        while index + 1 < bytes.count {
            let (low, high) = littleEndian ? (bytes[index], bytes[index + 1]) : (bytes[index + 1], bytes[index])
            index += 2
            if high == 0, whitespace.contains(low) { continue }
            if high == 0 { return low }
            if low == 0, high < 0x80 {
                // An ASCII character with its zero byte on the other side: the wrong byte order.
                throw Mismatch(byteOrderMark: littleEndian ? .utf16LittleEndian : .utf16BigEndian,
                               content: littleEndian ? .utf16BigEndian : .utf16LittleEndian)
            }
            return nil
        }
        return nil
    }
}

extension TextStart.Mismatch: CustomStringConvertible {
    var description: String {
        "the file starts with a \(byteOrderMark) byte order mark, but its text is \(content); "
            + "save it again as UTF-8 (or with the byte order mark that matches its text)"
    }
}

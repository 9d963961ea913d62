/// A byte stream turned into UTF-8, chunk by chunk, with its encoding detected or chosen.
///
/// Detection order: a byte order mark (UTF-8, UTF-16LE, UTF-16BE); otherwise UTF-8 if the
/// first chunk is well-formed UTF-8; otherwise Windows-1252. The byte order mark is removed.
/// UTF-8 input passes through unchanged and is validated by the consumer (see ``passesThroughUTF8``);
/// other encodings are transcoded here and are always valid UTF-8 afterwards.
final class UTF8TextStream {
    /// A byte that is not valid in the stream's encoding; `byteOffset` counts from the file's start.
    struct DecodingFailure: Error {
        var byteOffset: Int
        var encoding: TextEncodingKind
    }

    /// Either failure the stream can raise.
    enum Failure: Error {
        case read(ByteChunkSource.Failure)
        case decoding(DecodingFailure)
    }

    let encoding: TextEncodingKind
    let encodingWasDetected: Bool
    let hadByteOrderMark: Bool
    /// Length of the removed byte order mark, in bytes.
    let byteOrderMarkLength: Int

    private let source: ByteChunkSource
    /// The file's bytes read so far (whole chunks ahead of what is decoded).
    var bytesRead: Int { source.bytesRead }
    private var pending: [UInt8]
    private var rawOffset = 0
    private var carry: [UInt8] = []
    private var highSurrogate: (unit: UInt16, offset: Int)?

    /// Whether output bytes are the file's own bytes (UTF-8), still to be validated.
    var passesThroughUTF8: Bool { encoding == .utf8 }

    init(source: ByteChunkSource, encoding forced: TextEncodingKind?) throws(Failure) {
        self.source = source
        var first: [UInt8]
        do { first = try source.nextChunk() } catch { throw .read(error) }
        // Make sure at least 3 bytes are present for byte order mark detection.
        while first.count < 4 {
            let more: [UInt8]
            do { more = try source.nextChunk() } catch { throw .read(error) }
            if more.isEmpty { break }
            first += more
        }
        var detected: TextEncodingKind?
        var bomLength = 0
        if first.starts(with: [0xEF, 0xBB, 0xBF]) {
            detected = .utf8; bomLength = 3
        } else if first.starts(with: [0xFF, 0xFE]) {
            detected = .utf16LittleEndian; bomLength = 2
        } else if first.starts(with: [0xFE, 0xFF]) {
            detected = .utf16BigEndian; bomLength = 2
        }
        if let forced {
            // A byte order mark of the chosen encoding is still removed.
            if detected != forced { bomLength = 0 }
            encoding = forced
            encodingWasDetected = false
        } else if let detected {
            encoding = detected
            encodingWasDetected = true
        } else {
            let valid = UTF8Validation.firstInvalidIndex(
                in: first, allowTruncatedEnd: !source.reachedEnd) == nil
            encoding = valid ? .utf8 : .windows1252
            encodingWasDetected = true
        }
        hadByteOrderMark = bomLength > 0
        byteOrderMarkLength = bomLength
        pending = Array(first[bomLength...])
        rawOffset = bomLength
    }

    /// Appends the next piece of UTF-8 text to `buffer`.
    ///
    /// - Returns: `false` at the end of the input (nothing appended).
    func read(appendingTo buffer: inout [UInt8]) throws(Failure) -> Bool {
        var raw: [UInt8]
        if !pending.isEmpty {
            raw = pending
            pending = []
        } else {
            do { raw = try source.nextChunk() } catch { throw .read(error) }
        }
        if raw.isEmpty {
            if !carry.isEmpty {
                throw .decoding(DecodingFailure(byteOffset: rawOffset - carry.count, encoding: encoding))
            }
            if let high = highSurrogate {
                throw .decoding(DecodingFailure(byteOffset: high.offset, encoding: encoding))
            }
            return false
        }
        let chunkStart = rawOffset
        rawOffset += raw.count
        switch encoding {
        case .utf8:
            buffer.append(contentsOf: raw)
        case .windows1252:
            Windows1252.appendUTF8(of: raw, to: &buffer)
        case .utf16LittleEndian, .utf16BigEndian:
            try appendUTF16(raw, startingAt: chunkStart, to: &buffer)
        }
        return true
    }

    private func appendUTF16(_ chunk: [UInt8], startingAt chunkStart: Int, to buffer: inout [UInt8])
        throws(Failure)
    {
        var bytes = carry
        let bytesStart = chunkStart - carry.count
        bytes.append(contentsOf: chunk)
        let usable = bytes.count & ~1
        carry = Array(bytes[usable...])
        let littleEndian = encoding == .utf16LittleEndian
        buffer.reserveCapacity(buffer.count + usable / 2)
        var i = 0
        while i < usable {
            let unit: UInt16 = littleEndian
                ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8
                : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            let offset = bytesStart + i
            i += 2
            if let high = highSurrogate {
                guard (0xDC00...0xDFFF).contains(unit) else {
                    throw .decoding(DecodingFailure(byteOffset: high.offset, encoding: encoding))
                }
                highSurrogate = nil
                let scalar = 0x10000 + ((UInt32(high.unit) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                Self.appendUTF8(scalar, to: &buffer)
                continue
            }
            switch unit {
            case 0..<0x80:
                buffer.append(UInt8(unit))
            case 0xD800...0xDBFF:
                highSurrogate = (unit, offset)
            case 0xDC00...0xDFFF:
                throw .decoding(DecodingFailure(byteOffset: offset, encoding: encoding))
            default:
                Self.appendUTF8(UInt32(unit), to: &buffer)
            }
        }
    }

    private static func appendUTF8(_ scalar: UInt32, to buffer: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            buffer.append(UInt8(scalar))
        case 0x80..<0x800:
            buffer.append(UInt8(0xC0 | (scalar >> 6)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            buffer.append(UInt8(0xE0 | (scalar >> 12)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            buffer.append(UInt8(0xF0 | (scalar >> 18)))
            buffer.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }
}

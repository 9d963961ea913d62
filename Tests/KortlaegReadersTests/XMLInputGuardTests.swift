@testable import KortlaegReaders
import KortlaegTestSupport
import Testing

/// The input guard skips text, quoted values and tag names in tight loops. The oracle is the
/// byte-at-a-time guard it replaced (kept here): the same refusal, at the same line, for every
/// input and however the input is cut into reads.
struct XMLInputGuardTests {
    /// The guard as it was: one full step per byte.
    struct ByteAtATime {
        var refusal: XMLInputGuard.Refusal?
        var line = 1, inTag = false, quote: UInt8 = 0, attributes = 0
        var bang: [UInt8]?, afterLessThan = false
        let limit: Int

        mutating func scan(_ bytes: [UInt8]) -> Bool {
            guard refusal == nil else { return false }
            for byte in bytes where byte != 0 {
                if byte == 0x0A { line += 1 }
                if afterLessThan {
                    afterLessThan = false
                    switch byte {
                    case UInt8(ascii: "!"): bang = []; continue
                    case UInt8(ascii: "/"), UInt8(ascii: "?"): continue
                    default: inTag = true; attributes = 0
                    }
                }
                if var seen = bang {
                    seen.append(byte)
                    if seen.elementsEqual("DOCTYPE".utf8) { refusal = .doctype(line: line); return false }
                    if seen.elementsEqual("ENTITY".utf8) { refusal = .entity(line: line); return false }
                    let doctype = "DOCTYPE".utf8.starts(with: seen), entity = "ENTITY".utf8.starts(with: seen)
                    bang = doctype || entity ? seen : nil
                    continue
                }
                if quote != 0 {
                    if byte == quote { quote = 0 }
                    continue
                }
                if inTag {
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                    case UInt8(ascii: "="):
                        attributes += 1
                        if attributes > limit { refusal = .tooManyAttributes(line: line); return false }
                    case UInt8(ascii: ">"): inTag = false
                    default: break
                    }
                } else if byte == UInt8(ascii: "<") {
                    afterLessThan = true
                }
            }
            return true
        }
    }

    /// Markup-heavy byte soup: every character the guard looks at, UTF-16-style zero bytes among them.
    static func soup(seed: UInt64, count: Int) -> [UInt8] {
        var random = SplitMix(state: seed)
        let pieces: [[UInt8]] = ["<", ">", "=", "\"", "'", "\n", "!", "/", "?", "<!DOCTYPE", "<!ENTITY", "<!DOC", "<!-- x -->",
                                 "<ItemData ItemOID=\"p1\" Value=\"2\"/>", " a=\"b\"", "\0", "text æøå ", "x"].map { Array($0.utf8) }
        var bytes: [UInt8] = []
        while bytes.count < count { bytes += pieces[random.next(pieces.count)] }
        return bytes
    }

    @Test(arguments: 0..<200)
    func refusesWhatTheByteAtATimeGuardRefusedAtTheSameLine(_ seed: Int) {
        let bytes = Self.soup(seed: UInt64(seed), count: 50 + seed * 20)
        var random = SplitMix(state: UInt64(seed) &* 31 &+ 7)
        var reference = ByteAtATime(limit: XMLInputGuard.attributeLimit)
        var fast = XMLInputGuard()
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + 1 + random.next(40))
            let piece = Array(bytes[start..<end])
            let expected = reference.scan(piece)
            let found = piece.withUnsafeBufferPointer { fast.scan($0) }
            #expect(found == expected, "seed \(seed), bytes \(start)..<\(end)")
            #expect(fast.refusal == reference.refusal, "seed \(seed), bytes \(start)..<\(end)")
            if !expected { break }
            start = end
        }
    }

    @Test func countsAttributesAcrossReadsAndLinesInsideValues() {
        let tag = "<x " + (1...1_001).map { "a\($0)=\"v\nw\"" }.joined(separator: " ") + "/>"
        var fast = XMLInputGuard()
        var accepted = true
        for piece in Array(tag.utf8).chunked(7) where accepted {
            accepted = piece.withUnsafeBufferPointer { fast.scan($0) }
        }
        // The 1,001st `=` comes after 1,000 values with one line feed each.
        #expect(fast.refusal == .tooManyAttributes(line: 1_001))
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min(count, $0 + size)]) }
    }
}

/// Looks at every byte before libxml2 does (from the reader's input callback) and stops the
/// input at the first thing Kortlæg refuses, with its real line:
///
/// - an element with more than ``attributeLimit`` attributes: libxml2 2.9.14 checks attribute
///   names for duplicates in quadratic time (100,000 attributes on one element take 22 s, a
///   million about 40 minutes); no real export has more than a few dozen;
/// - a `<!DOCTYPE` or `<!ENTITY` anywhere in the file (not only in the first 64 KiB).
///
/// Works on UTF-8, Windows-1252 and UTF-16 bytes alike (zero bytes are skipped; the markup
/// characters are ASCII). Quoted attribute values are skipped, so `=` inside them never counts.
struct XMLInputGuard {
    /// The most attributes an element may have.
    static let attributeLimit = 1_000

    /// What stopped the input.
    enum Refusal: Equatable {
        case tooManyAttributes(line: Int)
        case doctype(line: Int)
        case entity(line: Int)
    }

    private(set) var refusal: Refusal?
    /// Line feeds in the chunks already scanned, plus one: the line a chunk starts on.
    private var line = 1
    private var inTag = false
    private var quote: UInt8 = 0
    private var attributes = 0
    /// After `<`: the bytes seen so far of `!DOCTYPE` / `!ENTITY`, or nil when not in one.
    private var bang: [UInt8]?
    private var afterLessThan = false

    /// Scans the next bytes; false once something is refused (see ``refusal``).
    ///
    /// Text between tags, quoted attribute values and the rest of a tag are skipped in tight
    /// loops that look only for the byte that ends them; every other byte takes the full step
    /// below. Lines are counted once per chunk, and up to the refused byte only on a refusal.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard refusal == nil else { return false }
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        // The state in locals for the loop, written back at the end.
        var inTag = inTag, quote = quote, attributes = attributes, afterLessThan = afterLessThan
        defer {
            self.inTag = inTag
            self.quote = quote
            self.attributes = attributes
            self.afterLessThan = afterLessThan
        }
        func refuse(_ make: (Int) -> Refusal) -> Bool {
            refusal = make(line + Self.lineFeeds(in: UnsafeBufferPointer(rebasing: bytes[..<i])))
            return false
        }
        while i < n {
            let byte = base[i]
            i += 1
            if byte == 0 { continue }
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
                if seen.elementsEqual("DOCTYPE".utf8) { return refuse { .doctype(line: $0) } }
                if seen.elementsEqual("ENTITY".utf8) { return refuse { .entity(line: $0) } }
                let doctype = "DOCTYPE".utf8.starts(with: seen), entity = "ENTITY".utf8.starts(with: seen)
                bang = doctype || entity ? seen : nil
                continue
            }
            if quote != 0 {
                // The rest of the quoted value, up to (not over) its closing quote.
                if byte != quote {
                    while i < n, base[i] != quote { i += 1 }
                } else {
                    quote = 0
                }
                continue
            }
            if inTag {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "="):
                    attributes += 1
                    if attributes > Self.attributeLimit { return refuse { .tooManyAttributes(line: $0) } }
                case UInt8(ascii: ">"): inTag = false
                default:
                    // Names and spaces, up to the next quote, `=` or `>`.
                    while i < n, !Self.endsName(base[i]) { i += 1 }
                }
            } else if byte == UInt8(ascii: "<") {
                afterLessThan = true
            } else {
                // Text, up to the next `<`.
                while i < n, base[i] != 0x3C { i += 1 }
            }
        }
        line += Self.lineFeeds(in: bytes)
        return true
    }

    /// `"`, `'`, `=` or `>`: one range check and one bit test.
    @inline(__always)
    private static func endsName(_ byte: UInt8) -> Bool {
        let offset = UInt32(byte &- 0x22)  // 0x22 is `"`
        return offset < 32 && (0x1800_0021 as UInt32) >> offset & 1 != 0  // `"` 0, `'` 5, `=` 27, `>` 28
    }

    /// The number of line feeds in `bytes` (a loop the compiler vectorises).
    private static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count &+= 1 }
        return count
    }
}

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
    /// loops that look only for the byte that ends them (and line feeds); every other byte takes
    /// the full step below.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard refusal == nil else { return false }
        let n = bytes.count
        var i = 0
        while i < n {
            let byte = bytes[i]
            i += 1
            if byte == 0 { continue }
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
                if byte == quote {
                    quote = 0
                } else {
                    // The rest of the quoted value, up to (not over) its closing quote.
                    while i < n, bytes[i] != quote {
                        if bytes[i] == 0x0A { line += 1 }
                        i += 1
                    }
                }
                continue
            }
            if inTag {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "="):
                    attributes += 1
                    if attributes > Self.attributeLimit { refusal = .tooManyAttributes(line: line); return false }
                case UInt8(ascii: ">"): inTag = false
                default:
                    // Names and spaces, up to the next quote, `=` or `>`.
                    while i < n {
                        let next = bytes[i]
                        if next == 0x22 || next == 0x27 || next == 0x3D || next == 0x3E { break }
                        if next == 0x0A { line += 1 }
                        i += 1
                    }
                }
            } else if byte == UInt8(ascii: "<") {
                afterLessThan = true
            } else {
                // Text, up to the next `<`.
                while i < n, bytes[i] != 0x3C {
                    if bytes[i] == 0x0A { line += 1 }
                    i += 1
                }
            }
        }
        return true
    }
}

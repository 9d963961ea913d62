import CLibXML2
import Foundation

/// A pull parser over libxml2's SAX2 push parser: memory stays flat in the file size.
///
/// libxml2 is fed the file a piece at a time and reports what it parses through callbacks;
/// they queue the events (names interned in the parser's dictionary, attribute values and text
/// copied into one buffer), which ``nextEvent()`` then hands out one by one. No tree is built
/// (libxml2's `xmlTextReader` builds a node per element and took two thirds of an ODM import's
/// parsing thread).
///
/// This is the only file that touches libxml2. It parses with `XML_PARSE_NONET` and never
/// with `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`, and it refuses any
/// document with a DOCTYPE or an entity reference (XXE and "billion laughs" attacks).
/// Errors are collected with the structured error callback and thrown as ``XMLReadError``.
///
/// Text is reported as `xmlTextReader` reported it with `XML_PARSE_NOCDATA` and
/// `XML_PARSE_NOBLANKS`: the characters between two tags (start, end, comment, processing
/// instruction) are one text event, CDATA sections included; a run of blanks only (space, tab,
/// line feed, carriage return) is layout and no event.
final class XMLStreamReader {
    /// One parsing event. Names are local names (namespace prefix removed); attribute keys
    /// are qualified names as written (`redcap:RepeatInstrument`).
    enum Node: Equatable {
        case startElement(name: String, attributes: [String: String], isEmpty: Bool)
        case endElement(name: String)
        case text(String)
    }

    /// Options: no network. Deliberately without NOENT, DTDLOAD, HUGE, XINCLUDE. (CDATA and
    /// blanks are handled by the callbacks, so NOCDATA and NOBLANKS are not needed.)
    static let parserOptions = Int32(XML_PARSE_NONET.rawValue)

    let file: String
    private let parser: xmlParserCtxtPtr
    private let events: EventQueue
    private let source: Source
    /// The open elements' local names, interned in the parser's dictionary (alive with the parser).
    @exclusivity(unchecked) private var stack: [Name] = []
    /// The event ``nextEvent()`` returned last (an index into the queue), or nil.
    @exclusivity(unchecked) private var current: Int?
    /// Set once the input is exhausted and the parser was told so.
    private var finished = false

    /// The element path of the current position, such as `ODM/ClinicalData/SubjectData`.
    var path: String { stack.map(\.text).joined(separator: "/") }

    /// The line of the event returned last (an element start: the line its tag ends on, as
    /// libxml2 numbers elements), else the parser's current line.
    var line: Int {
        if let current { return Int(events.records[current].line) }
        return Int(parser.pointee.input?.pointee.line ?? 0)
    }

    /// The bytes handed to the parser at a time.
    private static let pieceSize = 64 * 1024

    /// Where the bytes come from: a file read through the input guard, or memory.
    private final class Source {
        static let blockSize = 256 * 1024
        private let fd: Int32
        var `guard` = XMLInputGuard()
        private(set) var bytesRead = 0
        private let block: UnsafeMutablePointer<UInt8>
        private var start = 0, end = 0
        private let memory: UnsafeMutableBufferPointer<UInt8>?

        init(fd: Int32) {
            self.fd = fd
            block = .allocate(capacity: Self.blockSize)
            memory = nil
        }

        init(bytes: [UInt8]) {
            fd = -1
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
            _ = copy.initialize(from: bytes)
            memory = UnsafeMutableBufferPointer(rebasing: copy[..<bytes.count])
            block = copy.baseAddress!
            end = bytes.count
        }

        deinit {
            if fd >= 0 { close(fd) }
            if let memory { memory.baseAddress.map { UnsafeMutablePointer(mutating: $0) }?.deallocate() } else { block.deallocate() }
        }

        var isFile: Bool { fd >= 0 }

        /// The next guarded bytes, up to `length` (empty at the end), or nil on a read error or
        /// a refusal. A file is read 256 KiB at a time and each block scanned by the guard as a
        /// whole before any of it is handed on; a refused block is not handed on at all.
        func next(_ length: Int) -> UnsafeBufferPointer<UInt8>? {
            if start == end, fd >= 0 {
                var count = 0
                repeat { count = read(fd, block, Self.blockSize) } while count < 0 && errno == EINTR
                guard count >= 0 else { return nil }
                bytesRead += count
                guard self.guard.scan(UnsafeBufferPointer(start: block, count: count)) else { return nil }
                start = 0
                end = count
            }
            let count = min(length, end - start)
            defer { start += count }
            return UnsafeBufferPointer(start: block + start, count: count)
        }
    }

    /// The bytes of the file libxml2 has been given so far (nil for a document in memory).
    var bytesRead: Int? { source.isFile ? source.bytesRead : nil }

    /// The guard's refusal as an error, if it stopped the input.
    private func refusal() -> XMLReadError? {
        switch source.guard.refusal {
        case let .tooManyAttributes(line)?: .tooManyAttributes(file: file, line: line, limit: XMLInputGuard.attributeLimit)
        case let .doctype(line)?: .doctypeRefused(file: file, line: line)
        case let .entity(line)?: .entityReferenceRefused(file: file, line: line)
        case nil: nil
        }
    }

    /// Opens `path`; `name` (default: the path) is used in messages.
    convenience init(path: String, name: String? = nil) throws(XMLReadError) {
        let file = name ?? path
        try Self.refuseDoctype(inPrologOf: Self.firstBytes(ofFile: path), file: file)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(file: file, reason: "the file does not exist or cannot be opened") }
        try self.init(file: file, source: Source(fd: fd), failure: "the file cannot be parsed")
    }

    /// Parses a document held in memory (tests, small resources).
    convenience init(bytes: [UInt8], name: String) throws(XMLReadError) {
        try Self.refuseDoctype(inPrologOf: Array(bytes.prefix(Self.prologProbeSize)), file: name)
        try self.init(file: name, source: Source(bytes: bytes), failure: "the document cannot be parsed")
    }

    private init(file: String, source: Source, failure: String) throws(XMLReadError) {
        self.file = file
        self.source = source
        events = EventQueue()
        guard let parser = Self.makeParser(events) else { throw .unreadable(file: file, reason: failure) }
        self.parser = parser
        events.parser = parser
    }

    deinit {
        xmlFreeParserCtxt(parser)
    }

    private static let libraryReady: Void = xmlInitParser()

    /// A push parser reporting to `events` (nothing is parsed yet).
    private static func makeParser(_ events: EventQueue) -> xmlParserCtxtPtr? {
        _ = libraryReady
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startElementNs = { context, local, _, _, namespaceCount, namespaces, attributeCount, _, attributes in
            EventQueue.with(context) { $0.start(local, namespaceCount, namespaces, attributeCount, attributes) }
        }
        handler.endElementNs = { context, local, _, _ in EventQueue.with(context) { $0.end(local) } }
        handler.characters = { context, bytes, count in EventQueue.with(context) { $0.characters(bytes, count) } }
        handler.ignorableWhitespace = handler.characters
        handler.cdataBlock = { context, bytes, count in EventQueue.with(context) { $0.cdata(bytes, count) } }
        handler.comment = { context, _ in EventQueue.with(context) { $0.boundary() } }
        handler.processingInstruction = { context, _, _ in EventQueue.with(context) { $0.boundary() } }
        // A DOCTYPE or an entity reference stops the parser (the guard and the prolog check
        // refuse them before libxml2 sees them; these are the second line).
        handler.internalSubset = { context, _, _, _ in EventQueue.with(context) { $0.refuse(doctype: true) } }
        handler.getEntity = { context, _ in
            EventQueue.with(context) { $0.refuse(doctype: false) }
            return nil
        }
        handler.reference = { context, _ in EventQueue.with(context) { $0.refuse(doctype: false) } }
        handler.serror = { context, error in
            guard let context, let error else { return }
            EventQueue.with(context) { $0.record(error) }
        }
        let context = Unmanaged.passUnretained(events).toOpaque()
        guard let parser = xmlCreatePushParserCtxt(&handler, context, nil, 0, nil) else { return nil }
        xmlCtxtUseOptions(parser, parserOptions)
        return parser
    }

    /// What the callbacks collect between two pieces of input: the events in order, with their
    /// attributes and texts in one byte buffer; and the first error or refusal.
    ///
    /// Its state is changed only on the parsing thread, from libxml2's callbacks inside
    /// `xmlParseChunk` and from ``XMLStreamReader/nextEvent()`` between two calls, never
    /// overlapping: the run-time exclusivity checks are off (they took a quarter of the thread).
    private final class EventQueue {
        struct Record {
            enum Kind: UInt8 { case start, end, text }
            var kind: Kind
            var isEmpty = false
            var name: UnsafePointer<xmlChar>?
            var line: Int32
            /// A start: its first attribute in `attributes`; a text: its first byte in `bytes`.
            var first: Int
            /// A start: its attributes; a text: its bytes.
            var count: Int
        }

        struct Attribute {
            /// The prefix (nil: none); for a namespace declaration, the declared prefix.
            var prefix: UnsafePointer<xmlChar>?
            /// The local name; nil for a namespace declaration.
            var local: UnsafePointer<xmlChar>?
            var value: Range<Int>
        }

        @exclusivity(unchecked) var parser: xmlParserCtxtPtr?
        @exclusivity(unchecked) var records: [Record] = []
        @exclusivity(unchecked) var attributes: [Attribute] = []
        @exclusivity(unchecked) var bytes: [UInt8] = []
        /// The characters since the last tag (one text event at the next, unless all blanks).
        @exclusivity(unchecked) private var text: [UInt8] = []
        @exclusivity(unchecked) private var textHasNonBlank = false
        @exclusivity(unchecked) private var textLine: Int32 = 0
        /// Per open element, whether its first child is text (libxml2 keeps blanks before a
        /// CDATA section then, and drops them otherwise).
        @exclusivity(unchecked) private var firstChildIsText: [Bool] = []
        @exclusivity(unchecked) private var hasChildren: [Bool] = []
        var error: (line: Int, message: String)?
        var refusal: (doctype: Bool, line: Int)?

        /// Runs `body` on the queue a callback's context points to, without retaining it (the
        /// reader keeps it alive while libxml2 parses; a retain and release per callback cost a
        /// tenth of the parsing thread).
        static func with<R>(_ context: UnsafeMutableRawPointer?, _ body: (EventQueue) -> R) -> R {
            Unmanaged<EventQueue>.fromOpaque(context!)._withUnsafeGuaranteedRef(body)
        }

        private var currentLine: Int32 { parser?.pointee.input?.pointee.line ?? 0 }

        /// Forgets the events handed out (the text being collected stays).
        func removeAll() {
            records.removeAll(keepingCapacity: true)
            attributes.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
        }

        /// A tag (or comment, processing instruction) ends the text before it.
        func boundary() {
            if !text.isEmpty {
                if textHasNonBlank {
                    if let last = hasChildren.indices.last, !hasChildren[last] { firstChildIsText[last] = true }
                    let first = bytes.count
                    bytes.append(contentsOf: text)
                    records.append(Record(kind: .text, line: textLine, first: first, count: text.count))
                }
                text.removeAll(keepingCapacity: true)
                textHasNonBlank = false
            }
            if let last = hasChildren.indices.last { hasChildren[last] = true }
        }

        func start(_ local: UnsafePointer<xmlChar>?, _ namespaceCount: Int32,
                   _ namespaces: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ attributeCount: Int32,
                   _ values: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            boundary()
            let first = attributes.count
            if let namespaces {
                for index in 0..<Int(namespaceCount) {
                    let uri = namespaces[2 * index + 1]
                    let start = bytes.count
                    if let uri { bytes.append(contentsOf: UnsafeBufferPointer(start: uri, count: strlen(UnsafeRawPointer(uri).assumingMemoryBound(to: CChar.self)))) }
                    attributes.append(Attribute(prefix: namespaces[2 * index], local: nil, value: start..<bytes.count))
                }
            }
            if let values {
                for index in 0..<Int(attributeCount) {
                    // localname, prefix, URI, value, end of value (not NUL-terminated).
                    let base = 5 * index
                    let start = bytes.count
                    if let value = values[base + 3], let end = values[base + 4] {
                        let raw = UnsafeBufferPointer(start: value, count: value.distance(to: end))
                        if raw.contains(UInt8(ascii: "&")) {
                            Self.appendDecodingAmpersands(raw, to: &bytes)
                        } else {
                            bytes.append(contentsOf: raw)
                        }
                    }
                    attributes.append(Attribute(prefix: values[base + 1], local: values[base], value: start..<bytes.count))
                }
            }
            // libxml2 reports the start before it reads the tag's end: `/>` ends an empty element.
            let cursor = parser?.pointee.input?.pointee.cur
            let isEmpty = cursor.map { $0[0] == UInt8(ascii: "/") && $0[1] == UInt8(ascii: ">") } ?? false
            records.append(Record(kind: .start, isEmpty: isEmpty, name: local, line: currentLine,
                                  first: first, count: attributes.count - first))
            hasChildren.append(false)
            firstChildIsText.append(false)
        }

        func end(_ local: UnsafePointer<xmlChar>?) {
            boundary()
            hasChildren.removeLast()
            firstChildIsText.removeLast()
            records.append(Record(kind: .end, name: local, line: currentLine, first: 0, count: 0))
        }

        func characters(_ characters: UnsafePointer<xmlChar>?, _ count: Int32) {
            guard let characters, count > 0 else { return }
            let run = UnsafeBufferPointer(start: characters, count: Int(count))
            if text.isEmpty { textLine = currentLine }
            text.append(contentsOf: run)
            if !textHasNonBlank { textHasNonBlank = run.contains { !Self.isBlank($0) } }
        }

        /// A CDATA section's text joins the text around it; blanks just before it are dropped
        /// (as libxml2 drops them) unless the element's first child is text or `xml:space` is
        /// `preserve`.
        func cdata(_ characters: UnsafePointer<xmlChar>?, _ count: Int32) {
            if !text.isEmpty, !textHasNonBlank, firstChildIsText.last != true {
                let space = parser?.pointee.space?.pointee ?? 0
                if space != 1, space != -2 { text.removeAll(keepingCapacity: true) }
            }
            self.characters(characters, count)
        }

        func refuse(doctype: Bool) {
            if refusal == nil { refusal = (doctype, Int(currentLine)) }
            if let parser { xmlStopParser(parser) }
        }

        func record(_ error: xmlErrorPtr) {
            guard self.error == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            // libxml2 may append offending bytes ("Bytes: 0xE6 0x72"); they could be personal data.
            if let range = message.range(of: "Bytes:") { message = String(message[..<range.lowerBound]) }
            message = message.trimmingCharacters(in: CharacterSet(charactersIn: " \n\r,!"))
            self.error = (Int(error.pointee.line), message)
        }

        static func isBlank(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        /// libxml2 hands an attribute's `&amp;` (and `&#38;`) on as `&#38;` when it does not
        /// substitute entities; every other reference it has already replaced. So each `&` left
        /// starts `&#38;`, which stands for `&`.
        static func appendDecodingAmpersands(_ raw: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
            let reference = Array("&#38;".utf8)
            var index = 0
            while index < raw.count {
                if raw[index] == UInt8(ascii: "&"), index + reference.count <= raw.count,
                   raw[index..<index + reference.count].elementsEqual(reference) {
                    bytes.append(UInt8(ascii: "&"))
                    index += reference.count
                } else {
                    bytes.append(raw[index])
                    index += 1
                }
            }
        }
    }

    /// Returns the next element start, element end or non-whitespace text, or `nil` at the end.
    func next() throws(XMLReadError) -> Node? {
        guard let event = try nextEvent() else { return nil }
        switch event {
        case let .start(name, isEmpty):
            var attributes: [String: String] = [:]
            let record = events.records[current!]
            for index in record.first..<record.first + record.count {
                attributes[qualifiedName(events.attributes[index])] = value(events.attributes[index])
            }
            return .startElement(name: name.text, attributes: attributes, isEmpty: isEmpty)
        case let .end(name):
            return .endElement(name: name.text)
        case .text:
            return .text(textValue)
        }
    }

    // MARK: - Events without Strings (the ODM fast path)

    /// An element's local name interned in the parser's dictionary: compared by pointer.
    struct Name: Equatable {
        fileprivate let pointer: UnsafePointer<xmlChar>?

        /// The name as text (for paths and messages).
        var text: String { pointer.map { String(cString: $0) } ?? "" }
    }

    /// One parsing event of ``nextEvent()``; attributes and text are read on demand.
    enum Event: Equatable {
        case start(Name, isEmpty: Bool)
        case end(Name)
        case text
    }

    /// `text` interned in the parser's dictionary, to compare with the names of ``nextEvent()``.
    func name(_ text: String) -> Name {
        Name(pointer: xmlDictLookup(parser.pointee.dict, text, -1))
    }

    private func qualifiedName(_ attribute: EventQueue.Attribute) -> String {
        guard let local = attribute.local else {
            return attribute.prefix.map { "xmlns:" + String(cString: $0) } ?? "xmlns"
        }
        return attribute.prefix.map { String(cString: $0) + ":" } .map { $0 + String(cString: local) } ?? String(cString: local)
    }

    private func value(_ attribute: EventQueue.Attribute) -> String {
        events.bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[attribute.value]), as: UTF8.self) }
    }

    /// The attributes of the element ``nextEvent()`` just started (empty after any other event).
    private var currentAttributes: Range<Int> {
        guard let current, events.records[current].kind == .start else { return 0..<0 }
        let record = events.records[current]
        return record.first..<record.first + record.count
    }

    /// The value of the attribute `qualifiedName` (`Value`, `redcap:UniqueEventName`) of the
    /// element ``nextEvent()`` just started, or nil when it has none.
    func attribute(_ qualifiedName: String) -> String? {
        for index in currentAttributes where self.qualifiedName(events.attributes[index]) == qualifiedName {
            return value(events.attributes[index])
        }
        return nil
    }

    /// The values of the unprefixed attributes `first`, `second` and `third` (names from
    /// ``name(_:)``) of the element ``nextEvent()`` just started, nil for each it has not: one
    /// pass over the element's attributes comparing interned names, instead of a search by
    /// text per name (``attribute(_:)``; ODM's `ItemData` is most of a file's elements).
    func attributes(_ first: Name, _ second: Name, _ third: Name) -> (String?, String?, String?) {
        var values: (String?, String?, String?) = (nil, nil, nil)
        for index in currentAttributes {
            let attribute = events.attributes[index]
            // An attribute's name is interned in the parser's dictionary, as an element's is.
            guard attribute.prefix == nil, let name = attribute.local else { continue }
            if name == first.pointer {
                values.0 = value(attribute)
            } else if name == second.pointer {
                values.1 = value(attribute)
            } else if name == third.pointer {
                values.2 = value(attribute)
            }
        }
        return values
    }

    /// The text of the `.text` event ``nextEvent()`` just returned.
    var textValue: String {
        guard let current, events.records[current].kind == .text else { return "" }
        let record = events.records[current]
        return events.bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[record.first..<record.first + record.count]), as: UTF8.self)
        }
    }

    /// Returns the next element start, element end or non-whitespace text, or `nil` at the end;
    /// the same events and checks as ``next()`` without a String or dictionary per element.
    /// Events parsed before an error are returned before the error is thrown.
    func nextEvent() throws(XMLReadError) -> Event? {
        var index = current.map { $0 + 1 } ?? 0
        if index >= events.records.count {
            current = nil
            events.removeAll()
            index = 0
            while events.records.isEmpty {
                if let problem = problem() { throw problem }
                if finished { return nil }
                feed()
            }
        }
        current = index
        let record = events.records[index]
        switch record.kind {
        case .start:
            let name = Name(pointer: record.name)
            stack.append(name)
            return .start(name, isEmpty: record.isEmpty)
        case .end:
            if !stack.isEmpty { stack.removeLast() }
            return .end(Name(pointer: record.name))
        case .text:
            return .text
        }
    }

    /// Hands the parser the next piece of input (or tells it the input ended).
    private func feed() {
        guard let piece = source.next(Self.pieceSize) else {
            finished = true  // a read error or a refusal: ``problem()`` names it
            if source.guard.refusal == nil, events.error == nil {
                events.error = (line, "the file could not be read to its end")
            }
            return
        }
        let status: Int32
        if piece.isEmpty {
            finished = true
            status = xmlParseChunk(parser, nil, 0, 1)
        } else {
            status = piece.withMemoryRebound(to: CChar.self) { xmlParseChunk(parser, $0.baseAddress, Int32($0.count), 0) }
        }
        if status != 0, events.error == nil, events.refusal == nil {
            events.error = (Int(parser.pointee.input?.pointee.line ?? 0), "the parser stopped")
        }
        if status != 0 { finished = true }
    }

    /// What stopped the parse, once the events before it were handed out.
    private func problem() -> XMLReadError? {
        if let refusal = refusal() { return refusal }
        if let refusal = events.refusal {
            return refusal.doctype ? .doctypeRefused(file: file, line: refusal.line)
                : .entityReferenceRefused(file: file, line: refusal.line)
        }
        if let error = events.error {
            return .malformed(file: file, line: error.line, path: path, problem: error.message)
        }
        return nil
    }

    /// Skips the rest of the current element (after its `.startElement`).
    func skipElement() throws(XMLReadError) {
        let depth = stack.count
        while stack.count >= depth, try next() != nil {}
    }

    // MARK: - DOCTYPE check before libxml2 sees the document

    /// How much of the start of a file is searched for a DOCTYPE before parsing.
    static let prologProbeSize = 64 * 1024

    private static func firstBytes(ofFile path: String) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: prologProbeSize)).map { [UInt8]($0) } ?? []
    }

    /// Refuses a `<!DOCTYPE` or `<!ENTITY` before the first element, with its exact line.
    ///
    /// Runs before libxml2 parses anything, so entity declarations are never processed; the
    /// node-type check in ``next()`` remains as a second guard. Works for UTF-8, Windows-1252
    /// and UTF-16 (zero bytes are skipped).
    static func refuseDoctype(inPrologOf bytes: [UInt8], file: String) throws(XMLReadError) {
        let ascii = bytes.filter { $0 != 0 }
        var line = 1
        var i = 0
        while i < ascii.count {
            let b = ascii[i]
            if b == 0x0A { line += 1 }
            if b == UInt8(ascii: "<"), i + 1 < ascii.count {
                let next = ascii[i + 1]
                if next == UInt8(ascii: "!") {
                    let rest = ascii[(i + 2)...].prefix(7)
                    if rest.elementsEqual("DOCTYPE".utf8) { throw .doctypeRefused(file: file, line: line) }
                    if rest.prefix(6).elementsEqual("ENTITY".utf8) { throw .entityReferenceRefused(file: file, line: line) }
                } else if next != UInt8(ascii: "?") {
                    return  // first element: the prolog is over
                }
            }
            i += 1
        }
    }

}

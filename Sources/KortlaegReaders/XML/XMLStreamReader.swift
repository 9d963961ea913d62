import CLibXML2
import Foundation

/// A pull parser over libxml2's `xmlTextReader`: memory stays flat in the file size.
///
/// This is the only file that touches libxml2. It parses with `XML_PARSE_NONET` and never
/// with `XML_PARSE_NOENT`, `XML_PARSE_DTDLOAD` or `XML_PARSE_HUGE`, and it refuses any
/// document with a DOCTYPE or an entity reference (XXE and "billion laughs" attacks).
/// Errors are collected with the structured error callback and thrown as ``XMLReadError``.
final class XMLStreamReader {
    /// One parsing event. Names are local names (namespace prefix removed); attribute keys
    /// are qualified names as written (`redcap:RepeatInstrument`).
    enum Node: Equatable {
        case startElement(name: String, attributes: [String: String], isEmpty: Bool)
        case endElement(name: String)
        case text(String)
    }

    /// Options: no network, CDATA as text, no text nodes for the blanks between elements (libxml2
    /// keeps whitespace inside an element, alone or next to text: only layout is dropped, and a
    /// pretty-printed ODM file has one such node per element). Deliberately without NOENT,
    /// DTDLOAD, HUGE, XINCLUDE.
    static let parserOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOBLANKS.rawValue)

    private final class ErrorSink {
        var first: (line: Int, message: String)?
    }

    let file: String
    private let reader: xmlTextReaderPtr
    private let sink = ErrorSink()
    /// The open elements' local names, interned in the parser's dictionary (alive with the reader).
    private var stack: [Name] = []
    private var pendingEnd: Name?
    private var finished = false

    /// The element path of the current position, such as `ODM/ClinicalData/SubjectData`.
    var path: String { stack.map(\.text).joined(separator: "/") }

    /// The line of the last element start returned, else the parser's current line.
    var line: Int { elementLine > 0 ? elementLine : Int(xmlTextReaderGetParserLineNumber(reader)) }
    private var elementLine = 0

    /// Opens `path`; `name` (default: the path) is used in messages.
    init(path: String, name: String? = nil) throws(XMLReadError) {
        file = name ?? path
        try Self.refuseDoctype(inPrologOf: Self.firstBytes(ofFile: path), file: file)
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(file: file, reason: "the file does not exist or cannot be opened") }
        let input = GuardedInput(fd: fd)
        // libxml2 reads through this callback: the guard sees every byte before the parser does.
        let context = Unmanaged.passUnretained(input).toOpaque()
        guard let reader = xmlReaderForIO({ context, buffer, length in
            guard let context, let buffer else { return -1 }
            return Unmanaged<GuardedInput>.fromOpaque(context).takeUnretainedValue().give(into: buffer, length: Int(length))
        }, nil, context, nil, nil, Self.parserOptions) else {
            close(fd)
            throw .unreadable(file: file, reason: "the file cannot be parsed")
        }
        self.reader = reader
        self.input = input
        installErrorHandler()
    }

    /// The file libxml2 reads through the input guard; closed in deinit.
    ///
    /// libxml2 asks for about 4 KB at a time; the file is read 256 KiB at a time (a read per
    /// 4 KB cost a tenth of the parsing thread), each block scanned by the guard as a whole
    /// before any of it is handed on. A refused block is not handed on at all.
    private final class GuardedInput {
        static let blockSize = 256 * 1024
        let fd: Int32
        var `guard` = XMLInputGuard()
        var bytesRead = 0
        private let block = UnsafeMutablePointer<UInt8>.allocate(capacity: blockSize)
        private var start = 0, end = 0
        init(fd: Int32) { self.fd = fd }
        deinit {
            close(fd)
            block.deallocate()
        }

        /// Copies up to `length` guarded bytes into `buffer`: their count, 0 at the end, −1 on
        /// a read error or a refusal.
        func give(into buffer: UnsafeMutablePointer<CChar>, length: Int) -> Int32 {
            if start == end {
                let count = read(fd, block, Self.blockSize)
                guard count > 0 else { return Int32(max(count, 0)) }
                bytesRead += count
                guard self.guard.scan(UnsafeBufferPointer(start: block, count: count)) else { return -1 }
                start = 0
                end = count
            }
            let count = min(length, end - start)
            UnsafeMutableRawPointer(buffer).copyMemory(from: block + start, byteCount: count)
            start += count
            return Int32(count)
        }
    }
    private var input: GuardedInput?
    /// The file's bytes libxml2 has read so far (nil for a document in memory).
    var bytesRead: Int? { input?.bytesRead }

    /// The guard's refusal as an error, if it stopped the input.
    private func refusal() -> XMLReadError? {
        switch input?.guard.refusal {
        case let .tooManyAttributes(line)?: .tooManyAttributes(file: file, line: line, limit: XMLInputGuard.attributeLimit)
        case let .doctype(line)?: .doctypeRefused(file: file, line: line)
        case let .entity(line)?: .entityReferenceRefused(file: file, line: line)
        case nil: nil
        }
    }

    /// Parses a document held in memory (tests, small resources).
    init(bytes: [UInt8], name: String) throws(XMLReadError) {
        file = name
        try Self.refuseDoctype(inPrologOf: Array(bytes.prefix(Self.prologProbeSize)), file: file)
        // xmlReaderForMemory does not copy: the reader owns a copy until deinit.
        let copy = UnsafeMutableBufferPointer<CChar>.allocate(capacity: max(bytes.count, 1))
        for (index, byte) in bytes.enumerated() { copy[index] = CChar(bitPattern: byte) }
        guard let reader = xmlReaderForMemory(copy.baseAddress, Int32(bytes.count), nil, nil, Self.parserOptions)
        else {
            copy.deallocate()
            throw .unreadable(file: name, reason: "the document cannot be parsed")
        }
        self.reader = reader
        memoryCopy = copy
        installErrorHandler()
    }

    /// In-memory input, alive while libxml2 reads it.
    private var memoryCopy: UnsafeMutableBufferPointer<CChar>?

    deinit {
        xmlFreeTextReader(reader)
        memoryCopy?.deallocate()
        input = nil
    }

    private func installErrorHandler() {
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
            guard let context, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
            guard sink.first == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            var message = error.pointee.message.map { String(cString: $0) } ?? "unknown error"
            // libxml2 may append offending bytes ("Bytes: 0xE6 0x72"); they could be personal data.
            if let range = message.range(of: "Bytes:") { message = String(message[..<range.lowerBound]) }
            message = message.trimmingCharacters(in: CharacterSet(charactersIn: " \n\r,!"))
            sink.first = (Int(error.pointee.line), message)
        }, context)
    }

    /// Returns the next element start, element end or non-whitespace text, or `nil` at the end.
    func next() throws(XMLReadError) -> Node? {
        guard let event = try nextEvent() else { return nil }
        switch event {
        case let .start(name, isEmpty):
            var attributes: [String: String] = [:]
            if xmlTextReaderHasAttributes(reader) == 1, xmlTextReaderMoveToFirstAttribute(reader) == 1 {
                repeat {
                    attributes[string(xmlTextReaderConstName(reader))] = string(xmlTextReaderConstValue(reader))
                } while xmlTextReaderMoveToNextAttribute(reader) == 1
                xmlTextReaderMoveToElement(reader)
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
        Name(pointer: xmlTextReaderConstString(reader, text))
    }

    /// The value of the attribute `qualifiedName` (`Value`, `redcap:UniqueEventName`) of the
    /// element ``nextEvent()`` just started, or nil when it has none.
    func attribute(_ qualifiedName: String) -> String? {
        guard xmlTextReaderMoveToAttribute(reader, qualifiedName) == 1 else { return nil }
        defer { xmlTextReaderMoveToElement(reader) }
        return string(xmlTextReaderConstValue(reader))
    }

    /// The values of the unprefixed attributes `first`, `second` and `third` (names from
    /// ``name(_:)``) of the element ``nextEvent()`` just started, nil for each it has not: one
    /// pass over the element's attributes comparing interned names, instead of a search by
    /// text per name (``attribute(_:)``; ODM's `ItemData` is most of a file's elements).
    func attributes(_ first: Name, _ second: Name, _ third: Name) -> (String?, String?, String?) {
        var values: (String?, String?, String?) = (nil, nil, nil)
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return values }
        repeat {
            // An attribute's name is interned in the parser's dictionary, as an element's is.
            let name = xmlTextReaderConstName(reader)
            if name == first.pointer {
                values.0 = string(xmlTextReaderConstValue(reader))
            } else if name == second.pointer {
                values.1 = string(xmlTextReaderConstValue(reader))
            } else if name == third.pointer {
                values.2 = string(xmlTextReaderConstValue(reader))
            }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
        return values
    }

    /// The text of the `.text` event ``nextEvent()`` just returned.
    var textValue: String { string(xmlTextReaderConstValue(reader)) }

    /// Returns the next element start, element end or non-whitespace text, or `nil` at the end;
    /// the same events and checks as ``next()`` without a String or dictionary per element.
    func nextEvent() throws(XMLReadError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            stack.removeLast()
            return .end(name)
        }
        while !finished {
            let status = xmlTextReaderRead(reader)
            if let refusal = refusal() { throw refusal }
            if status < 0 || sink.first != nil { throw malformed() }
            if status == 0 {
                finished = true
                if let error = sink.first {
                    throw .malformed(file: file, line: error.line, path: path, problem: error.message)
                }
                return nil
            }
            elementLine = 0
            switch xmlReaderTypes(UInt32(xmlTextReaderNodeType(reader))) {
            case XML_READER_TYPE_DOCUMENT_TYPE:
                throw .doctypeRefused(file: file, line: line)
            case XML_READER_TYPE_ENTITY_REFERENCE, XML_READER_TYPE_ENTITY:
                throw .entityReferenceRefused(file: file, line: line)
            case XML_READER_TYPE_ELEMENT:
                let name = Name(pointer: xmlTextReaderConstString(reader, xmlTextReaderConstLocalName(reader)))
                elementLine = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) } ?? 0
                let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                stack.append(name)
                if isEmpty { pendingEnd = name }
                return .start(name, isEmpty: isEmpty)
            case XML_READER_TYPE_END_ELEMENT:
                let name = Name(pointer: xmlTextReaderConstString(reader, xmlTextReaderConstLocalName(reader)))
                stack.removeLast()
                return .end(name)
            case XML_READER_TYPE_TEXT, XML_READER_TYPE_CDATA:
                return .text
            default:
                continue
            }
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

    private func malformed() -> XMLReadError {
        let error = sink.first ?? (line, "the parser stopped")
        return .malformed(file: file, line: error.line, path: path, problem: error.message)
    }

    private func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}

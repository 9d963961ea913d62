import Foundation
import Testing
import KortlaegTestSupport

@testable import KortlaegReaders

/// Hostile-XML corpus, generated into a temporary folder per test.
@Suite struct XMLStreamReaderTests {
    private let secret = "TOPSECRET-0101011234"

    private func write(_ text: String, bytes: [UInt8]? = nil, name: String) throws -> String {
        let dir = try makeTemporaryFolder("kortlaeg-xml")
        let url = dir.appendingPathComponent(name)
        try Data(bytes ?? Array(text.utf8)).write(to: url)
        return url.path
    }

    private func drain(_ path: String) throws -> [XMLStreamReader.Node] {
        let reader = try XMLStreamReader(path: path)
        var nodes: [XMLStreamReader.Node] = []
        while let node = try reader.next() { nodes.append(node) }
        return nodes
    }

    @Test func readsElementsAttributesAndText() throws {
        let path = try write("<?xml version=\"1.0\"?><a x=\"1\"><b y=\"æ\"/>hej<![CDATA[<c>]]></a>", name: "ok.xml")
        #expect(try drain(path) == [
            .startElement(name: "a", attributes: ["x": "1"], isEmpty: false),
            .startElement(name: "b", attributes: ["y": "æ"], isEmpty: true),
            .endElement(name: "b"),
            .text("hej<c>"),
            .endElement(name: "a"),
        ])
    }

    /// The blanks between elements are layout, not text (libxml2 drops them, XML_PARSE_NOBLANKS);
    /// text with blanks around it keeps them, and an element of blanks only has no text, as before.
    @Test func blanksBetweenElementsAreNotText() throws {
        let path = try write("<?xml version=\"1.0\"?>\n<a>\n  <b> </b>\n  <c> x\ty </c>\n  <d>\n  </d>z</a>\n", name: "blanks.xml")
        #expect(try drain(path) == [
            .startElement(name: "a", attributes: [:], isEmpty: false),
            .startElement(name: "b", attributes: [:], isEmpty: false),
            .endElement(name: "b"),
            .startElement(name: "c", attributes: [:], isEmpty: false),
            .text(" x\ty "),
            .endElement(name: "c"),
            .startElement(name: "d", attributes: [:], isEmpty: false),
            .endElement(name: "d"),
            .text("z"),
            .endElement(name: "a"),
        ])
    }

    /// What the XML specification says the parser reports: references replaced in attribute
    /// values and text (`&amp;` is `&`, `&#230;` is æ), namespace declarations as `xmlns`
    /// attributes, prefixed attributes by their qualified name, `<e></e>` not empty but `<e/>`,
    /// a comment between two texts making two texts, and CDATA joining the text around it.
    @Test func referencesNamespacesCommentsAndCDATA() throws {
        let path = try write("""
            <?xml version="1.0"?>
            <r xmlns="urn:x" xmlns:p="urn:p" p:k="1 &amp; 2" v="&lt;&#230;&#38;&gt;">a &amp; b<!-- c -->d<e></e><f/>\
            x <![CDATA[<y>]]> z<?pi data?>w
              <![CDATA[q]]></r>
            """, name: "references.xml")
        #expect(try drain(path) == [
            .startElement(name: "r", attributes: ["xmlns": "urn:x", "xmlns:p": "urn:p", "p:k": "1 & 2", "v": "<æ&>"], isEmpty: false),
            .text("a & b"),
            .text("d"),
            .startElement(name: "e", attributes: [:], isEmpty: false),
            .endElement(name: "e"),
            .startElement(name: "f", attributes: [:], isEmpty: true),
            .endElement(name: "f"),
            .text("x <y> z"),
            .text("w\n  q"),
            .endElement(name: "r"),
        ])
    }

    /// Blanks just before a CDATA section are dropped when the element holds no text before them
    /// (libxml2's rule for layout with XML_PARSE_NOBLANKS), kept when its first child is text.
    @Test func blanksBeforeCDATA() throws {
        let path = try write("<a>\n  <![CDATA[x]]></a>", name: "cdata1.xml")
        #expect(try drain(path) == [.startElement(name: "a", attributes: [:], isEmpty: false), .text("x"), .endElement(name: "a")])
        let mixed = try write("<a>t<b/>  <![CDATA[x]]></a>", name: "cdata2.xml")
        #expect(try drain(mixed) == [
            .startElement(name: "a", attributes: [:], isEmpty: false), .text("t"),
            .startElement(name: "b", attributes: [:], isEmpty: true), .endElement(name: "b"),
            .text("  x"), .endElement(name: "a"),
        ])
    }

    /// A file larger than the pieces the parser is fed (64 KiB) and the blocks the guard scans
    /// (256 KiB): texts and attribute values cut by a piece boundary arrive whole, element lines
    /// are the lines their tags are on, past line 65,535 too (libxml2's reader stopped counting
    /// there: every later element was on "line 65535"), and nothing is lost.
    @Test func aLargeFileArrivesWhole() throws {
        var text = "<?xml version=\"1.0\"?>\n<root>\n"
        for index in 0..<70_000 {
            text += "<item n=\"\(index)\" v=\"\(String(repeating: "é&amp;", count: index % 7))\">t\(index) &#x41;</item>\n"
        }
        text += "</root>\n"
        let path = try write(text, name: "large.xml")
        let reader = try XMLStreamReader(path: path)
        var items = 0, texts = 0
        while let event = try reader.nextEvent() {
            switch event {
            case .start(let name, _) where name == reader.name("item"):
                let (n, v, _) = reader.attributes(reader.name("n"), reader.name("v"), reader.name("none"))
                #expect(n == String(items) && v == String(repeating: "é&", count: items % 7))
                #expect(reader.line == items + 3)
                items += 1
            case .text:
                #expect(reader.textValue == "t\(texts) A")
                texts += 1
            default:
                break
            }
        }
        #expect(items == 70_000 && texts == 70_000)
        #expect(reader.bytesRead == text.utf8.count)
    }

    @Test func externalEntityToLocalFileIsRefusedAndNeverRead() throws {
        let secretPath = try write(secret, name: "secret.txt")
        let path = try write(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file://\(secretPath)\">]>\n<r>&xxe;</r>\n",
            name: "xxe.xml")
        var seen: [String] = []
        do {
            let reader = try XMLStreamReader(path: path)
            while let node = try reader.next() { seen.append("\(node)") }
            Issue.record("expected refusal")
        } catch {
            seen.append("\(error)")
            #expect("\(error)" == "\(path):2: the document contains a DOCTYPE declaration; Kortlæg refuses DTDs in input files for safety. Export the file again without a DOCTYPE.")
        }
        #expect(!seen.joined().contains(secret))
    }

    @Test func billionLaughsIsRefused() throws {
        var dtd = "<!ENTITY lol0 \"lol\">"
        for i in 1...9 { dtd += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let path = try write("<?xml version=\"1.0\"?><!DOCTYPE lolz [\(dtd)]><lolz>&lol9;</lolz>", name: "laughs.xml")
        #expect(throws: XMLReadError.doctypeRefused(file: path, line: 1)) { try drain(path) }
    }

    @Test func plainDoctypeIsRefused() throws {
        let path = try write("<?xml version=\"1.0\"?>\n\n<!DOCTYPE ODM>\n<ODM/>", name: "doctype.xml")
        #expect(throws: XMLReadError.doctypeRefused(file: path, line: 3)) { try drain(path) }
    }

    @Test func truncatedDocumentNamesFileAndLine() throws {
        let path = try write("<?xml version=\"1.0\"?>\n<ODM>\n<ClinicalData>\n<SubjectData SubjectKey=\"0101011234\">", name: "truncated.xml")
        do {
            _ = try drain(path)
            Issue.record("expected an error")
        } catch {
            guard case let .malformed(file, line, _, _) = error as? XMLReadError else {
                Issue.record("wrong error \(error)"); return
            }
            #expect(file == path && line == 4)
            #expect("\(error)".hasPrefix("\(path):4: the file is not well-formed XML"))
            #expect(!"\(error)".contains("0101011234"))
        }
    }

    @Test func wrongDeclaredEncodingIsOneClearError() throws {
        // Declares UTF-8 but holds Windows-1252 bytes (æ = 0xE6) on line 2.
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>S".utf8)
        bytes += [0xE6, 0x72] + Array("</a>\n".utf8)
        let path = try write("", bytes: bytes, name: "encoding.xml")
        do {
            _ = try drain(path)
            Issue.record("expected an error")
        } catch {
            // The events before the bad byte are handed out first, so the message names the element.
            #expect("\(error)" == "\(path):2: the file is not well-formed XML (in a): Input is not proper UTF-8, indicate encoding. Expected a complete XML document in its declared encoding.")
        }
    }

    @Test func undefinedEntityReferenceIsAnError() throws {
        let path = try write("<a>&undefined;</a>", name: "entity.xml")
        #expect(throws: (any Error).self) { try drain(path) }
    }

    @Test func missingFile() {
        #expect(throws: XMLReadError.unreadable(file: "/nope.xml", reason: "the file does not exist or cannot be opened")) {
            try XMLStreamReader(path: "/nope.xml")
        }
    }
}

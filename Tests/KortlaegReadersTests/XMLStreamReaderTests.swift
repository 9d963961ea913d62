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
            #expect("\(error)" == "\(path):2: the file is not well-formed XML: Input is not proper UTF-8, indicate encoding. Expected a complete XML document in its declared encoding.")
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

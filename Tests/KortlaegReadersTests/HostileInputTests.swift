import Foundation
@testable import KortlaegReaders
import Testing
import KortlaegTestSupport

/// Issue 18, items 13–14: hostile inputs refused before the expensive work, with messages that
/// say what is wrong and where.
struct HostileInputTests {
    func temporaryFile(_ name: String, _ bytes: [UInt8]) throws -> String {
        let folder = try makeTemporaryFolder("kortlaeg-hostile")
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func readAll(_ path: String) throws(XMLReadError) {
        let reader = try XMLStreamReader(path: path)
        while try reader.next() != nil {}
    }

    @Test func anElementWithTooManyAttributesIsRefusedBeforeParsing() throws {
        // 1,001 attributes on line 2 (libxml2 2.9.14 checks them in quadratic time).
        let attributes = (0...XMLInputGuard.attributeLimit).map { "a\($0)=\"=\"" }.joined(separator: " ")
        let path = try temporaryFile("many.xml", Array("<ODM>\n<x \(attributes)/></ODM>".utf8))
        #expect(throws: XMLReadError.tooManyAttributes(file: path, line: 2, limit: 1_000)) { try readAll(path) }
        // 1,000 are fine, and `=` inside values does not count.
        let fine = (1...XMLInputGuard.attributeLimit).map { "a\($0)=\"x=y\"" }.joined(separator: " ")
        let ok = try temporaryFile("fine.xml", Array("<ODM><x \(fine)/></ODM>".utf8))
        #expect(throws: Never.self) { try readAll(ok) }
    }

    @Test func aDoctypeAfterTheFirst64KiBIsReportedOnItsRealLine() throws {
        let padding = String(repeating: "<!-- padding padding padding padding padding padding padding -->\n", count: 1_200)
        let text = "<?xml version=\"1.0\"?>\n" + padding + "<!DOCTYPE x [<!ENTITY e \"boom\">]>\n<ODM/>"
        #expect(text.utf8.count > 64 * 1024)
        let path = try temporaryFile("late-doctype.xml", Array(text.utf8))
        #expect(throws: XMLReadError.doctypeRefused(file: path, line: 1_202)) { try readAll(path) }
    }

    @Test func aHeaderWiderThanAnyExportIsRefused() throws {
        let header = (0...CSVReader.maximumColumns).map { "c\($0)" }.joined(separator: ",")
        let path = try temporaryFile("wide.csv", Array((header + "\n1\n").utf8))
        #expect(throws: CSVError.tooManyColumns(file: path, found: 10_001, limit: 10_000)) { _ = try CSVReader(path: path) }
    }

    @Test func anUnquotedLineOverTheLimitSaysSo() throws {
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: CSVReader.maximumRecordBytes + 256 * 1024)
        let path = try temporaryFile("long.csv", Array("a,b\n".utf8) + line + [0x0A])
        let reader = try CSVReader(path: path)
        #expect(throws: CSVError.lineTooLong(file: path, line: 2, limitBytes: CSVReader.maximumRecordBytes)) { _ = try reader.next() }
    }

    @Test func jsonErrorsGiveTheReasonAndTheLineAndColumn() throws {
        let path = try temporaryFile("broken.json", Array("{\n  \"resourceType\": \"QuestionnaireResponse\",\n  \"item\": [1,, 2]\n}".utf8))
        do {
            _ = try FHIRQuestionnaireResponseReader.read(path: path)
            Issue.record("expected an error")
        } catch {
            // The second comma is at line 3, column 14.
            #expect("\(error)".hasPrefix("\(path):3:14: the file is not valid JSON (invalid value"), "\(error)")
        }
    }
}

import Foundation

/// Recognises the kind of an input file from its structure: XML root element, JSON
/// `resourceType`, REDCap's CSV columns, SurveyXact's three files, else plain CSV. The first
/// character is read after the byte order mark, so UTF-16 XML and JSON are recognised too.
public enum SourceRecognizer {
    /// The recognised kind and the evidence, for the report on stderr.
    public struct Recognition: Sendable, Equatable {
        /// The kind.
        public var kind: SourceKind
        /// Why, e.g. `root element <ODM>`.
        public var evidence: String
    }

    /// Recognises `path`.
    /// - Throws: ``XMLReadError`` (hostile or broken XML), ``CSVError`` or ``ImportError``.
    public static func recognize(_ path: String) throws -> Recognition {
        if SurveyXactExport.locate(path) != nil {
            return Recognition(kind: .surveyxact, evidence: "dataset, structure and labels files side by side")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError.unreadable(file: path, reason: "the file does not exist or cannot be opened")
        }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        try? handle.close()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard XLSXWorkbook.isWorkbook(path) else {
                throw ImportError.unrecognized(file: path, found: "a zip archive without xl/workbook.xml (not an Excel workbook)")
            }
            return Recognition(kind: .xlsx, evidence: "zip archive with xl/workbook.xml")
        }
        // The OLE2 compound-file signature of an old binary .xls.
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw ImportError.excel(XLSXError.binaryExcel(file: path))
        }
        let first: UInt8?
        do { first = try TextStart.firstCharacter(of: head) } catch {
            throw ImportError.unreadable(file: path, reason: "\(error)")
        }
        if first == UInt8(ascii: "<") {
            let xml = try XMLStreamReader(path: path)
            while let node = try xml.next() {
                guard case let .startElement(name, _, _) = node else { continue }
                switch name {
                case "ODM": return Recognition(kind: .odm, evidence: "root element <ODM>")
                case "QuestionnaireResponse":
                    return Recognition(kind: .fhir, evidence: "root element <QuestionnaireResponse>")
                default:
                    throw ImportError.unrecognized(file: path, found: "an XML document with root element <\(name)>")
                }
            }
            throw ImportError.unrecognized(file: path, found: "an XML document without elements")
        }
        if first == UInt8(ascii: "{") {
            return Recognition(kind: .fhir, evidence: "JSON resource (resourceType checked when read)")
        }
        if head.isEmpty { throw ImportError.unrecognized(file: path, found: "an empty file") }
        let header = try CSVReader(path: path).header.map { $0.lowercased() }
        if header.contains("redcap_event_name") || header.contains("redcap_repeat_instrument") || header.first == "record_id" {
            return Recognition(kind: .redcapCSV, evidence: "CSV header with record_id/redcap_event_name")
        }
        return Recognition(kind: .csv, evidence: "CSV header (columns matched by official variable names)")
    }
}

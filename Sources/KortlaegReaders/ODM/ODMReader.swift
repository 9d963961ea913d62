/// Streams the clinical data of a CDISC ODM 1.3.x file (including REDCap project XML) as
/// ``SourceRecord``s, one per `FormData`, and collects its metadata on the way.
///
/// Lenient with REDCap: `FormData` directly under `SubjectData` (classic projects, no event),
/// constant `FileOID`, repeat keys on everything, `redcap:UniqueEventName` preferred as occasion.
/// Typed ODM 1.3.2 `ItemDataString`/`ItemDataInteger`… elements are read from their text.
public struct ODMReader {
    /// The file to read.
    public let path: String

    /// Creates a reader; nothing is opened until ``read(_:)``.
    public init(path: String) {
        self.path = path
    }

    /// Reads the file, calling `body` for each form.
    ///
    /// - Parameter body: Receives each record as soon as its `FormData` ends.
    /// - Returns: The metadata (`ItemDef`, `CodeList`, `StudyEventDef`).
    /// - Throws: ``XMLReadError`` or whatever `body` throws.
    @discardableResult
    public func read(_ body: (SourceRecord) throws -> Void) throws -> ODMMetadata {
        let xml = try XMLStreamReader(path: path)
        var metadata = ODMMetadata()
        var subject: String?
        var event: String?
        var record: SourceRecord?
        var typedItem: String?
        var text = ""
        var codeList: (oid: String, entries: [ODMMetadata.CodeListEntry])?
        var code: String?
        var sawRoot = false

        while let node = try xml.next() {
            switch node {
            case let .startElement(name, attributes, _):
                text = ""
                if !sawRoot {
                    guard name == "ODM" else {
                        throw XMLReadError.unexpectedContent(
                            file: path, line: xml.line, path: name, expected: "an <ODM> root element")
                    }
                    sawRoot = true
                    metadata.odmVersion = attributes["ODMVersion"]
                    metadata.sourceSystem = attributes["SourceSystem"]
                }
                switch name {
                case "ItemDef":
                    metadata.items.append(.init(
                        oid: attributes["OID"] ?? "", name: attributes["Name"] ?? "",
                        dataType: attributes["DataType"] ?? "", codeListOID: nil))
                case "CodeListRef":
                    if !metadata.items.isEmpty, xml.path.hasSuffix("ItemDef/CodeListRef") {
                        metadata.items[metadata.items.count - 1].codeListOID = attributes["CodeListOID"]
                    }
                case "CodeList":
                    codeList = (attributes["OID"] ?? "", [])
                case "CodeListItem", "EnumeratedItem":
                    code = attributes["CodedValue"]
                    if name == "EnumeratedItem", let code { codeList?.entries.append(.init(code: code, label: code)) }
                case "StudyEventDef":
                    if let oid = attributes["OID"] { metadata.studyEvents[oid] = attributes["Name"] ?? oid }
                case "SubjectData":
                    subject = attributes["SubjectKey"] ?? ""
                    event = nil
                case "StudyEventData":
                    event = attributes["redcap:UniqueEventName"] ?? attributes["StudyEventOID"]
                case "FormData":
                    guard let subject else {
                        throw XMLReadError.unexpectedContent(
                            file: path, line: xml.line, path: xml.path, expected: "FormData inside SubjectData")
                    }
                    record = SourceRecord(
                        source: path, location: "line \(xml.line) (\(xml.path))", subjectKey: subject,
                        occasion: event, form: attributes["FormOID"], repeatKey: attributes["FormRepeatKey"],
                        line: xml.line)
                case "ItemData":
                    if let oid = attributes["ItemOID"], attributes["IsNull"] != "Yes" {
                        record?.fields.append(SourceField(name: oid, value: attributes["Value"] ?? ""))
                    }
                default:
                    if name.hasPrefix("ItemData") { typedItem = attributes["ItemOID"] }
                }
            case .text(let value):
                text += value
            case .endElement(let name):
                switch name {
                case "TranslatedText":
                    if let current = code, xml.path.hasSuffix("CodeListItem/Decode") {
                        codeList?.entries.append(.init(code: current, label: text))
                        code = nil
                    }
                case "CodeListItem":
                    if let current = code { codeList?.entries.append(.init(code: current, label: "")) }
                    code = nil
                case "CodeList":
                    if let list = codeList { metadata.codeLists[list.oid] = list.entries }
                    codeList = nil
                case "FormData":
                    if let finished = record { try body(finished) }
                    record = nil
                case "StudyEventData":
                    event = nil
                case "SubjectData":
                    subject = nil
                default:
                    if let oid = typedItem, name.hasPrefix("ItemData") {
                        record?.fields.append(SourceField(name: oid, value: text))
                        typedItem = nil
                    }
                }
                text = ""
            }
        }
        return metadata
    }

    /// Reads every record into memory (for small files).
    public func readAll() throws -> (records: [SourceRecord], metadata: ODMMetadata) {
        var records: [SourceRecord] = []
        let metadata = try read { records.append($0) }
        return (records, metadata)
    }
}

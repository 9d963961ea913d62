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
        try read(opened: { _ in }, body)
    }

    /// Reads the file as ``read(_:)`` does; `opened` receives a function that tells how many of
    /// the file's bytes have been read (for a progress line).
    @discardableResult
    func read(opened: (@escaping () -> Int?) -> Void, _ body: (SourceRecord) throws -> Void) throws -> ODMMetadata {
        let xml = try XMLStreamReader(path: path)
        opened { [weak xml] in xml?.bytesRead }
        // Element names interned once; each element is matched by pointer, and only the
        // attributes ODM needs are read (no String or dictionary per element).
        let odm = xml.name("ODM"), itemDef = xml.name("ItemDef"), codeListRef = xml.name("CodeListRef")
        let codeListName = xml.name("CodeList"), codeListItem = xml.name("CodeListItem")
        let enumeratedItem = xml.name("EnumeratedItem"), studyEventDef = xml.name("StudyEventDef")
        let subjectData = xml.name("SubjectData"), studyEventData = xml.name("StudyEventData")
        let formData = xml.name("FormData"), itemData = xml.name("ItemData"), translatedText = xml.name("TranslatedText")
        let itemOID = xml.name("ItemOID"), isNull = xml.name("IsNull"), value = xml.name("Value")
        var metadata = ODMMetadata()
        var subject: String?
        var event: String?
        var record: SourceRecord?
        var typedItem: String?
        var text = ""
        var codeList: (oid: String, entries: [ODMMetadata.CodeListEntry])?
        var code: String?
        var sawRoot = false

        while let node = try xml.nextEvent() {
            switch node {
            case let .start(name, _):
                text = ""
                if !sawRoot {
                    guard name == odm else {
                        throw XMLReadError.unexpectedContent(
                            file: path, line: xml.line, path: name.text, expected: "an <ODM> root element")
                    }
                    sawRoot = true
                    metadata.odmVersion = xml.attribute("ODMVersion")
                    metadata.sourceSystem = xml.attribute("SourceSystem")
                }
                if name == itemData {
                    let (oid, null, given) = xml.attributes(itemOID, isNull, value)
                    if let oid, null != "Yes" {
                        record?.fields.append(SourceField(name: oid, value: given ?? ""))
                    }
                } else if name == itemDef {
                    metadata.items.append(.init(
                        oid: xml.attribute("OID") ?? "", name: xml.attribute("Name") ?? "",
                        dataType: xml.attribute("DataType") ?? "", codeListOID: nil))
                } else if name == codeListRef {
                    if !metadata.items.isEmpty, xml.path.hasSuffix("ItemDef/CodeListRef") {
                        metadata.items[metadata.items.count - 1].codeListOID = xml.attribute("CodeListOID")
                    }
                } else if name == codeListName {
                    codeList = (xml.attribute("OID") ?? "", [])
                } else if name == codeListItem || name == enumeratedItem {
                    code = xml.attribute("CodedValue")
                    if name == enumeratedItem, let code { codeList?.entries.append(.init(code: code, label: code)) }
                } else if name == studyEventDef {
                    if let oid = xml.attribute("OID") { metadata.studyEvents[oid] = xml.attribute("Name") ?? oid }
                } else if name == subjectData {
                    subject = xml.attribute("SubjectKey") ?? ""
                    event = nil
                } else if name == studyEventData {
                    event = xml.attribute("redcap:UniqueEventName") ?? xml.attribute("StudyEventOID")
                } else if name == formData {
                    guard let subject else {
                        throw XMLReadError.unexpectedContent(
                            file: path, line: xml.line, path: xml.path, expected: "FormData inside SubjectData")
                    }
                    record = SourceRecord(
                        source: path, location: "line \(xml.line) (\(xml.path))", subjectKey: subject,
                        occasion: event, form: xml.attribute("FormOID"), repeatKey: xml.attribute("FormRepeatKey"),
                        line: xml.line)
                } else if name.text.hasPrefix("ItemData") {
                    typedItem = xml.attribute("ItemOID")
                }
            case .text:
                text += xml.textValue
            case let .end(name):
                if name == translatedText {
                    if let current = code, xml.path.hasSuffix("CodeListItem/Decode") {
                        codeList?.entries.append(.init(code: current, label: text))
                        code = nil
                    }
                } else if name == codeListItem {
                    if let current = code { codeList?.entries.append(.init(code: current, label: "")) }
                    code = nil
                } else if name == codeListName {
                    if let list = codeList { metadata.codeLists[list.oid] = list.entries }
                    codeList = nil
                } else if name == formData {
                    if let finished = record { try body(finished) }
                    record = nil
                } else if name == studyEventData {
                    event = nil
                } else if name == subjectData {
                    subject = nil
                } else if let oid = typedItem, name.text.hasPrefix("ItemData") {
                    record?.fields.append(SourceField(name: oid, value: text))
                    typedItem = nil
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

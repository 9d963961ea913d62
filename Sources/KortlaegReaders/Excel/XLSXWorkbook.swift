import Foundation
import KortlaegDomain
import ZIPFoundation

/// An Excel workbook (`.xlsx`, Office Open XML) opened for reading one sheet as a table.
///
/// The zip is read with ZIPFoundation; every XML part (workbook, relationships, shared strings,
/// styles, the sheet) is unpacked to a temporary file and streamed through ``XMLStreamReader``
/// (libxml2 without network access, DTDs refused), so a large sheet is never held in memory.
/// Only the shared strings are kept (Excel writes each distinct text once).
///
/// Source: ECMA-376 Part 1 (5th ed.), §18.2 (workbook), §18.3 (worksheet, `c`/`v`/`is`), §18.4
/// (shared strings), §18.8.30 (built-in number formats 14–22 and 45–47 are dates and times).
final class XLSXWorkbook {
    /// The most an XML part may unpack to (a guard against zip bombs).
    static let partLimit: UInt64 = 2 << 30

    let file: String
    private let archive: Archive
    private let folder: URL
    /// The sheets, in workbook order: name and the path of their part in the zip.
    private(set) var sheets: [(name: String, part: String)] = []
    /// The shared strings, by index.
    private(set) var sharedStrings: [String] = []
    /// For each cell style (`s` attribute), whether its number format is a date.
    private(set) var dateStyles: [Bool] = []

    /// Whether `path` is a zip holding `xl/workbook.xml`.
    static func isWorkbook(_ path: String) -> Bool {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil) else { return false }
        return archive["xl/workbook.xml"] != nil
    }

    /// Opens the workbook and reads its sheet list, shared strings and styles.
    /// - Throws: ``XLSXError``.
    init(path: String) throws(XLSXError) {
        file = path
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read, pathEncoding: nil) } catch {
            throw .unreadable(file: path, reason: "it is not a zip archive")
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kortlaeg-xlsx-\(CPRGuard.uniqueName())")
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            throw .unreadable(file: path, reason: "no temporary folder: \(error.localizedDescription)")
        }
        try readSheets()
        try readSharedStrings()
        try readStyles()
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The part of the sheet `name` names, or of the first sheet: `name` is a sheet's name (exact,
    /// then ignoring case) or, when no sheet is called that, its 1-based number in workbook order.
    /// - Returns: the sheet's name, its part and its number (1 for the first).
    func sheetPart(named name: String?) throws(XLSXError) -> (name: String, part: String, number: Int) {
        guard let name else {
            guard let first = sheets.first else { throw .unreadable(file: file, reason: "it has no sheet") }
            return (first.name, first.part, 1)
        }
        if let index = sheets.firstIndex(where: { $0.name == name }) ?? sheets.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
            return (sheets[index].name, sheets[index].part, index + 1)
        }
        if let number = Int(name.trimmingCharacters(in: .whitespaces)), sheets.indices.contains(number - 1) {
            return (sheets[number - 1].name, sheets[number - 1].part, number)
        }
        throw .unknownSheet(file: file, name: name, sheets: sheets.map(\.name))
    }

    /// Unpacks `part` to a temporary file and opens it as XML; nil when the part is absent.
    func open(_ part: String) throws(XLSXError) -> XMLStreamReader? {
        guard let entry = archive[part] else { return nil }
        guard entry.uncompressedSize <= Self.partLimit else {
            throw .tooLarge(file: file, part: part, bytes: entry.uncompressedSize)
        }
        let target = folder.appendingPathComponent(CPRGuard.uniqueName() + ".xml")
        do {
            _ = FileManager.default.createFile(atPath: target.path, contents: nil)
            let handle = try FileHandle(forWritingTo: target)
            defer { try? handle.close() }
            var written: UInt64 = 0
            let limit = Self.partLimit
            _ = try archive.extract(entry, skipCRC32: false) { data in
                written += UInt64(data.count)
                if written > limit { throw XLSXError.tooLarge(file: self.file, part: part, bytes: written) }
                try handle.write(contentsOf: data)
            }
        } catch let error as XLSXError {
            throw error
        } catch {
            throw .unreadable(file: file, reason: "the part \(part) cannot be unpacked (\(error))")
        }
        do { return try XMLStreamReader(path: target.path, name: "\(file) (\(part))") } catch {
            throw .unreadable(file: file, reason: "\(error)")
        }
    }

    // MARK: - Parts

    private func readSheets() throws(XLSXError) {
        var targets: [String: String] = [:]
        if let rels = try open("xl/_rels/workbook.xml.rels") {
            try each(rels) { name, attributes in
                if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
            }
        }
        guard let workbook = try open("xl/workbook.xml") else { throw .unreadable(file: file, reason: "xl/workbook.xml is missing") }
        try each(workbook) { name, attributes in
            guard name == "sheet", let sheetName = attributes["name"] else { return }
            let id = attributes["r:id"] ?? attributes.first { $0.key.hasSuffix(":id") }?.value
            guard let target = id.flatMap({ targets[$0] }) else { return }
            let part = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            sheets.append((sheetName, part))
        }
    }

    private func readSharedStrings() throws(XLSXError) {
        guard let reader = try open("xl/sharedStrings.xml") else { return }
        var current: String?
        var inText = false
        do {
            while let node = try reader.next() {
                switch node {
                case let .startElement(name, _, isEmpty):
                    if name == "si" { current = isEmpty ? nil : "" ; if isEmpty { sharedStrings.append("") } }
                    // Phonetic runs (rPh) are not part of the text.
                    if name == "t", !isEmpty, !reader.path.contains("rPh") { inText = true }
                case let .text(text):
                    if inText { current? += text }
                case let .endElement(name):
                    if name == "t" { inText = false }
                    if name == "si", let text = current { sharedStrings.append(text); current = nil }
                }
            }
        } catch { throw .unreadable(file: file, reason: "\(error)") }
    }

    private func readStyles() throws(XLSXError) {
        guard let reader = try open("xl/styles.xml") else { return }
        var customDates: Set<Int> = []
        var inCellXfs = false
        do {
            while let node = try reader.next() {
                switch node {
                case let .startElement(name, attributes, isEmpty):
                    if name == "numFmt", let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"],
                       Self.isDateFormat(code) {
                        customDates.insert(id)
                    }
                    if name == "cellXfs", !isEmpty { inCellXfs = true }
                    if name == "xf", inCellXfs {
                        let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                        dateStyles.append((14...22).contains(id) || (45...47).contains(id) || customDates.contains(id))
                    }
                case let .endElement(name):
                    if name == "cellXfs" { inCellXfs = false }
                case .text:
                    break
                }
            }
        } catch { throw .unreadable(file: file, reason: "\(error)") }
    }

    /// Whether a custom number format shows a date: it has d, m or y outside quoted text and
    /// brackets (colours, locales).
    static func isDateFormat(_ code: String) -> Bool {
        var quoted = false, bracket = false
        for character in code.lowercased() {
            switch character {
            case "\"": quoted.toggle()
            case "[": bracket = true
            case "]": bracket = false
            case "d", "m", "y": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }

    private func each(_ reader: XMLStreamReader, _ body: (String, [String: String]) -> Void) throws(XLSXError) {
        do {
            while let node = try reader.next() {
                if case let .startElement(name, attributes, _) = node { body(name, attributes) }
            }
        } catch { throw .unreadable(file: file, reason: "\(error)") }
    }
}

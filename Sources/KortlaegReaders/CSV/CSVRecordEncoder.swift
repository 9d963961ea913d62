/// Builds CSV records as bytes, field by field, in a buffer of its own (a value, so the per-field
/// work needs no exclusivity check on a class property): the score fast path encodes a row here
/// and hands it to ``CSVWriter/appendRecords(_:)``.
///
/// Fields from the input go through ``CSVWriter/encodeField(_:delimiter:into:)``, the one field
/// encoder of ``CSVWriter/write(_:)``; pre-encoded fields come from ``CSVWriter/encodedField(_:)``.
struct CSVRecordEncoder {
    private let delimiter: UInt8
    private let lineEnding: [UInt8]
    /// Whether formula cells are neutralised (as ``CSVWriter/write(_:)`` does).
    private let cells: CSVCellPolicy
    /// The records encoded since the last ``removeAll()``.
    private(set) var bytes: [UInt8] = []
    private var fieldsInRecord = 0

    init(delimiter: UInt8, lineEnding: [UInt8], cells: CSVCellPolicy = .spreadsheet) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.cells = cells
        bytes.reserveCapacity(1024)
    }

    /// Appends a field, encoded as ``CSVWriter/write(_:)`` encodes it.
    mutating func appendField(_ utf8: UnsafeBufferPointer<UInt8>) {
        if fieldsInRecord > 0 { bytes.append(delimiter) }
        fieldsInRecord += 1
        // A cell a spreadsheet would run as a formula takes the slow path through the policy
        // (rare: only cells beginning with = + - @ TAB CR are looked at again).
        if cells == .spreadsheet, let first = utf8.first, CSVCellPolicy.mayTrigger(first) {
            let cell = cells.apply(String(decoding: utf8, as: UTF8.self))
            CSVWriter.encodeField(cell.utf8, delimiter: delimiter, into: &bytes)
            return
        }
        CSVWriter.encodeField(utf8, delimiter: delimiter, into: &bytes)
    }

    /// Appends a field already encoded by ``CSVWriter/encodedField(_:)`` (empty: an empty field).
    mutating func appendEncoded(_ encoded: UnsafeBufferPointer<UInt8>) {
        if fieldsInRecord > 0 { bytes.append(delimiter) }
        fieldsInRecord += 1
        bytes.append(contentsOf: encoded)
    }

    /// Appends `count` empty fields.
    mutating func appendEmptyFields(_ count: Int) {
        for _ in 0..<count {
            if fieldsInRecord > 0 { bytes.append(delimiter) }
            fieldsInRecord += 1
        }
    }

    /// Ends the record.
    mutating func endRecord() {
        bytes.append(contentsOf: lineEnding)
        fieldsInRecord = 0
    }

    /// Reserves room for `count` bytes of records.
    mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    /// Forgets the encoded records (keeping the capacity).
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldsInRecord = 0
    }
}

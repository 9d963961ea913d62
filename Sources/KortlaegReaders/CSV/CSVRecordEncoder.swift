/// Builds CSV records as bytes, field by field, in a buffer of its own (a value, so the per-field
/// work needs no exclusivity check on a class property): the score fast path encodes a row here
/// and hands it to ``CSVWriter/appendRecords(_:)``.
///
/// Fields from the input go through ``CSVWriter/encodeField(_:delimiter:into:)``, the one field
/// encoder of ``CSVWriter/write(_:)``; pre-encoded fields come from ``CSVWriter/encodedField(_:)``.
struct CSVRecordEncoder {
    private let delimiter: UInt8
    private let lineEnding: [UInt8]
    /// The records encoded since the last ``removeAll()``.
    private(set) var bytes: [UInt8] = []
    private var fieldsInRecord = 0

    init(delimiter: UInt8, lineEnding: [UInt8]) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        bytes.reserveCapacity(1024)
    }

    /// Appends a field, encoded as ``CSVWriter/write(_:)`` encodes it.
    mutating func appendField(_ utf8: UnsafeBufferPointer<UInt8>) {
        if fieldsInRecord > 0 { bytes.append(delimiter) }
        fieldsInRecord += 1
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

    /// Forgets the encoded records (keeping the capacity).
    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        fieldsInRecord = 0
    }
}

/// Whole records copied out of a ``CSVReader`` so that another thread can read them: the bytes
/// of each record (and of its unescaped fields) in one array, the fields as ranges into it.
///
/// The parallel score path fills a chunk on the reading thread with
/// ``CSVReader/appendRawRecord(to:number:line:)`` and scores it on a worker; each record reads
/// exactly as ``CSVReader/withRawRecord(_:)`` read it (same fields, number and line).
package struct CSVRecordChunk: Sendable {
    /// One record: where its fields end in `fields`, its number and first line.
    struct Entry: Sendable {
        var fieldsEnd: Int
        var number: Int
        var line: Int
    }

    var bytes: [UInt8] = []
    var fields: [CSVRawRecord.Field] = []
    var entries: [Entry] = []

    package init() {}

    /// An empty chunk with room for as much as `other` holds.
    package init(reservingLike other: CSVRecordChunk) {
        bytes.reserveCapacity(other.bytes.count)
        fields.reserveCapacity(other.fields.count)
        entries.reserveCapacity(other.entries.count)
    }

    /// The number of records.
    package var count: Int { entries.count }

    /// The number of bytes held (records and unescaped fields).
    package var byteCount: Int { bytes.count }

    /// Calls `body` with each record, its number and line, in order.
    package func forEachRecord(_ body: (CSVRawRecord, _ number: Int, _ line: Int) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { bytes in
            try fields.withUnsafeBufferPointer { fields in
                var start = 0
                for entry in entries {
                    let record = CSVRawRecord(buffer: bytes, arena: bytes,
                                              fields: UnsafeBufferPointer(rebasing: fields[start..<entry.fieldsEnd]))
                    try body(record, entry.number, entry.line)
                    start = entry.fieldsEnd
                }
            }
        }
    }
}

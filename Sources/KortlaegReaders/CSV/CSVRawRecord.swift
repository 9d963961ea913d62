/// The fields of one CSV record as UTF-8 bytes, unquoted and validated, valid only inside
/// ``CSVReader/withRawRecord(_:)`` (the fast path that makes no String per field).
package struct CSVRawRecord {
    /// Where a field lies: in the reader's buffer, or in its arena of unescaped fields.
    struct Field: Sendable {
        var start: Int
        var end: Int
        var inArena: Bool
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let arena: UnsafeBufferPointer<UInt8>
    let fields: UnsafeBufferPointer<Field>

    /// The number of fields (ragged rows keep their own).
    package var count: Int { fields.count }

    /// The bytes of field `index` (in `0..<count`).
    package subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        let field = fields[index]
        return UnsafeBufferPointer(rebasing: (field.inArena ? arena : buffer)[field.start..<field.end])
    }

    /// Field `index` as a String, or nil when the record is too short.
    package func string(_ index: Int) -> String? {
        index < count ? String(decoding: self[index], as: UTF8.self) : nil
    }
}

/// Builds CSV records as bytes, field by field, in a buffer of its own (a value, so the per-field
/// work needs no exclusivity check on a class property): the score fast path encodes a row here
/// and hands it to ``CSVWriter/appendRecords(_:)``.
///
/// A record is written through a ``Record`` straight into the buffer's memory, after room for
/// its largest possible size was made once (``withRecord(maximumBytes:_:)``): no capacity or
/// uniqueness check per field. Fields from the input are encoded as
/// ``CSVWriter/encodeField(_:delimiter:into:)`` encodes them (the test
/// `theWritersFieldPathEncodesAsWriteDoes` holds the two to the same bytes); pre-encoded fields come from
/// ``CSVWriter/encodedField(_:)``.
struct CSVRecordEncoder {
    private let delimiter: UInt8
    private let lineEnding: [UInt8]
    /// Whether formula cells are neutralised (as ``CSVWriter/write(_:)`` does).
    private let cells: CSVCellPolicy
    /// Initialised memory; the records encoded since the last ``removeAll()`` are its first `used` bytes.
    private var storage: [UInt8] = []
    private var used = 0

    init(delimiter: UInt8, lineEnding: [UInt8], cells: CSVCellPolicy = .spreadsheet) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.cells = cells
    }

    /// The number of bytes encoded since the last ``removeAll()``.
    var count: Int { used }

    /// The records encoded since the last ``removeAll()``.
    var bytes: [UInt8] { Array(storage[..<used]) }

    /// The encoded records, valid inside `body`.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try storage.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[..<used])) }
    }

    /// The encoded records, moved out (the encoder is left empty, without its memory).
    mutating func takeBytes() -> [UInt8] {
        var result: [UInt8] = []
        swap(&result, &storage)
        result.removeSubrange(used...)
        used = 0
        return result
    }

    /// The encoder's memory, moved out with the number of its bytes that hold records (the encoder
    /// is left empty, without its memory). Hand the memory back with ``reuse(_:)``: a buffer
    /// reused keeps its pages and needs no zeroing.
    mutating func takeStorage() -> (storage: [UInt8], count: Int) {
        var result: [UInt8] = []
        swap(&result, &storage)
        defer { used = 0 }
        return (result, used)
    }

    /// Forgets the encoded records and writes the next ones into `storage` (from
    /// ``takeStorage()``; moved in, left empty) when it is larger than the encoder's own memory.
    /// Moved, not copied: memory shared with a copy would be copied again at the first write.
    mutating func reuse(_ storage: inout [UInt8]) {
        used = 0
        if storage.count > self.storage.count { swap(&storage, &self.storage) }
    }

    /// Writes one record of at most `maximumBytes` bytes (line ending included) with `body`.
    ///
    /// `maximumBytes` must hold whatever `body` writes: ``Record/maximumBytes(ofField:)`` per
    /// field from the input, the encoded size per pre-encoded field, one byte per delimiter.
    mutating func withRecord<R>(maximumBytes: Int, _ body: (inout Record) throws -> R) rethrows -> R {
        let needed = used + maximumBytes + lineEnding.count + Record.slack
        if storage.count < needed {
            storage.append(contentsOf: repeatElement(0, count: max(needed - storage.count, storage.count, 4096)))
        }
        let start = used
        let (result, end) = try storage.withUnsafeMutableBufferPointer { memory in
            var record = Record(base: memory.baseAddress!, position: start, limit: needed, delimiter: delimiter, cells: cells)
            let result = try body(&record)
            for byte in lineEnding { record.put(byte) }
            precondition(record.position <= needed, "a CSV record outgrew the room made for it")
            return (result, record.position)
        }
        used = end
        return result
    }

    /// Reserves room for `count` bytes of records.
    mutating func reserveCapacity(_ count: Int) {
        if storage.count < count { storage.append(contentsOf: repeatElement(0, count: count - storage.count)) }
    }

    /// Forgets the encoded records (keeping the memory).
    mutating func removeAll() {
        used = 0
    }

    /// One record being written into the encoder's memory (inside ``withRecord(maximumBytes:_:)``).
    struct Record {
        fileprivate let base: UnsafeMutablePointer<UInt8>
        fileprivate var position: Int
        /// The end of the room made (checked per field in every build, per byte in debug builds).
        private let limit: Int
        private let delimiter: UInt8
        private let cells: CSVCellPolicy
        private var fields = 0

        fileprivate init(base: UnsafeMutablePointer<UInt8>, position: Int, limit: Int, delimiter: UInt8, cells: CSVCellPolicy) {
            self.base = base
            self.position = position
            self.limit = limit
            self.delimiter = delimiter
            self.cells = cells
        }

        /// The most bytes ``appendField(_:)`` writes for a field of `count` bytes, its delimiter
        /// included (a leading `'` for a formula cell, every byte a doubled quote, two quotes).
        static func maximumBytes(ofField count: Int) -> Int { 2 * (count + 1) + 3 }

        /// Writes one byte; room was checked for the field it belongs to.
        fileprivate mutating func put(_ byte: UInt8) {
            assert(position < limit, "a CSV record outgrew the room made for it")
            base[position] = byte
            position += 1
        }

        /// Checks, in every build, that `count` more bytes fit in the room made for the record:
        /// once per field, so a wrong bound stops the run instead of writing past the memory.
        private func ensureRoom(_ count: Int) {
            precondition(position + count <= limit, "a CSV record outgrew the room made for it")
        }

        private mutating func separate() {
            ensureRoom(1)
            if fields > 0 { put(delimiter) }
            fields += 1
        }

        /// Appends a field from the input, encoded as ``CSVWriter/write(_:)`` encodes it.
        mutating func appendField(_ utf8: UnsafeBufferPointer<UInt8>) {
            separate()
            // A cell a spreadsheet would run as a formula takes the slow path through the policy
            // (rare: only cells beginning with = + - @ TAB CR are looked at again).
            if cells == .spreadsheet, let first = utf8.first, CSVCellPolicy.mayTrigger(first) {
                var encoded: [UInt8] = []
                CSVWriter.encodeField(cells.apply(String(decoding: utf8, as: UTF8.self)).utf8, delimiter: delimiter, into: &encoded)
                encoded.withUnsafeBufferPointer { copy($0) }
                return
            }
            let quote = UInt8(ascii: "\"")
            let delimiter = self.delimiter
            guard utf8.contains(where: { $0 == delimiter || $0 == quote || $0 == 0x0A || $0 == 0x0D }) else {
                copy(utf8)
                return
            }
            ensureRoom(2 * utf8.count + 2)
            put(quote)
            for byte in utf8 {
                if byte == quote { put(quote) }
                put(byte)
            }
            put(quote)
        }

        /// Appends a field already encoded by ``CSVWriter/encodedField(_:)`` (empty: an empty field).
        mutating func appendEncoded(_ encoded: UnsafeBufferPointer<UInt8>) {
            separate()
            copy(encoded)
        }

        /// Appends `fields` fields already encoded and joined by delimiters.
        mutating func appendEncoded(_ encoded: UnsafeBufferPointer<UInt8>, fields count: Int) {
            separate()
            fields += count - 1
            copy(encoded)
        }

        /// Bytes of room beyond a record's largest size, and past the end of a table of
        /// prefixed fields: ``appendPrefixed(_:fields:)`` copies whole 8-byte words.
        static let slack = 8

        /// Appends `count` fields already encoded and joined by delimiters, *with* the delimiter
        /// before the first (never the record's first field): one copy, in whole words (the
        /// bytes after the field are overwritten by the next field or lie in the slack).
        /// `encoded` must be followed by ``slack`` readable bytes.
        mutating func appendPrefixed(_ encoded: UnsafeBufferPointer<UInt8>, fields count: Int = 1) {
            assert(fields > 0 && encoded.first == delimiter, "a prefixed field cannot start a record")
            fields += count
            guard let source = encoded.baseAddress else { return }
            let length = encoded.count
            ensureRoom(length + Self.slack)
            var offset = 0
            repeat {
                let word = UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(base + position + offset).storeBytes(of: word, as: UInt64.self)
                offset += 8
            } while offset < length
            position += length
        }

        /// Appends `count` empty fields.
        mutating func appendEmptyFields(_ count: Int) {
            for _ in 0..<count { separate() }
        }

        private mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Most fields are a few bytes: eight at a time and a loop, not a call to memmove.
            guard let source = bytes.baseAddress else { return }
            let count = bytes.count
            ensureRoom(count)
            if count > 64 {
                (base + position).update(from: source, count: count)
                position += count
                return
            }
            var offset = 0
            while offset + 8 <= count {
                let word = UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self)
                UnsafeMutableRawPointer(base + position).storeBytes(of: word, as: UInt64.self)
                position += 8
                offset += 8
            }
            while offset < count {
                base[position] = source[offset]
                position += 1
                offset += 1
            }
        }
    }
}

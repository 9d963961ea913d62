import Foundation

/// The scores of one response as one text: the SQLite store's `response.scores` column (schema
/// v8), which replaced the `score` table's nine rows per response (one row is a fraction of the
/// work of ten for SQLite; docs/decisions.md, 2026-12-07).
///
/// The form: per score `id␟variable␟value␟bands` (U+001F between fields), scores separated by
/// U+001E, in the byte order of their ids (the order the table's key kept them in). A nil value or
/// nil bands is an empty field; a value is written as an integer when it is one (`12`), otherwise
/// as Swift's shortest text that reads back as the same `Double` (`2.5`, `1e-05`). A field holding
/// `%`, U+001E or U+001F has those bytes written as `%25`, `%1E`, `%1F`. No scores: the empty text.
package enum ScoreCoding {
    static let fieldSeparator: UInt8 = 0x1F
    static let scoreSeparator: UInt8 = 0x1E
    static let escape = UInt8(ascii: "%")

    /// The stored text of `scores`.
    package static func encode(_ scores: [ComputedScore]) -> String {
        guard !scores.isEmpty else { return "" }
        return encode(scores, order: isOrdered(scores) ? Array(scores.indices) : storedOrder(of: scores.map(\.id)))
    }

    /// The positions of `ids` in the order they are stored in (the byte order of the ids): made
    /// once per scorer, whose scores always come in one order.
    package static func storedOrder(of ids: [String]) -> [Int] {
        ids.indices.sorted { ids[$0].utf8.lexicographicallyPrecedes(ids[$1].utf8) }
    }

    /// The stored text of `scores` taken in `order` (``storedOrder(of:)`` of their ids).
    package static func encode(_ scores: [ComputedScore], order: [Int]) -> String {
        guard !scores.isEmpty else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scores.count * 48)
        for (index, position) in order.enumerated() {
            let score = scores[position]
            if index > 0 { bytes.append(scoreSeparator) }
            append(score.id, to: &bytes)
            bytes.append(fieldSeparator)
            append(score.variable, to: &bytes)
            bytes.append(fieldSeparator)
            if let value = score.value { appendValue(value, to: &bytes) }
            bytes.append(fieldSeparator)
            if let bands = score.bands { append(bands, to: &bytes) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether the scores are in the byte order of their ids already (the scorer's order usually
    /// is not, but a list read back is).
    private static func isOrdered(_ scores: [ComputedScore]) -> Bool {
        var index = 1
        while index < scores.count {
            if scores[index].id.utf8.lexicographicallyPrecedes(scores[index - 1].id.utf8) { return false }
            index += 1
        }
        return true
    }

    private static func append(_ text: String, to bytes: inout [UInt8]) {
        // Almost always nothing to escape: the text's bytes at once.
        let plain = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard !buffer.contains(where: { $0 == escape || $0 == fieldSeparator || $0 == scoreSeparator }) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if plain == true { return }
        for byte in text.utf8 {
            switch byte {
            case escape: bytes += [escape, UInt8(ascii: "2"), UInt8(ascii: "5")]
            case fieldSeparator: bytes += [escape, UInt8(ascii: "1"), UInt8(ascii: "F")]
            case scoreSeparator: bytes += [escape, UInt8(ascii: "1"), UInt8(ascii: "E")]
            default: bytes.append(byte)
            }
        }
    }

    /// An integral value below 10^15 as its digits (not -0, whose sign the digits would lose);
    /// any other as `Double.description`, which reads back as the same value.
    static func appendValue(_ value: Double, to bytes: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15, !(value == 0 && value.sign == .minus) {
            var number = Int64(value)
            if number < 0 {
                bytes.append(UInt8(ascii: "-"))
                number = -number
            }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[count] = UInt8(ascii: "0") + UInt8(number % 10)
                    number /= 10
                    count += 1
                } while number > 0
                for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
            }
        } else {
            bytes += value.description.utf8
        }
    }
}

/// The fields of one score of a stored scores text (the full form's four, the short form's two):
/// the byte ranges between U+001F separators, up to four kept, all counted.
struct ScoreFields {
    /// Fields the score had.
    private(set) var count = 0
    private var kept: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>)
        = (.init(start: nil, count: 0), .init(start: nil, count: 0), .init(start: nil, count: 0), .init(start: nil, count: 0))

    /// Field `index` (0 ..< min(count, 4)).
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        switch index {
        case 0: kept.0
        case 1: kept.1
        case 2: kept.2
        default: kept.3
        }
    }

    private mutating func append(_ field: UnsafeBufferPointer<UInt8>) {
        switch count {
        case 0: kept.0 = field
        case 1: kept.1 = field
        case 2: kept.2 = field
        case 3: kept.3 = field
        default: break
        }
        count += 1
    }

    /// Calls `body` with the fields of each score of `bytes[first...]` (scores separated by
    /// U+001E, fields by U+001F), in order; a text of no bytes after `first` is one empty field.
    static func forEachScore(in bytes: UnsafeBufferPointer<UInt8>, from first: Int,
                             _ body: (ScoreFields) throws -> Void) throws {
        var fields = ScoreFields()
        var start = first
        var position = first
        while position < bytes.count {
            switch bytes[position] {
            case ScoreCoding.fieldSeparator:
                fields.append(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                start = position + 1
            case ScoreCoding.scoreSeparator:
                fields.append(UnsafeBufferPointer(rebasing: bytes[start..<position]))
                try body(fields)
                fields = ScoreFields()
                start = position + 1
            default: break
            }
            position += 1
        }
        fields.append(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        try body(fields)
    }
}

/// Reads ``ScoreCoding`` texts back. One decoder reads the responses of one scan: the ids,
/// variables and bands at one position repeat from response to response (a band text takes a
/// handful of values), so a field equal to one of the last few at its position reuses that
/// string instead of making a new one.
package struct ScoreDecoder {
    /// Per position and field (id, variable, bands): the most recent distinct texts.
    private var recent: [[String]] = []
    private static let kept = 8

    package init() {}

    /// The scores of a stored text: the full form, or ``ScoreLayout``'s short form read with
    /// `layout` (the layout kept with the response's scoring row).
    /// - Throws: ``StoreError/database(_:)`` when the text is not in the stored form.
    package mutating func decode(_ text: String, layout: ScoreLayout? = nil) throws -> [ComputedScore] {
        var text = text
        return try text.withUTF8 { try decode($0, layout: layout) }
    }

    /// The scores of a stored text's bytes.
    /// - Throws: ``StoreError/database(_:)`` when the bytes are not in the stored form.
    package mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, layout: ScoreLayout? = nil) throws -> [ComputedScore] {
        try decode(bytes, layout: layout) { ComputedScore(id: $0, variable: $1, value: $2, bands: $3) }
    }

    /// The scores of a stored text's bytes, each made by `make(id, variable, value, bands)`.
    /// - Throws: ``StoreError/database(_:)`` when the bytes are not in the stored form, or are in
    ///   the short one without `layout`.
    package mutating func decode<Score>(_ bytes: UnsafeBufferPointer<UInt8>, layout: ScoreLayout? = nil,
                                        make: (String, String, Double?, String?) -> Score) throws -> [Score] {
        guard !bytes.isEmpty else { return [] }
        if bytes[0] == ScoreLayout.marker {
            guard let layout else {
                throw StoreError.database("stored scores are in the short form, but their scoring row keeps no layout of the scores")
            }
            return try layout.decode(bytes, make: make)
        }
        var scores: [Score] = []
        scores.reserveCapacity(recent.count / 3)
        try ScoreFields.forEachScore(in: bytes, from: 0) { fields in
            guard fields.count == 4 else {
                throw StoreError.database("stored scores are damaged: \(fields.count) fields in score \(scores.count + 1), 4 expected")
            }
            let base = scores.count * 3
            while recent.count < base + 3 { recent.append([]) }
            let id = try text(fields[0], slot: base)
            let variable = try text(fields[1], slot: base + 1)
            let value = try Self.value(fields[2])
            let bands = fields[3].isEmpty ? nil : try text(fields[3], slot: base + 2)
            scores.append(make(id, variable, value, bands))
        }
        return scores
    }

    /// The field's text: one of the recent texts of its slot when its bytes are the same (then
    /// moved to the front), otherwise made and kept.
    private mutating func text(_ field: UnsafeBufferPointer<UInt8>, slot: Int) throws -> String {
        for (index, earlier) in recent[slot].enumerated()
        where earlier.utf8.withContiguousStorageIfAvailable({ Self.same($0, field) }) == true {
            if index > 0 { recent[slot].swapAt(0, index) }
            return earlier
        }
        let made = try Self.text(field)
        if recent[slot].count == Self.kept { recent[slot].removeLast() }
        recent[slot].insert(made, at: 0)
        return made
    }

    /// The field's text, unescaped when it holds a `%`.
    private static func text(_ field: UnsafeBufferPointer<UInt8>) throws -> String {
        guard field.contains(ScoreCoding.escape) else { return String(decoding: field, as: UTF8.self) }
        var bytes: [UInt8] = []
        var index = 0
        while index < field.count {
            guard field[index] == ScoreCoding.escape else {
                bytes.append(field[index])
                index += 1
                continue
            }
            guard index + 2 < field.count,
                  let byte = UInt8(String(decoding: UnsafeBufferPointer(rebasing: field[(index + 1)...(index + 2)]), as: UTF8.self), radix: 16) else {
                throw StoreError.database("stored scores are damaged: a % not followed by two hexadecimal digits")
            }
            bytes.append(byte)
            index += 3
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    /// The value field: empty is nil; digits are read directly, anything else by `Double(_:)`.
    static func value(_ field: UnsafeBufferPointer<UInt8>) throws -> Double? {
        guard !field.isEmpty else { return nil }
        var index = 0
        let negative = field[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        var number: Int64 = 0
        var digits = 0
        while index < field.count, field[index] &- UInt8(ascii: "0") < 10, digits < 16 {
            number = number * 10 + Int64(field[index] &- UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        if index == field.count, digits > 0 { return Double(negative ? -number : number) }
        guard let value = Double(String(decoding: field, as: UTF8.self)) else {
            throw StoreError.database("stored scores are damaged: \(String(decoding: field, as: UTF8.self).debugDescription) is not a number")
        }
        return value
    }
}

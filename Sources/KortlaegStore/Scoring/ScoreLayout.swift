import Foundation

/// The scores of one scoring (instrument version, rule choices, band tables) in stored order,
/// for the short form of a response's scores that the SQLite store keeps (schema v10): `~`, then
/// per score its value and the index of its bands text in this layout, U+001F between the two
/// and U+001E between scores (as in ``ScoreCoding``, so a text has one separator fewer than
/// scores). `~12␟3␞␟␞2.5␟` is three scores: 12 with bands text 3, none, 2.5 with no bands.
///
/// Nine SDQ scores are about 30 bytes instead of about 410 (ids, variables and bands texts
/// written in full): with ``AnswerLayout`` an import of a million responses writes a fifth of the
/// bytes of v9. The layout is kept once, with the scoring row (`scoring.scoreItems`, JSON). Scores
/// the layout does not describe (other ids or variables, a bands text it does not list) are
/// stored in ``ScoreCoding``'s full form; a reader tells the two apart by the first character.
package struct ScoreLayout: Hashable, Sendable, Codable {
    /// One score of the layout.
    package struct Score: Hashable, Sendable, Codable {
        package var id: String
        package var variable: String
        /// Every bands text the score can have; a stored index points into it (nil: no bands).
        package var bands: [String?]
    }

    /// The scores in stored order (the byte order of their ids).
    package let scores: [Score]

    static let marker = UInt8(ascii: "~")

    /// The layout of `scores`, put in stored order; nil when there are none or an id repeats.
    package init?(scores: [Score]) {
        guard !scores.isEmpty, Set(scores.map(\.id)).count == scores.count else { return nil }
        self.scores = ScoreCoding.storedOrder(of: scores.map(\.id)).map { scores[$0] }
    }

    /// The layout as kept in the scoring row (JSON).
    package var stored: String {
        // Encoding plain strings and arrays cannot fail.
        String(decoding: (try? JSONEncoder.sorted.encode(scores)) ?? Data("[]".utf8), as: UTF8.self)
    }

    /// The layout kept as ``stored``; nil for the empty text (none kept) or one that does not read.
    package init?(stored: String) {
        guard !stored.isEmpty, let scores = try? JSONDecoder().decode([Score].self, from: Data(stored.utf8)) else { return nil }
        self.init(scores: scores)
    }

    /// Whether `text` is a stored scores text in the short form.
    package static func isShort(_ text: String) -> Bool { text.utf8.first == marker }

    /// The short form of `scores` given with the index of each one's bands text in this layout's
    /// list (`bandIndexes`, in the same order as `scores`); nil when the scores are not this
    /// layout's (ids, variables, order) or an index is out of range.
    package func encode(_ scores: [ComputedScore], bandIndexes: [Int?]) -> String? {
        guard scores.count == self.scores.count, bandIndexes.count == scores.count else { return nil }
        var bytes: [UInt8] = [Self.marker]
        bytes.reserveCapacity(1 + scores.count * 6)
        for (position, score) in scores.enumerated() {
            let entry = self.scores[position]
            guard score.id == entry.id, score.variable == entry.variable else { return nil }
            if position > 0 { bytes.append(ScoreCoding.scoreSeparator) }
            if let value = score.value { ScoreCoding.appendValue(value, to: &bytes) }
            bytes.append(ScoreCoding.fieldSeparator)
            if let index = bandIndexes[position] {
                guard entry.bands.indices.contains(index), entry.bands[index] == score.bands else { return nil }
                if score.bands != nil { bytes += String(index).utf8 }
            } else if score.bands != nil {
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The scores of a short-form text's bytes, each made by `make(id, variable, value, bands)`.
    /// - Throws: ``StoreError/database(_:)`` when the bytes are not a text of this layout.
    package func decode<Made>(_ bytes: UnsafeBufferPointer<UInt8>,
                              make: (String, String, Double?, String?) -> Made) throws -> [Made] {
        guard bytes.first == Self.marker else { throw StoreError.database("stored scores are damaged: not in the short form") }
        var made: [Made] = []
        made.reserveCapacity(scores.count)
        try ScoreFields.forEachScore(in: bytes, from: 1) { fields in
            guard made.count < scores.count else {
                throw StoreError.database("stored scores are damaged: more scores than the \(scores.count) of their layout")
            }
            guard fields.count == 2 else {
                throw StoreError.database("stored scores are damaged: \(fields.count) fields in score \(made.count + 1), 2 expected")
            }
            let entry = scores[made.count]
            let value = try ScoreDecoder.value(fields[0])
            var bands: String?
            if !fields[1].isEmpty {
                var index = 0
                for byte in fields[1] {
                    guard byte &- UInt8(ascii: "0") < 10, index < 1 << 32 else {
                        throw StoreError.database("stored scores are damaged: a bands index that is not a number")
                    }
                    index = index * 10 + Int(byte &- UInt8(ascii: "0"))
                }
                guard entry.bands.indices.contains(index), let text = entry.bands[index] else {
                    throw StoreError.database("stored scores are damaged: bands \(index) of \(entry.id) is not in its layout")
                }
                bands = text
            }
            made.append(make(entry.id, entry.variable, value, bands))
        }
        guard made.count == scores.count else {
            throw StoreError.database("stored scores are damaged: \(made.count) scores, \(scores.count) in their layout")
        }
        return made
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys: the same layout is always the same text.
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}

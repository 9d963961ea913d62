import KortlaegDomain

/// ``AnswerCoding/encode(_:missingReasons:)`` for the common response of one instrument: every
/// answer a code of one of its items, no missing-code reasons. The item ids are sorted and
/// quoted once, so a response is written without sorting its answers or building a String per
/// key; any other response is handed to ``AnswerCoding/encode(_:missingReasons:)`` as it is.
package struct AnswerCodingPlan: Sendable {
    /// Item id and its `"id":` bytes, in the stored (sorted) order.
    private let keys: [(id: String, prefix: [UInt8])]
    /// The layout of the short form, when the store keeps answers in it (``AnswerLayout``).
    private let layout: AnswerLayout?

    /// The plan of an instrument's items; with `short`, answers the short form can hold are
    /// written in it (``AnswerLayout``), the others as JSON.
    package init(itemIDs: some Sequence<String>, short: Bool = false) {
        let ids = Array(itemIDs)
        keys = Set(ids).sorted().map { id in (id, Array((AnswerCoding.quoted(id) + ":").utf8)) }
        layout = short ? AnswerLayout(itemIDs: ids) : nil
    }

    package func encode(_ answers: [String: AnswerValue], missingReasons: [String: String] = [:]) -> String {
        if let layout, let short = layout.encode(answers, missingReasons: missingReasons) { return short }
        guard !answers.isEmpty, missingReasons.isEmpty, answers.count <= keys.count else {
            return AnswerCoding.encode(answers, missingReasons: missingReasons)
        }
        var out: [UInt8] = []
        out.reserveCapacity(8 + 16 * answers.count)
        out.append(contentsOf: #"{"c":{"#.utf8)
        var found = 0
        for key in keys {
            guard let value = answers[key.id] else { continue }
            guard case let .code(code) = value else { return AnswerCoding.encode(answers, missingReasons: missingReasons) }
            if found > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: key.prefix)
            if (0...9).contains(code) {
                out.append(UInt8(ascii: "0") + UInt8(code))
            } else {
                out.append(contentsOf: String(code).utf8)
            }
            found += 1
        }
        // An answer to an item the instrument does not have: the general path writes it.
        guard found == answers.count else { return AnswerCoding.encode(answers, missingReasons: missingReasons) }
        out.append(contentsOf: "}}".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}

import Foundation

/// Where a mapping profile finds one value of a record: a named field, a part of the record
/// the reader fills (subject, occasion, form, repeat key, date), or a constant.
///
/// In JSON: `{"field": "record_id"}`, `{"part": "subject"}` or `{"value": "T1"}`, each with an
/// optional `map` from source values to Kortlæg values (`{"baseline_arm_1": "T1"}`). A field may
/// have `aliases`, other names for the same field (`{"field": "class", "aliases": ["klasse"]}`).
public struct FieldReference: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The parts of a ``SourceRecord`` a reference can name.
    public enum Part: String, Codable, Sendable {
        case subject, occasion, form, repeatKey, date
    }

    /// A field of the record, by name (matched case-insensitively).
    public var field: String?
    /// Other names of ``field``; the first name present in a record wins.
    public var aliases: [String]?
    /// A part of the record the reader fills.
    public var part: Part?
    /// A constant.
    public var value: String?
    /// Source value → Kortlæg value. When present, a value not in the map is a rejection.
    public var map: [String: String]?

    /// Creates a reference; exactly one of `field`, `part`, `value` should be set.
    public init(field: String? = nil, aliases: [String]? = nil, part: Part? = nil, value: String? = nil,
                map: [String: String]? = nil) {
        self.field = field
        self.aliases = aliases
        self.part = part
        self.value = value
        self.map = map
    }

    /// `field 'x'`, `the record's subject` or `the constant 'T1'`.
    public var description: String {
        if let field {
            let others = (aliases ?? []).map { " or '\($0)'" }.joined()
            return "field '\(field)'\(others)"
        }
        if let part { return "the record's \(part.rawValue)" }
        return "the constant '\(value ?? "")'"
    }

    /// The raw value in `record` (before `map`), or nil when absent or blank.
    func rawValue(in record: SourceRecord) -> String? {
        let text: String?
        if let value {
            text = value
        } else if let part {
            switch part {
            case .subject: text = record.subjectKey
            case .occasion: text = record.occasion
            case .form: text = record.form
            case .repeatKey: text = record.repeatKey
            case .date: text = record.date
            }
        } else if let name = presentFieldName(in: record) {
            text = record.fields.first { $0.name == name }?.value
        } else {
            text = nil
        }
        guard let trimmed = text?.trimmingWhitespace, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The name of the record's field this reference reads: ``field`` or the first alias present
    /// (matched exactly first, then case-insensitively), as written in the record.
    func presentFieldName(in record: SourceRecord) -> String? {
        guard let field else { return nil }
        for name in [field] + (aliases ?? []) {
            if let found = record.fields.first(where: { $0.name == name }) { return found.name }
            let lowered = name.lowercased()
            if let found = record.fields.first(where: { $0.name.lowercasedFast == lowered }) { return found.name }
        }
        return nil
    }

    /// The field names this reference may read, lowercased (``field`` and its aliases).
    var fieldNames: [String] {
        guard let field else { return [] }
        return ([field] + (aliases ?? [])).map { $0.lowercased() }
    }

    /// The name used in rejections.
    var sourceName: String {
        if let field { return field }
        if let part { return "(\(part.rawValue))" }
        return "(constant)"
    }
}

import Foundation
import KortlaegDomain

/// Applies a ``MappingProfile`` to ``SourceRecord``s, producing validated ``MappedResponse``s or
/// located rejections.
///
/// Every problem of a record is collected (not just the first); one bad record never stops the
/// others. Values from the child-id field and from free-text items never appear in rejections.
public struct ResponseMapper: Sendable {
    /// One instrument item and where its answer comes from. A class: a record reads every plan,
    /// and a copy of a struct this size retains and releases each of its arrays and dictionaries.
    final class Plan: Sendable {
        let itemIndex: Int
        /// Source field names, lowercased; the first present wins.
        let sources: [String]
        /// Normalised answer text → code, from the profile.
        let answerMap: [String: Int]
        /// Normalised label or alias → code, from the instrument.
        let labels: [String: Int]
        /// Normalised missing code → meaning, for this item's fields.
        let missing: [String: MissingCode.Meaning]
        /// The code labels (Danish, else English) for "nearest label" hints.
        let labelNames: [(key: String, name: String)]
        /// Whether the value may be echoed in messages.
        let showsValue: Bool
        /// The accepted answers in words.
        let expected: String
        /// The scale's codes and labels (empty for number and text items).
        let choices: [MappingProblem.Choice]
        /// Whether the item takes a number.
        let expectsNumber: Bool

        init(itemIndex: Int, sources: [String], answerMap: [String: Int], labels: [String: Int],
             missing: [String: MissingCode.Meaning], labelNames: [(key: String, name: String)], showsValue: Bool,
             expected: String, choices: [MappingProblem.Choice], expectsNumber: Bool) {
            self.itemIndex = itemIndex
            self.sources = sources
            self.answerMap = answerMap
            self.labels = labels
            self.missing = missing
            self.labelNames = labelNames
            self.showsValue = showsValue
            self.expected = expected
            self.choices = choices
            self.expectsNumber = expectsNumber
        }
    }

    /// The profile applied.
    public let profile: MappingProfile
    /// The instrument the responses are for.
    public let instrument: Instrument
    /// Whether the profile's child ``MappingProfile/attributes`` are read (and checked): only
    /// when the responses go into a project store, which keeps them.
    public let readsChildAttributes: Bool
    let plans: [Plan]
    let parser: AnswerParser
    /// The lowercased field names of the profile's references, worked out once instead of per
    /// record, by ``ReferenceSlot`` (where they are in a record: ``FieldLayout/referencePositions``).
    private let referenceNames: [[String]]
    /// The lowercased field names the profile reads (items, child id, occasion, informant, date
    /// and, when read, the child attributes): every other field of a record is unmapped.
    private let mappedFieldNames: Set<String>
    /// The field layout of the last record, for the next one with the same field names.
    private let layouts = FieldLayoutCache()

    /// The references a record is read for besides its items.
    enum ReferenceSlot: Int, CaseIterable {
        case childId, occasion, informant, date, className, school, sex, site, birthYear, birthMonth, birthDate, age
    }

    /// Creates a mapper and checks the profile against the instrument.
    /// - Parameter readsChildAttributes: read class, school, sex and birth year/month as the
    ///   profile maps them (for a project store); otherwise they are left alone.
    /// - Throws: ``MappingProfileError`` for an unknown or duplicate item or an invalid code.
    public init(profile: MappingProfile, instrument: Instrument,
                readsChildAttributes: Bool = false, missingCodes: [MissingCode] = []) throws(MappingProfileError) {
        self.profile = profile
        self.instrument = instrument
        self.readsChildAttributes = readsChildAttributes
        parser = AnswerParser(instrument: instrument)
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let indexByID = Dictionary(instrument.items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines: [(index: Int, sources: [String], answers: [String: Int])] = []
        if let items = profile.items {
            var seen: Set<String> = []
            for line in items {
                guard let index = indexByID[line.item] else {
                    throw .unknownItem(profile: profile.id, item: line.item, instrument: instrument.reference.description,
                                       suggestion: closestMatch(to: line.item, in: instrument.items.map(\.id)))
                }
                guard seen.insert(line.item).inserted else { throw .duplicateItem(profile: profile.id, item: line.item) }
                lines.append((index, [line.source.lowercased()], line.answers ?? [:]))
            }
        } else {
            // An item's Danish label names its column too, when no other item has the same label.
            var labelCount: [String: Int] = [:]
            for item in instrument.items { if let da = item.label.texts["da"] { labelCount[Self.labelKey(da), default: 0] += 1 } }
            for (index, item) in instrument.items.enumerated() {
                var sources = ([item.variable] + (item.aliases ?? [])).map { $0.lowercased() }
                if let da = item.label.texts["da"], labelCount[Self.labelKey(da)] == 1 { sources.append(da.lowercased()) }
                lines.append((index, sources, [:]))
            }
        }
        var plans: [Plan] = []
        for line in lines {
            let item = instrument.items[line.index]
            let scale = scales[item.answerScale]
            let codes = (scale?.codes ?? []) + (scale?.missingCodes ?? [])
            let valid = Set(codes.map(\.code))
            var answerMap: [String: Int] = [:]
            for (text, code) in (profile.answers ?? [:]).merging(line.answers, uniquingKeysWith: { _, itemLevel in itemLevel }) {
                if !codes.isEmpty, !valid.contains(code) {
                    throw .invalidCode(profile: profile.id, item: item.id, code: code, valid: valid.sorted())
                }
                answerMap[Self.normalize(text)] = code
            }
            var labels: [String: Int] = [:]
            var labelNames: [(key: String, name: String)] = []
            for code in codes {
                for text in Array(code.label.texts.values) + (code.aliases ?? []) {
                    labels[Self.labelKey(text)] = code.code
                }
                if let name = code.label.texts["da"] ?? code.label.texts["en"] { labelNames.append((Self.labelKey(name), name)) }
            }
            var missing: [String: MissingCode.Meaning] = [:]
            for code in (profile.missingCodes ?? []) + missingCodes {
                if let fields = code.fields, !fields.contains(where: { line.sources.contains($0.lowercased()) || $0 == item.id }) { continue }
                missing[Self.labelKey(code.value)] = code.meaning
                missing[code.value.trimmingWhitespace.lowercased()] = code.meaning
            }
            let kind = scale?.kind ?? .text
            let shows = kind != .text && kind != .date && item.personalData != true
            let expected: String
            if let codes = scale?.codes, !codes.isEmpty {
                let listed = codes.map { code in
                    let names = [code.label.texts["da"], code.label.texts["en"]].compactMap { $0 }
                    return "\(code.code) '\(names.joined(separator: "' / '"))'"
                }
                expected = "one of \(listed.joined(separator: ", ")) (code or label) or blank"
            } else {
                expected = kind == .number ? "a number" : "text"
            }
            plans.append(Plan(itemIndex: line.index, sources: line.sources, answerMap: answerMap, labels: labels,
                              missing: missing, labelNames: labelNames, showsValue: shows, expected: expected,
                              choices: (scale?.codes ?? []).map { MappingProblem.Choice(code: $0.code, label: $0.label) },
                              expectsNumber: kind == .number))
        }
        self.plans = plans
        let mapping = profile.attributes ?? ChildAttributeMapping()
        referenceNames = ReferenceSlot.allCases.map { slot -> [String] in
            switch slot {
            case .childId: profile.childId.fieldNames
            case .occasion: profile.occasion?.fieldNames ?? []
            case .informant: profile.informant?.fieldNames ?? []
            case .date: profile.date?.fieldNames ?? []
            case .className: mapping.className?.fieldNames ?? []
            case .school: mapping.school?.fieldNames ?? []
            case .sex: mapping.sex?.fieldNames ?? []
            case .site: (mapping.site ?? ChildAttributeMapping.defaultSite).fieldNames
            case .birthYear: mapping.birthYear?.fieldNames ?? []
            case .birthMonth: mapping.birthMonth?.fieldNames ?? []
            case .birthDate: mapping.birthDate?.fieldNames ?? []
            case .age: mapping.age?.fieldNames ?? []
            }
        }
        var mapped = Set(plans.flatMap(\.sources))
        mapped.formUnion([profile.childId, profile.occasion, profile.informant, profile.date].compactMap { $0 }.flatMap(\.fieldNames))
        if readsChildAttributes { mapped.formUnion(mapping.references.flatMap(\.fieldNames)) }
        mappedFieldNames = mapped
    }

    /// The value a field reference reads, through the record's `lookup` (lowercased names, first
    /// occurrence). A constant, a record part, or a record with two field names that differ only
    /// in case (where the exact spelling decides) is read by ``FieldReference/rawValue(in:)``.
    private func value(_ reference: FieldReference, slot: ReferenceSlot, in record: SourceRecord, lookup: FieldLookup,
                       caseClash: Bool) -> String? {
        guard reference.value == nil, reference.part == nil, reference.field != nil, !caseClash else { return reference.rawValue(in: record) }
        guard let value = lookup[slot] else { return nil }
        let trimmed = value.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Maps one record.
    public func map(_ record: SourceRecord) -> MappingOutcome {
        var problems: [MappingRejection] = []
        func reject(_ field: String, _ value: String?, _ reason: String, _ problem: MappingProblem?) {
            problems.append(MappingRejection(file: record.source, location: record.location, field: field,
                                             value: value, reason: reason, row: record.row, line: record.line, problem: problem))
        }

        let layout = layouts.layout(of: record.fields, plans: plans, references: referenceNames)
        let lookup = FieldLookup(layout: layout, fields: record.fields)
        let caseClash = layout.caseClash
        let childId = value(profile.childId, slot: .childId, in: record, lookup: lookup, caseClash: caseClash)
        if childId == nil {
            reject(profile.childId.sourceName, nil, "the child id is missing; expected a pseudonymous id in \(profile.childId)", .missingChildId)
        }
        func resolve(_ reference: FieldReference?, _ slot: ReferenceSlot, name: String) -> String? {
            guard let reference else { return nil }
            return self.resolve(reference, raw: value(reference, slot: slot, in: record, lookup: lookup, caseClash: caseClash),
                                name: name, reject: reject)
        }
        let occasion = resolve(profile.occasion, .occasion, name: "occasion")
        var informant = instrument.informant
        if let text = resolve(profile.informant, .informant, name: "informant") {
            if let value = Informant(name: text) {
                informant = value
            } else {
                reject(profile.informant?.sourceName ?? "informant", text,
                       "expected an informant: \(Informant.allCases.map(\.rawValue).joined(separator: ", "))", .notAnInformant)
            }
        }
        var date: String?
        if let text = resolve(profile.date, .date, name: "date") {
            date = Self.isoDate(text)
            if date == nil {
                reject(profile.date?.sourceName ?? "date", text, "expected a date as YYYY-MM-DD (or DD-MM-YYYY)", .notADate)
            }
        }

        let (attributes, age) = readsChildAttributes ? childAttributes(of: record, lookup: lookup, reject: reject) : (ChildAttributes(), nil)
        var answers: [String: AnswerValue] = [:]
        answers.reserveCapacity(plans.count)
        var missing: [String: MissingCode.Meaning] = [:]
        var itemProblem = false
        for (planIndex, plan) in plans.enumerated() {
            // The first of the item's source names the record has, found once per layout.
            guard let position = layout.planPositions[planIndex] else { continue }
            let text = record.fields[position].value.trimmingWhitespace
            if text.isEmpty { continue }
            // Only the item's id on the way of an accepted answer (a copy of the whole item
            // retains all its texts).
            let itemID = instrument.items[plan.itemIndex].id
            if !plan.missing.isEmpty, let meaning = plan.missing[text.lowercased()] ?? plan.missing[Self.labelKey(text)] {
                missing[itemID] = meaning
                continue
            }
            do {
                if let value = try answer(text, plan: plan) { answers[itemID] = value }
            } catch {
                itemProblem = true
                let item = instrument.items[plan.itemIndex]
                let fieldName = record.fields[position].name
                var reason = "not an answer to item \(item.id) (\(item.variable)); expected \(plan.expected)"
                let nearest = nearestLabel(text, plan: plan)
                if let nearest { reason += "; the nearest label is '\(nearest)'" }
                reject(fieldName, plan.showsValue ? text : nil, reason,
                       .notAnAnswer(item: item.id, variable: item.variable, choices: plan.choices, expectsNumber: plan.expectsNumber,
                                    nearest: nearest))
            }
        }
        // A record without any answer (a REDCap event without this form) is counted, not rejected.
        if answers.isEmpty, !itemProblem { return .empty }
        if !problems.isEmpty { return .rejected(problems) }
        var mapped = MappedResponse(
            childId: childId ?? "", occasion: occasion, informant: informant, date: date,
            response: Response(instrument: instrument.reference, answers: answers),
            source: record.source, location: record.location, row: record.row, line: record.line,
            attributes: attributes)
        mapped.missing = missing
        mapped.age = age
        return .mapped(mapped)
    }

    /// One answer text of a record that is neither a code, a label nor in an answer map.
    struct UnmatchedAnswer: Hashable, Sendable {
        /// The field, as written in the record.
        var field: String
        /// The item.
        var item: String
        /// The text, trimmed; nil when it may not be shown (free text, dates, personal data).
        var text: String?
        /// The nearest label of the item's answer scale, if one is close.
        var nearest: String?
    }

    /// The answers of `record` that this mapper would reject, as ``map(_:)`` finds them (missing
    /// codes and blanks are not unmatched).
    func unmatchedAnswers(of record: SourceRecord) -> [UnmatchedAnswer] {
        var lookup: [String: (name: String, value: String)] = [:]
        for field in record.fields where lookup[field.name.lowercasedFast] == nil {
            lookup[field.name.lowercasedFast] = (field.name, field.value)
        }
        var found: [UnmatchedAnswer] = []
        for plan in plans {
            guard let name = plan.sources.first(where: { lookup[$0] != nil }), let (fieldName, raw) = lookup[name] else { continue }
            let text = raw.trimmingWhitespace
            if text.isEmpty { continue }
            if !plan.missing.isEmpty, plan.missing[text.lowercased()] ?? plan.missing[Self.labelKey(text)] != nil { continue }
            if (try? answer(text, plan: plan)) != nil { continue }
            let shown = plan.showsValue && !CPRNumber.containsCPR(text)
            found.append(UnmatchedAnswer(field: fieldName, item: instrument.items[plan.itemIndex].id,
                                         text: shown ? text : nil, nearest: nearestLabel(text, plan: plan)))
        }
        return found
    }

    /// The names of `record`'s fields that no item line uses (header columns or ItemOIDs to review).
    public func unmappedFields(of record: SourceRecord) -> [String] {
        record.fields.compactMap { mappedFieldNames.contains($0.name.lowercasedFast) ? nil : $0.name }
    }

    /// The number of item lines whose source field occurs in `record`.
    public func matchedItemCount(in record: SourceRecord) -> Int {
        let names = Set(record.fields.map { $0.name.lowercased() })
        return plans.filter { $0.sources.contains(where: names.contains) }.count
    }

    // MARK: - Parts

    /// Applies `reference`'s `map` to a raw value found in the record.
    private func resolve(_ reference: FieldReference, raw: String?, name: String,
                         reject: (String, String?, String, MappingProblem?) -> Void) -> String? {
        guard let raw else { return nil }
        guard let map = reference.map else { return raw }
        if let mapped = map[raw] { return mapped }
        reject(reference.sourceName, raw, "no \(name) is defined for this value in profile \(profile.id); expected one of \(map.keys.sorted().joined(separator: ", "))",
               .notInMap(what: name, expected: map.keys.sorted()))
        return nil
    }

    /// Class, school and sex as written (after the profile's `map`); birth year and month checked
    /// as numbers. A value is echoed in a rejection only if it cannot be a CPR number.
    /// `lookup`: the record's values by lowercased field name (first occurrence).
    private func childAttributes(of record: SourceRecord, lookup: FieldLookup,
                                 reject: (String, String?, String, MappingProblem?) -> Void) -> (ChildAttributes, age: Int?) {
        let mapping = profile.attributes ?? ChildAttributeMapping()
        func text(_ reference: FieldReference?, _ slot: ReferenceSlot, _ name: String) -> String? {
            guard let reference else { return nil }
            var raw: String?
            if reference.field != nil {
                // Through the layout: the first name or alias present, found once per layout.
                if let value = lookup[slot] {
                    let trimmed = value.trimmingWhitespace
                    raw = trimmed.isEmpty ? nil : trimmed
                }
            } else {
                raw = reference.rawValue(in: record)
            }
            return resolve(reference, raw: raw, name: name, reject: reject)
        }
        func number(_ reference: FieldReference?, _ slot: ReferenceSlot, _ name: String, _ range: ClosedRange<Int>, _ expected: String,
                    _ problem: MappingProblem) -> Int? {
            guard let reference, let value = text(reference, slot, name) else { return nil }
            if let number = Int(value), range.contains(number), value.count <= 4 { return number }
            reject(reference.presentFieldName(in: record) ?? reference.sourceName,
                   CPRNumber.containsCPR(value) ? nil : value, "expected \(expected)", problem)
            return nil
        }
        var birthYear = number(mapping.birthYear, .birthYear, "birth year", 1900...2100, "a four-digit birth year", .notABirthYear)
        var birthMonth = number(mapping.birthMonth, .birthMonth, "birth month", 1...12, "a birth month 1-12", .notABirthMonth)
        if let reference = mapping.birthDate, let value = text(reference, .birthDate, "birth date") {
            if let iso = Self.isoDate(value), let year = Int(iso.prefix(4)), let month = Int(iso.dropFirst(5).prefix(2)) {
                birthYear = birthYear ?? year
                birthMonth = birthMonth ?? month
            } else {
                reject(reference.presentFieldName(in: record) ?? reference.sourceName, nil,
                       "expected a birth date as DD-MM-YYYY, D.M.YYYY or YYYY-MM-DD", .notABirthDate)
            }
        }
        var className = text(mapping.className, .className, "class")
        // A class column holding four-digit years (`årgang 2015`) names the birth cohort, not a class.
        if let value = className, value.count == 4, let year = Int(value), (1990...2100).contains(year) {
            birthYear = birthYear ?? year
            className = nil
        }
        var age: Int?
        if let reference = mapping.age, let value = text(reference, .age, "age") {
            // `10`, `10 år`, `10år`.
            var digits = Substring(value)
            for suffix in ["år", "aar", "years", "year"] where digits.lowercased().hasSuffix(suffix) {
                digits = digits.dropLast(suffix.count)
            }
            if let years = Int(digits.trimmingCharacters(in: .whitespaces)), (0...25).contains(years) {
                age = years
            } else {
                reject(reference.presentFieldName(in: record) ?? reference.sourceName,
                       CPRNumber.containsCPR(value) ? nil : value, "expected an age in whole years (e.g. 10 or 10 år)", .notAnAge)
            }
        }
        let attributes = ChildAttributes(
            className: className, school: text(mapping.school, .school, "school"),
            birthYear: birthYear, birthMonth: birthMonth, sex: text(mapping.sex, .sex, "sex"),
            site: text(mapping.site ?? ChildAttributeMapping.defaultSite, .site, "site"))
        return (attributes, age)
    }

    /// The answer for `text`: the profile's map first, then the instrument's codes, then its labels.
    private func answer(_ text: String, plan: Plan) throws -> AnswerValue? {
        // Normalising costs more than parsing a code: done only when a map or the labels need it.
        if !plan.answerMap.isEmpty, let code = plan.answerMap[Self.normalize(text)] {
            return try parser.parse(Substring(String(code)), item: plan.itemIndex)
        }
        do {
            return try parser.parse(Substring(text), item: plan.itemIndex)
        } catch {
            let key = Self.labelKey(text)
            if let code = plan.labels[key] { return try parser.parse(Substring(String(code)), item: plan.itemIndex) }
            // The usual variants ("Passer delvis" for "Passer delvist"): one letter apart from
            // exactly one label, for texts long enough that one letter cannot make another answer.
            guard key.count >= 8 else { throw error }
            let near = Set(plan.labels.filter { editDistance($0.key, key) <= 1 }.map(\.value))
            guard near.count == 1, let code = near.first else { throw error }
            return try parser.parse(Substring(String(code)), item: plan.itemIndex)
        }
    }

    /// The label closest to an unmatched answer text, for the rejection.
    private func nearestLabel(_ text: String, plan: Plan) -> String? {
        guard !plan.labelNames.isEmpty, text.contains(where: \.isLetter) else { return nil }
        let key = Self.labelKey(text)
        let best = plan.labelNames.min { editDistance($0.key, key) < editDistance($1.key, key) }
        guard let best, editDistance(best.key, key) <= max(3, key.count / 2) else { return nil }
        return best.name
    }

    /// Lowercased, punctuation turned into spaces, white space collapsed: "Ja - klare
    /// vanskeligheder" and "ja, klare  vanskeligheder." give the same key.
    static func labelKey(_ text: String) -> String {
        let spaced = String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
        return spaced.split(separator: " ").joined(separator: " ")
    }

    /// Lowercased, trimmed, inner white space collapsed to one space.
    static func normalize(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// `2024-04-23`, `2024-04-23T10:00:00+02:00`, `23-04-2024` or `23.04.2024` as `2024-04-23`.
    static func isoDate(_ text: String) -> String? {
        // An Excel serial date (days since 1899-12-30), as a sheet saved to CSV writes it.
        if text.count == 5, text.allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(text), (20_000...80_000).contains(serial) {
            return ExcelDate.iso(serial: Double(serial))
        }
        let digits = text.prefix(10)
        let parts = digits.split(whereSeparator: { $0 == "-" || $0 == "." || $0 == "/" }).map(String.init)
        guard parts.count == 3, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        let (year, month, day): (String, String, String)
        if parts[0].count == 4 { (year, month, day) = (parts[0], parts[1], parts[2]) }
        else if parts[2].count == 4 { (year, month, day) = (parts[2], parts[1], parts[0]) }
        else { return nil }
        guard let m = Int(month), let d = Int(day), (1...12).contains(m), (1...31).contains(d), month.count <= 2, day.count <= 2
        else { return nil }
        return "\(year)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }
}

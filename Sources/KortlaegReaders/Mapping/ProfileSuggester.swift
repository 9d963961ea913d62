import Foundation
import KortlaegDomain

/// Writes a ``ProfileSuggestion`` for a file: recognises it, starts from the profile the
/// automatic import would use, chooses the child-id column and the instrument as the import
/// does, matches every column to an item (variable name, alias, Danish label, else position),
/// and reads the whole file once to list the answer texts that match no code.
public struct ProfileSuggester: Sendable {
    /// The shipped profiles (the draft starts from the one the file's kind is read with).
    public var profiles: MappingProfileCatalog
    /// The instruments.
    public var catalog: InstrumentCatalog
    /// `--instrument`: the instrument, else chosen from the columns.
    public var instrument: String?
    /// `--id COLUMN`.
    public var idColumn: String?
    /// `--sheet NAME` for a workbook.
    public var sheet: String?
    /// `--missing-codes`: written into the draft.
    public var missingCodes: [MissingCode] = []

    /// Values that a source writes for a missing answer, lowercased, with their meaning: put in
    /// the draft when found in an item column where they are not an answer.
    static let commonMissingCodes: [String: MissingCode.Meaning] = [
        "na": .missing, "n/a": .missing, "n.a.": .missing, "nan": .missing, ".": .missing, "-": .missing,
        "-9": .missing, "-99": .missing, "-999": .missing, "99": .missing, "999": .missing,
        "mangler": .missing, "missing": .missing, "uoplyst": .missing, "ikke besvaret": .missing,
        "ikke relevant": .notAsked, "not applicable": .notAsked, "ved ikke": .dontKnow, "don't know": .dontKnow,
        "vil ikke svare": .refused, "refused": .refused,
    ]

    /// Creates a suggester.
    public init(profiles: MappingProfileCatalog, catalog: InstrumentCatalog, instrument: String? = nil) {
        self.profiles = profiles
        self.catalog = catalog
        self.instrument = instrument
    }

    /// Suggests a profile for `file`.
    /// - Parameter id: the draft's id (a profile id: letters, digits, `_ . -`).
    /// - Throws: ``ImportError`` when the file cannot be read, no column can be the child id, or
    ///   no instrument matches its columns.
    public func suggest(file: String, id: String) throws -> ProfileSuggestion {
        let recognition = try SourceRecognizer.recognize(file)
        let kind = recognition.kind
        var dialect: String?
        // The fields of the first records: the header of a table, the ItemOIDs/linkIds of the others.
        var header: [String] = []
        var seen: Set<String> = []
        var firstRecord: SourceRecord?
        var sampled = 0
        do {
            try ImportJob.forEachRecord(kind: kind, path: file, sheet: sheet, notes: { if dialect == nil { dialect = $0 } }) { result in
                guard case let .success(record) = result else { return }
                if firstRecord == nil { firstRecord = record }
                for field in record.fields where seen.insert(field.name).inserted { header.append(field.name) }
                sampled += 1
                if sampled >= 200 { throw SampleFull() }
            }
        } catch let error as ImportJob.CallbackError where error.underlying is SampleFull {}
        guard let firstRecord else { throw ImportError.noRecords(file: file, kind: kind) }

        let base = profiles.candidates(for: kind, form: firstRecord.form).first
        var draft = MappingProfile(
            format: 1, id: id,
            title: LocalizedText(["da": "Udkast til profil for \((file as NSString).lastPathComponent)",
                                  "en": "Draft profile for \((file as NSString).lastPathComponent)"]),
            source: kind, forms: base?.forms, instrument: nil, childId: base?.childId ?? FieldReference(part: .subject),
            occasion: nil, informant: base?.informant, date: nil, attributes: nil, items: nil, answers: base?.answers,
            missingCodes: nil, notes: nil)

        // The child id, as the import chooses it.
        var childChoice: ChildIdChoice?
        let table = try ImportJob.sampleTable(kind: kind, path: file, sheet: sheet)
        if let table, idColumn != nil || draft.childId.part == .subject {
            childChoice = try ChildIdChooser.choose(file: file, header: table.header, sample: table.rows,
                                                    requested: idColumn, formatKey: table.formatKey)
            draft.childId = FieldReference(field: childChoice!.column)
        } else if let idColumn {
            draft.childId = FieldReference(field: idColumn)
            childChoice = ChildIdChoice(column: idColumn, reason: .named)
        }
        let idColumnName = draft.childId.field?.lowercased()

        // Occasion, date and child attributes: the base profile's references, resolved to the column present.
        var attributes: [ProfileSuggestion.AttributeColumn] = []
        var used: Set<String> = idColumnName.map { [$0] } ?? []
        func present(_ reference: FieldReference?, _ name: String) -> FieldReference? {
            guard let reference else { return nil }
            guard reference.field != nil else { return reference }
            let names = reference.fieldNames
            guard let column = header.first(where: { names.contains($0.lowercased()) && !used.contains($0.lowercased()) })
            else { return nil }
            used.insert(column.lowercased())
            attributes.append(.init(attribute: name, column: column))
            return FieldReference(field: column, map: reference.map)
        }
        draft.occasion = present(base?.occasion, "occasion")
        draft.date = present(base?.date, "date")
        if draft.informant?.field != nil { draft.informant = present(draft.informant, "informant") }
        if let mapping = base?.attributes {
            var found = ChildAttributeMapping()
            found.className = present(mapping.className, "class")
            found.school = present(mapping.school, "school")
            found.sex = present(mapping.sex, "sex")
            found.birthYear = present(mapping.birthYear, "birthYear")
            found.birthMonth = present(mapping.birthMonth, "birthMonth")
            found.birthDate = present(mapping.birthDate, "birthDate")
            if !found.references.isEmpty { draft.attributes = found }
        }

        // The instrument and the item columns.
        let candidates = header.filter { !used.contains($0.lowercased()) }
        let chosen: Instrument
        let reason: String
        if let reference = instrument ?? base?.instrument {
            do { chosen = try catalog.resolve(reference) } catch {
                throw ImportError.noInstrument(file: file, reason: "\(error)")
            }
            reason = instrument != nil ? "named with --instrument" : "named by profile \(base!.id)"
        } else {
            var best: (instrument: Instrument, matched: Int)?
            var newest: [String: Instrument] = [:]
            for entry in catalog.entries { newest[entry.instrument.id] = entry.instrument }
            for candidate in newest.values.sorted(by: { $0.id < $1.id }) {
                let matched = Self.match(columns: candidates, instrument: candidate, base: base, byPosition: false).count
                guard matched > 0 else { continue }
                if best == nil || matched > best!.matched
                    || (matched == best!.matched && candidate.items.count < best!.instrument.items.count) {
                    best = (candidate, matched)
                }
            }
            guard let best else {
                throw ImportError.noInstrument(file: file, reason: "no column matches the variable names or Danish labels of any instrument (to match columns by their position on the form, name the instrument)")
            }
            chosen = best.instrument
            reason = "its variable names and labels match \(best.matched) of the file's columns, more than any other instrument's"
        }
        let items = Self.match(columns: candidates, instrument: chosen, base: base, byPosition: true)
        guard !items.isEmpty else {
            throw ImportError.noInstrument(file: file, reason: "no column matches an item of \(chosen.reference)")
        }
        draft.instrument = chosen.reference.description
        draft.items = items.map { ItemMapping(source: $0.column, item: $0.item) }
        for match in items { used.insert(match.column.lowercased()) }
        let matchedItems = Set(items.map(\.item))

        // Every record once: the answer texts that match no code.
        var mapper = try ResponseMapper(profile: draft, instrument: chosen, missingCodes: missingCodes)
        var counts: [ResponseMapper.UnmatchedAnswer: Int] = [:]
        var order: [ResponseMapper.UnmatchedAnswer] = []
        var read = 0
        try ImportJob.forEachRecord(kind: kind, path: file, sheet: sheet, notes: { _ in }) { result in
            guard case let .success(record) = result else { return }
            read += 1
            for answer in mapper.unmatchedAnswers(of: record) {
                if counts[answer] == nil { order.append(answer) }
                counts[answer, default: 0] += 1
            }
        }
        var detected: [(code: MissingCode, records: Int)] = []
        var unmatched: [ProfileSuggestion.UnmatchedAnswer] = []
        var codes: [String: Int] = [:]
        for answer in order {
            if let text = answer.text, let meaning = Self.commonMissingCodes[text.lowercased()] {
                if let index = codes[text.lowercased()] {
                    detected[index].records += counts[answer]!
                } else {
                    codes[text.lowercased()] = detected.count
                    detected.append((MissingCode(value: text, meaning: meaning), counts[answer]!))
                }
                continue
            }
            unmatched.append(.init(column: answer.field, item: answer.item, text: answer.text, nearest: answer.nearest,
                                   records: counts[answer]!))
        }
        let allCodes = missingCodes + detected.map(\.code)
        if !allCodes.isEmpty {
            draft.missingCodes = allCodes
            mapper = try ResponseMapper(profile: draft, instrument: chosen)
        }
        _ = mapper

        var suggestion = ProfileSuggestion(
            profile: draft, kind: kind, evidence: recognition.evidence, dialect: dialect, baseProfile: base?.id,
            instrument: chosen.reference, instrumentReason: reason, childId: childChoice, items: items,
            missingItems: chosen.items.filter { !matchedItems.contains($0.id) }.map(\.variable), attributes: attributes,
            unmatchedColumns: header.filter { !used.contains($0.lowercased()) }, unmatchedAnswers: unmatched,
            detectedMissingCodes: detected, recordsRead: read)
        suggestion.profile.notes = Self.notes(for: suggestion)
        return suggestion
    }

    /// Thrown to stop sampling after the first records.
    private struct SampleFull: Error {}

    /// The columns of `columns` that name items of `instrument`, in item order: by the base
    /// profile's item lines, else variable name, alias, unique Danish label (as the automatic
    /// import matches them), and with `byPosition` then by the number in the header.
    static func match(columns: [String], instrument: Instrument, base: MappingProfile?, byPosition: Bool) -> [ProfileSuggestion.ItemMatch] {
        var free = columns
        func take(_ name: String) -> String? {
            guard let index = free.firstIndex(where: { $0.lowercased() == name.lowercased() }) else { return nil }
            return free.remove(at: index)
        }
        var found: [String: ProfileSuggestion.ItemMatch] = [:]
        if let lines = base?.items {
            for line in lines where found[line.item] == nil {
                guard let item = instrument.items.first(where: { $0.id == line.item }), let column = take(line.source) else { continue }
                found[item.id] = .init(column: column, item: item.id, variable: item.variable, method: .profile)
            }
        } else {
            var labelCount: [String: Int] = [:]
            for item in instrument.items {
                if let da = item.label.texts["da"] { labelCount[ResponseMapper.labelKey(da), default: 0] += 1 }
            }
            for item in instrument.items {
                if let column = take(item.variable) {
                    found[item.id] = .init(column: column, item: item.id, variable: item.variable, method: .variable)
                } else if let column = (item.aliases ?? []).lazy.compactMap(take).first {
                    found[item.id] = .init(column: column, item: item.id, variable: item.variable, method: .alias)
                } else if let da = item.label.texts["da"], labelCount[ResponseMapper.labelKey(da)] == 1, let column = take(da) {
                    found[item.id] = .init(column: column, item: item.id, variable: item.variable, method: .label)
                }
            }
        }
        if byPosition {
            // Numbered columns (`1`, `spm 1`, `Q1.`), all with one prefix: the number is the position.
            let numbered = free.compactMap { column in positionNumber(column).map { (column, $0.prefix, $0.number) } }
            let prefixes = Set(numbered.map(\.1))
            if numbered.count >= 2, prefixes.count == 1 {
                for (column, _, number) in numbered {
                    guard let item = instrument.items.first(where: { $0.position == number }), found[item.id] == nil else { continue }
                    found[item.id] = .init(column: column, item: item.id, variable: item.variable, method: .position)
                }
            }
        }
        return instrument.items.compactMap { found[$0.id] }
    }

    /// `spm 12` → (`spm`, 12), `Q3.` → (`q`, 3), `7` → (``, 7); nil for other headers.
    static func positionNumber(_ header: String) -> (prefix: String, number: Int)? {
        let trimmed = header.trimmingWhitespace.lowercased()
        let body = trimmed.hasSuffix(".") || trimmed.hasSuffix(")") ? String(trimmed.dropLast()) : trimmed
        let digits = String(body.reversed().prefix(while: \.isNumber).reversed())
        guard !digits.isEmpty, digits.count <= 3, let number = Int(digits) else { return nil }
        let prefix = body.dropLast(digits.count).trimmingCharacters(in: CharacterSet(charactersIn: " ._-#"))
        let known = ["", "q", "spm", "sp", "item", "question", "spørgsmål", "spoergsmaal"]
        guard known.contains(prefix) else { return nil }
        return (prefix, number)
    }

    /// The draft's notes: how each part was found, for the person who checks it.
    static func notes(for suggestion: ProfileSuggestion) -> [String] {
        var notes = ["Draft written by 'kortlaeg profile suggest' from \(suggestion.kind) file; check every line below before importing with it."]
        if let choice = suggestion.childId {
            notes.append("Child id: \(choice.description.dropFirst("child id: ".count)). It must hold a CPR number or a pseudonymous id, never a name.")
        } else {
            notes.append("Child id: \(suggestion.profile.childId).")
        }
        notes.append("Instrument \(suggestion.instrument): \(suggestion.instrumentReason).")
        for method in ProfileSuggestion.Method.allCases {
            let matched = suggestion.items.filter { $0.method == method }
            guard !matched.isEmpty else { continue }
            let pairs = matched.map { "'\($0.column)' → \($0.item)" }.joined(separator: ", ")
            notes.append("Items matched by \(method.phrase) (\(matched.count)): \(pairs).")
        }
        if !suggestion.missingItems.isEmpty {
            notes.append("Items with no column (unanswered): \(suggestion.missingItems.joined(separator: ", ")).")
        }
        if !suggestion.attributes.isEmpty {
            notes.append("Other columns read: " + suggestion.attributes.map { "\($0.attribute) ← '\($0.column)'" }.joined(separator: ", ") + ".")
        }
        if !suggestion.unmatchedColumns.isEmpty {
            notes.append("Columns not read (not imported): " + suggestion.unmatchedColumns.map { "'\($0)'" }.joined(separator: ", ") + ".")
        }
        for found in suggestion.detectedMissingCodes {
            notes.append("'\(found.code.value)' in item columns (\(found.records) record(s)) is read as a missing answer (\(found.code.meaning.rawValue)): see missingCodes.")
        }
        for answer in suggestion.unmatchedAnswers {
            notes.append(answerNote(answer))
        }
        return notes
    }

    /// `Column 'pworries' (item worries): 'Passer nok' (2 records) matches no code; the nearest label is 'Passer godt'.`
    public static func answerNote(_ answer: ProfileSuggestion.UnmatchedAnswer) -> String {
        let text = answer.text.map { "'\($0)'" } ?? "a value (not shown)"
        let nearest = answer.nearest.map { "; the nearest label is '\($0)'" } ?? ""
        return "Column '\(answer.column)' (item \(answer.item)): \(text) (\(answer.records) record(s)) matches no code\(nearest); such records are rejected unless an answer map in items[] gives the code."
    }
}

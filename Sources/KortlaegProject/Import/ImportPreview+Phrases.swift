import KortlaegDomain
import KortlaegReaders
import KortlaegReports

// The wizard's values in words, from the Phrasebook (Danish by default): a front end shows these,
// never the command line's English messages (which name files by their path on the server).

extension SourceKind {
    /// The kind in words.
    public var phrase: Phrase { Phrasebook.Import.kind(rawValue) }
}

extension ImportPreview.Result {
    /// What the kind was recognised by.
    public var evidencePhrase: Phrase? {
        kind.map { Phrasebook.Import.evidence($0.rawValue, json: evidence?.hasPrefix("JSON") == true) }
    }

    /// The encoding (with how it was found), or the sheet of a workbook; nil for XML and JSON.
    public var encodingPhrase: Phrase? {
        guard let table else { return nil }
        if let dialect = table.dialect {
            let ending: String? = dialect.lineEnding == .none ? nil : "\(dialect.lineEnding)"
            return Phrasebook.Import.dialect(encoding: "\(dialect.encoding)", byteOrderMark: dialect.hadByteOrderMark,
                                             encodingDetected: dialect.encodingWasDetected, delimiter: dialect.delimiter.byte,
                                             delimiterDetected: dialect.delimiterWasDetected, lineEnding: ending,
                                             english: dialect.description)
        }
        if let sheet = table.sheet { return Phrasebook.Import.sheet(sheet, of: max(1, table.sheets.count)) }
        return nil
    }
}

extension ImportPreview.IdReason {
    /// Why the column, in words.
    public var phrase: Phrase {
        switch self {
        case let .choice(reason): Phrasebook.Import.idReason(reason.rawValue)
        case let .profile(id): Phrasebook.Import.fromProfile(id)
        }
    }
}

extension ImportPreview.InstrumentReason {
    /// Why the instrument, in words.
    public var phrase: Phrase {
        switch self {
        case .chosen: Phrasebook.Import.chosenByYou
        case let .profile(id): Phrasebook.Import.fromProfile(id)
        case let .bestMatch(matched): Phrasebook.Import.bestMatch(matched)
        }
    }
}

extension ImportPreview.Problem {
    /// The problem in words, with what to do.
    public var phrase: Phrase {
        switch self {
        case .unrecognized: Phrasebook.Import.unrecognized
        case .unreadable: Phrasebook.Import.unreadable
        case .unreadableRecords: Phrasebook.Import.unreadableRecords
        case let .noProfile(candidates): Phrasebook.Import.noProfile(candidates)
        case .noInstrument: Phrasebook.Import.noInstrument
        case let .unknownInstrument(reference): Phrasebook.Import.unknownInstrument(reference)
        case let .noIdColumn(nameLike): Phrasebook.Import.noIdColumn(nameLike: nameLike)
        case .invalidProfile: Phrasebook.Import.invalidChoice
        }
    }
}

extension MappingRejection {
    /// What was wrong and what was expected, in words (the structured ``problem`` where there is
    /// one; the store's own refusals by their fixed wording).
    public var expectation: Phrase {
        switch problem {
        case .missingChildId?: return Phrasebook.Import.missingChildId
        case .notAnInformant?: return Phrasebook.Import.notAnInformant
        case .notADate?: return Phrasebook.Import.notADate
        case let .notAnAnswer(item, variable, choices, expectsNumber, nearest)?:
            return Phrasebook.Import.notAnAnswer(item: item, variable: variable, choices: choices.map { ($0.code, $0.label) },
                                                 expectsNumber: expectsNumber, nearest: nearest)
        case let .notInMap(what, expected)?: return Phrasebook.Import.notInMap(what, expected: expected)
        case .notABirthYear?: return Phrasebook.Import.notABirthYear
        case .notABirthMonth?: return Phrasebook.Import.notABirthMonth
        case .notABirthDate?: return Phrasebook.Import.notABirthDate
        case .notAnAge?: return Phrasebook.Import.notAnAge
        case let .raggedRow(found, expected)?: return Phrasebook.Import.raggedRow(found: found, expected: expected)
        case .notAnOccasion?: return Phrasebook.Import.notAnOccasion
        case nil: break
        }
        // The store's refusals (KortlaegStore ResponseImport) carry no structure: their wording is fixed.
        if reason.hasPrefix("the same child, occasion ("), let end = reason.firstIndex(of: ")") {
            let start = reason.index(reason.startIndex, offsetBy: "the same child, occasion (".count)
            return Phrasebook.Import.repeatedRow(String(reason[start..<end]))
        }
        if reason.hasPrefix("the child id is empty") { return Phrasebook.Import.emptyChildId }
        if reason.contains("CPR") { return Phrasebook.Import.cprInName }
        return Phrasebook.Import.otherProblem(reason)
    }

    /// The column, in words (`(hele rækken)` for the whole row).
    public var columnPhrase: Phrase {
        field == "(row)" || field == "(id)" && problem == nil ? Phrasebook.Import.wholeRow : Phrase(stringLiteral: field)
    }
}

import KortlaegReaders

// The bridge between the import work (readers and mapping profiles) and the project store.
// Neither library knows the other; only the project import joins them.

extension StoredResponseInput {
    /// The store record for a mapped response: its child id, occasion (the record's, else
    /// `fallback`), informant, date, child attributes, the pinned response, row and line.
    /// - Throws: ``MappingRejection`` when the record's occasion is not `T1`, `Fn` or `T2` (the
    ///   record is rejected); ``ProjectImportError/noOccasion(file:location:)`` when it names none
    ///   and there is no `fallback`.
    init(_ mapped: MappedResponse, occasion fallback: Occasion?) throws {
        let occasion: Occasion
        if let text = mapped.occasion {
            guard let parsed = Occasion(text) else {
                throw MappingRejection(file: mapped.source, location: mapped.location, field: "occasion",
                                       value: CPRNumber.containsCPR(text) ? nil : text,
                                       reason: "expected an occasion T1, F1, F2, … or T2", row: mapped.row, line: mapped.line,
                                       problem: .notAnOccasion)
            }
            occasion = parsed
        } else if let fallback {
            occasion = fallback
        } else {
            throw ProjectImportError.noOccasion(file: mapped.source, location: mapped.location)
        }
        self.init(childKey: mapped.childId, occasion: occasion, informant: mapped.informant, date: mapped.date,
                  attributes: mapped.attributes, response: mapped.response, row: mapped.row ?? 0, line: mapped.line)
        missingReasons = mapped.missing.mapValues(\.rawValue)
    }
}

extension ImportReject {
    /// The store's form of a located mapping problem (a CPR-shaped value is never kept).
    init(_ rejection: MappingRejection) {
        let row = rejection.row ?? 0
        self.init(row: row, line: rejection.line ?? row, column: rejection.field,
                  value: rejection.value.flatMap { CPRNumber.containsCPR($0) ? nil : $0 }, reason: rejection.reason)
    }
}

extension MappingRejection {
    /// A rejection the store made itself (an in-file duplicate), for stderr and the rejects file.
    init(_ refused: ImportReject, file: String, location: String) {
        self.init(file: file, location: location, field: refused.column, value: refused.value,
                  reason: refused.reason, row: refused.row, line: refused.line)
    }
}

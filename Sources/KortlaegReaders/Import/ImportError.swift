/// Why one input file could not be imported at all (its records are not read further).
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be opened.
    case unreadable(file: String, reason: String)
    /// The file is none of the kinds Kortlæg imports.
    case unrecognized(file: String, found: String)
    /// No profile, or more than one, fits the file.
    case noProfile(file: String, kind: SourceKind, candidates: [String])
    /// No instrument could be chosen for a profile without one.
    case noInstrument(file: String, reason: String)
    /// With `--score`, all files must be for one instrument.
    case mixedInstruments(file: String, expected: String, found: String)
    /// The file was read to its end without a single record (a header alone, an empty export):
    /// it is not imported, so the corrected file can be imported later.
    case noRecords(file: String, kind: SourceKind)
    /// The profile does not fit the file or instrument.
    case profile(file: String, MappingProfileError)
    /// An Excel workbook cannot be read (or is an old `.xls`).
    case excel(XLSXError)
    /// No column can be the child id, or `--id` names none.
    case idColumn(file: String, problem: IDColumnProblem)
    /// Most rows share a child id with an earlier row: the column is not an id.
    case sharedIds(file: String, column: String, rows: Int, repeated: Int, children: Int)

    /// What is wrong with the child-id column.
    public enum IDColumnProblem: Sendable, Equatable {
        /// `--id` names a column the file does not have.
        case unknown(requested: String, suggestion: String?, columns: [String])
        /// No column is an id (those named are names, not ids).
        case none(nameLike: [String], columns: [String])
    }

    /// A message naming the file and what to do.
    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file: \(reason)."
        case let .unrecognized(file, found):
            return "\(file): cannot tell what kind of file this is (found \(found)); expected CDISC ODM XML, a FHIR QuestionnaireResponse (JSON or XML), a REDCap record CSV, a SurveyXact export or a CSV with official variable names."
        case let .noProfile(file, kind, candidates):
            if candidates.isEmpty {
                return "\(file): no mapping profile reads a \(kind); write one (see Instruments/profiles/) and pass it with --profile."
            }
            return "\(file): several mapping profiles read a \(kind) (\(candidates.joined(separator: ", "))); choose one with --profile."
        case let .noInstrument(file, reason):
            return "\(file): \(reason); choose one with --instrument."
        case let .noRecords(file, kind):
            return "\(file): the \(kind) holds no records; expected at least one response. Nothing was imported (check that it is the complete export)."
        case let .mixedInstruments(file, expected, found):
            return "\(file): the file is for \(found) but --score writes one table for \(expected); import it in a separate run."
        case let .profile(file, error):
            return "\(file): \(error)"
        case let .excel(error):
            return error.description
        case let .idColumn(file, .unknown(requested, suggestion, columns)):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "\(file): there is no column '\(requested)' for --id.\(hint) The columns are: \(columns.joined(separator: ", "))."
        case let .idColumn(file, .none(nameLike, columns)):
            let names = nameLike.isEmpty ? "" : " The values of \(nameLike.map { "'\($0)'" }.joined(separator: ", ")) look like names, not ids."
            return "\(file): no column can be the child id.\(names) Please name the id column with --id COLUMN (a CPR number or a pseudonymous id); the columns are: \(columns.joined(separator: ", ")). Nothing from \(file) was imported."
        case let .sharedIds(file, column, rows, repeated, children):
            return "\(file): column '\(column)' is not a child id: \(repeated) of \(rows) rows share their id with another row of the same occasion and informant (\(children) different values). Nothing from \(file) was imported; please name the id column with --id COLUMN."
        }
    }
}

import Foundation
import KortlaegDomain
import KortlaegReaders

// The wizard's values come with this module, like the import's (Exports.swift).
@_exported import struct KortlaegReaders.MappingProfile
@_exported import struct KortlaegReaders.MappingRejection
@_exported import enum KortlaegReaders.MappingProblem
@_exported import struct KortlaegReaders.TablePreview
@_exported import struct KortlaegReaders.CSVDialect
@_exported import enum KortlaegReaders.SourceKind
@_exported import struct KortlaegReaders.ResponseMapper

/// What an uploaded file looks like before it is imported, and the mapping profile that the
/// user's choices make of it (the web application's import wizard).
///
/// The result's ``Result/profile`` is handed to ``ProjectImport`` as
/// ``ProjectImport/Request/mappingProfile`` for the dry run and the import: the wizard has no
/// import of its own. It starts from the profile the import would choose for the file's kind —
/// or from a profile saved for files with exactly this header (``SavedImportProfiles``) — and
/// applies the choices: the child-id column, the instrument, the informant, and a target for
/// each column the profile leaves unmatched (an item of the instrument or a child attribute).
public enum ImportPreview {
    /// Where an unmatched column goes.
    public enum Target: Hashable, Sendable {
        /// The answer to this item (its id).
        case item(String)
        /// A child attribute or record part: one of ``ImportJob``'s column attributes
        /// (`class`, `school`, `sex`, `birthYear`, `birthMonth`, `birthDate`, `date`, `occasion`, `site`).
        case attribute(String)
    }

    /// What the user chose (everything optional: nil is the import's own choice).
    public struct Choice: Hashable, Sendable {
        /// The child-id column.
        public var idColumn: String?
        /// The instrument, `id@version`.
        public var instrument: String?
        /// The informant of every record (nil: the instrument's, or the profile's field).
        public var informant: Informant?
        /// Targets for columns the profile leaves unmatched, by column name; a column not named is ignored.
        public var columns: [String: Target] = [:]
        /// The saved profile the choices came from (its id), once one was picked for this file.
        public var savedProfile: String?
        /// Creates an empty choice.
        public init() {}
    }

    /// What to preview.
    public struct Request {
        /// The uploaded file.
        public var file: String
        /// The instruments.
        public var instruments: InstrumentCatalog
        /// The folder of shipped mapping profiles (`Instruments/profiles`).
        public var profilesDirectory: String
        /// The profiles saved for this project (nil: none are looked at).
        public var saved: SavedImportProfiles?
        /// The user's choices (nil: none yet).
        public var choice: Choice?
        /// Whether a profile saved for the same header fills in the choices not made (the first look at an upload).
        public var picksSavedProfile: Bool
        /// The number of rows shown.
        public var sampleRows = 5

        /// Creates a request.
        public init(file: String, instruments: InstrumentCatalog, profilesDirectory: String, saved: SavedImportProfiles?,
                    choice: Choice?, picksSavedProfile: Bool? = nil) {
            self.picksSavedProfile = picksSavedProfile ?? (choice == nil)
            self.file = file
            self.instruments = instruments
            self.profilesDirectory = profilesDirectory
            self.saved = saved
            self.choice = choice
        }
    }

    /// Why the instrument is the one shown.
    public enum InstrumentReason: Hashable, Sendable {
        /// The user chose it.
        case chosen
        /// The mapping profile names it (its id).
        case profile(String)
        /// Its variable names match the most columns (`matched` of them).
        case bestMatch(matched: Int)
    }

    /// Why the child-id column is the one shown.
    public enum IdReason: Hashable, Sendable {
        /// Chosen as the import chooses it (``ChildIdChoice/Reason``; `.named` when the user chose it).
        case choice(ChildIdChoice.Reason)
        /// The mapping profile names it (its id).
        case profile(String)
    }

    /// One column of the file.
    public struct Column: Hashable, Sendable {
        /// The header, as written.
        public var name: String
        /// What the profile alone (before the user's targets) reads it as; ``ResponseMapper/ColumnRole/unmatched`` gets a drop-down.
        public var matched: ResponseMapper.ColumnRole
        /// What it is read as now.
        public var role: ResponseMapper.ColumnRole
        /// The user's target, when one is chosen.
        public var target: Target?
    }

    /// Why the file cannot be previewed or mapped as chosen.
    public enum Problem: Hashable, Sendable {
        /// The file is none of the kinds Kortlæg imports (the reader's words, without the file's path).
        case unrecognized
        /// No shipped profile, or more than one, reads files of this kind (the candidates' ids).
        case noProfile([String])
        /// No instrument's variable names match a column; one must be chosen.
        case noInstrument
        /// The chosen instrument does not exist.
        case unknownInstrument(String)
        /// No column can be the child id (the columns whose values look like names); one must be chosen.
        case noIdColumn(nameLike: [String])
        /// The choices make a profile the mapper refuses (an item twice, say).
        case invalidProfile(String)
        /// The file cannot be read as a table.
        case unreadable
        /// An ODM/REDCap XML or FHIR file whose records cannot be read (broken or cut off).
        case unreadableRecords
    }

    /// What the wizard shows.
    public struct Result: Sendable {
        /// The kind recognised.
        public var kind: SourceKind?
        /// What it was recognised by (the reader's words, for the command line).
        public var evidence: String?
        /// The header and the first rows (CPR-shaped values masked), for tables.
        public var table: TablePreview?
        /// The instrument, once known.
        public var instrument: Instrument?
        /// Why that instrument.
        public var instrumentReason: InstrumentReason?
        /// The child-id column, once known.
        public var idColumn: String?
        /// Why that column.
        public var idReason: IdReason?
        /// The id of the profile the choices start from.
        public var baseProfile: String?
        /// The saved profile the choices came from (picked for the header on the first look).
        public var savedProfile: String?
        /// Whether ``savedProfile`` was picked on this look because the header is the same.
        public var savedProfilePicked = false
        /// Every column, in order (tables only).
        public var columns: [Column] = []
        /// The choices in effect (the form is drawn from them).
        public var choice: Choice
        /// The mapping profile for ``ProjectImport`` (nil: not a table; the import chooses).
        public var profile: MappingProfile?
        /// Why the file cannot be mapped as it stands, if it cannot.
        public var problem: Problem?
        /// Whether the file is a record file (ODM, FHIR): ``table`` is its first records flattened
        /// (``RecordPreview``), ``columns`` are its fields, and ``idColumn`` may be the record's
        /// subject key (``RecordPreview/subjectColumn``).
        public var recordFile = false
        /// A record file's occasions among the first records, with what the profile makes of them.
        public var occasionsInFile: [OccasionInFile] = []
        /// A record file's first record's form (ODM FormOID, FHIR Questionnaire URL): what its
        /// choices are saved for, with the kind (``SavedImportProfiles/Key/records(_:form:)``).
        public var recordForm: String?
    }

    /// The targets a column can have besides the instrument's items (``ImportJob``'s `--column` attributes).
    public static let attributeTargets = ImportJob.columnAttributes

    /// Looks at the file and applies the choices.
    public static func run(_ request: Request) -> Result {
        var choice = request.choice ?? Choice()
        var result = Result(choice: choice)
        let recognition: SourceRecognizer.Recognition
        do { recognition = try SourceRecognizer.recognize(request.file) } catch {
            result.problem = .unrecognized
            return result
        }
        result.kind = recognition.kind
        result.evidence = recognition.evidence
        let full: TablePreview?
        do { full = try TablePreview.read(kind: recognition.kind, path: request.file) } catch {
            result.problem = .unreadable
            return result
        }
        guard var table = full else {
            // ODM and FHIR: the first records, flattened, and the same choices (ImportPreview+Records.swift).
            previewRecords(request, kind: recognition.kind, choice: choice, result: &result)
            return result
        }
        let header = table.header.map { $0.trimmingCharacters(in: [" ", "\t", "\u{FEFF}"]) }

        // The choices saved for this header, on the first look; the profile for the kind to apply them to.
        if request.picksSavedProfile, let saved = request.saved?.matching(header: header) {
            choice.savedProfile = saved.id
            choice.instrument = choice.instrument ?? saved.instrument
            choice.idColumn = choice.idColumn ?? saved.childId.field
            choice.informant = choice.informant ?? saved.informant?.value.flatMap { Informant(rawValue: $0) }
            choice.columns = Self.targets(of: saved, header: header).merging(choice.columns) { _, chosen in chosen }
            result.savedProfilePicked = true
        }
        var base: MappingProfile?
        let catalog = (try? MappingProfileCatalog.load(directory: request.profilesDirectory)) ?? MappingProfileCatalog(profiles: [])
        let candidates = catalog.candidates(for: recognition.kind, form: nil)
        if candidates.count == 1 { base = candidates[0] } else { result.problem = .noProfile(candidates.map(\.id)) }
        result.savedProfile = choice.savedProfile
        result.baseProfile = base?.id
        if let base { apply(choice: &choice, to: base, table: table, header: header, request: request, result: &result) }
        table.rows = Array(table.rows.prefix(request.sampleRows)).map { $0.map(Self.masked) }
        result.table = table
        result.choice = choice
        return result
    }

    /// Applies the choices to the profile for the file's kind: the instrument, the child id, the
    /// informant, the targets of unmatched columns; sets the result's profile when nothing is wrong.
    private static func apply(choice: inout Choice, to base: MappingProfile, table: TablePreview, header: [String],
                              request: Request, result: inout Result) {
        var profile = base

        // The instrument.
        let record = SourceRecord(source: request.file, location: "header", subjectKey: "",
                                  fields: header.map { SourceField(name: $0, value: "") })
        guard let instrument = chooseInstrument(&choice, profile: &profile, record: record, request: request, result: &result) else {
            return
        }

        // The child id.
        if choice.idColumn != nil || profile.childId.part == .subject {
            do {
                let chosen = try table.childId(file: request.file, requested: choice.idColumn)
                profile.childId = FieldReference(field: chosen.column)
                result.idColumn = chosen.column
                result.idReason = .choice(chosen.reason)
            } catch let ImportError.idColumn(_, .none(nameLike, _)) {
                result.problem = .noIdColumn(nameLike: nameLike)
            } catch {
                choice.idColumn = nil
                result.problem = .noIdColumn(nameLike: [])
            }
        } else {
            result.idColumn = profile.childId.field
            result.idReason = .profile(profile.id)
        }
        if let informant = choice.informant { profile.informant = FieldReference(value: informant.rawValue) }

        guard applyColumns(choice: &choice, to: &profile, instrument: instrument, header: header, result: &result) else { return }
        if result.problem == nil { result.profile = profile }
        if result.savedProfilePicked, let saved = choice.savedProfile {
            result.instrumentReason = .profile(saved)
            if result.idReason == .choice(.named) { result.idReason = .profile(saved) }
        }
    }

    /// The newest instrument version whose items match the most of `record`'s fields; ties go
    /// to the instrument with fewer items (the closest fit), as the import chooses.
    /// The instrument of a preview: the user's or the profile's choice, else the one whose variable
    /// names match the most fields of `record`; the reason goes into `result`. Nil with
    /// `result.problem` set (an unknown chosen instrument is cleared from `choice`).
    static func chooseInstrument(_ choice: inout Choice, profile: inout MappingProfile, record: SourceRecord,
                                 request: Request, result: inout Result) -> Instrument? {
        let instrument: Instrument
        if let reference = choice.instrument ?? profile.instrument {
            guard let found = try? request.instruments.resolve(reference) else {
                result.problem = .unknownInstrument(reference)
                choice.instrument = nil
                return nil
            }
            instrument = found
            result.instrumentReason = choice.instrument != nil ? .chosen : .profile(profile.id)
        } else {
            guard let best = bestInstrument(for: record, profile: profile, instruments: request.instruments) else {
                result.problem = .noInstrument
                return nil
            }
            instrument = best.instrument
            result.instrumentReason = .bestMatch(matched: best.matched)
        }
        result.instrument = instrument
        profile.instrument = instrument.reference.description
        return instrument
    }

    static func bestInstrument(for record: SourceRecord, profile: MappingProfile, instruments: InstrumentCatalog)
        -> (instrument: Instrument, matched: Int)? {
        var newest: [String: Instrument] = [:]
        for entry in instruments.entries { newest[entry.instrument.id] = entry.instrument }
        var best: (instrument: Instrument, matched: Int)?
        for candidate in newest.values.sorted(by: { $0.id < $1.id }) {
            guard let mapper = try? ResponseMapper(profile: profile, instrument: candidate) else { continue }
            let matched = mapper.matchedItemCount(in: record)
            if matched > 0, best == nil || matched > best!.matched
                || (matched == best!.matched && candidate.items.count < best!.instrument.items.count) {
                best = (candidate, matched)
            }
        }
        return best
    }

    /// The columns (or a record file's fields): what the profile reads by itself, then the
    /// user's targets for the rest; sets the result's columns. False (with the problem set)
    /// when the choices make a profile the mapper refuses.
    static func applyColumns(choice: inout Choice, to profile: inout MappingProfile, instrument: Instrument, header: [String],
                             result: inout Result) -> Bool {
        let automatic: [ResponseMapper.ColumnRole]
        do {
            automatic = try ResponseMapper(profile: profile, instrument: instrument, readsChildAttributes: true).columnRoles(header)
        } catch {
            result.problem = .invalidProfile("\(error)")
            return false
        }
        let itemIDs = Set(instrument.items.map(\.id))
        var matchedItems = Set(automatic.compactMap { if case let .item(id) = $0 { id } else { nil } })
        var extraItems: [ItemMapping] = []
        var targets: [String: Target] = [:]
        for (index, name) in header.enumerated() where automatic[index] == .unmatched {
            guard let target = choice.columns[name] else { continue }
            switch target {
            case let .item(id):
                guard itemIDs.contains(id), matchedItems.insert(id).inserted else { continue }
                extraItems.append(ItemMapping(source: name, item: id))
            case let .attribute(attribute):
                guard attributeTargets.contains(attribute) else { continue }
                Self.set(attribute, to: name, in: &profile)
            }
            targets[name] = target
        }
        choice.columns = targets
        if !extraItems.isEmpty {
            // Listing one item means listing them all: the matched columns keep their items, and
            // the profile's own lines stay (a record file's sample may lack fields later records have).
            let chosenItems = Set(extraItems.map(\.item))
            var items = (profile.items ?? []).filter { !chosenItems.contains($0.item) }
            for (index, role) in automatic.enumerated() {
                guard case let .item(id) = role, !items.contains(where: { $0.item == id }) else { continue }
                items.append(ItemMapping(source: header[index], item: id))
            }
            profile.items = items + extraItems
        }
        let roles: [ResponseMapper.ColumnRole]
        do {
            roles = try ResponseMapper(profile: profile, instrument: instrument, readsChildAttributes: true).columnRoles(header)
        } catch {
            result.problem = .invalidProfile("\(error)")
            return false
        }
        result.columns = header.indices.map { Column(name: header[$0], matched: automatic[$0], role: roles[$0], target: targets[header[$0]]) }
        return true
    }

    /// A cell as shown: a CPR-shaped number is never shown.
    static func masked(_ value: String) -> String {
        CPRNumber.containsCPR(value) ? CPRGuard.masked(value) : value
    }

    /// Points `attribute` (a ``attributeTargets`` name) at the column `name`.
    static func set(_ attribute: String, to name: String, in profile: inout MappingProfile) {
        let reference = FieldReference(field: name)
        var attributes = profile.attributes ?? ChildAttributeMapping()
        switch attribute {
        case "class": attributes.className = reference
        case "school": attributes.school = reference
        case "sex": attributes.sex = reference
        case "birthYear": attributes.birthYear = reference
        case "birthMonth": attributes.birthMonth = reference
        case "birthDate": attributes.birthDate = reference
        case "site": attributes.site = reference
        case "date": profile.date = reference
        case "occasion": profile.occasion = reference
        default: return
        }
        profile.attributes = attributes
    }

    /// The targets a saved profile gives columns (its item lines and attribute fields), for the form.
    static func targets(of profile: MappingProfile, header: [String]) -> [String: Target] {
        var targets: [String: Target] = [:]
        for line in profile.items ?? [] where header.contains(line.source) { targets[line.source] = .item(line.item) }
        let attributes = profile.attributes
        let fields: [(String, FieldReference?)] = [
            ("class", attributes?.className), ("school", attributes?.school), ("sex", attributes?.sex),
            ("birthYear", attributes?.birthYear), ("birthMonth", attributes?.birthMonth), ("birthDate", attributes?.birthDate),
            ("site", attributes?.site),
            ("date", profile.date), ("occasion", profile.occasion),
        ]
        for (attribute, reference) in fields {
            if let field = reference?.field, header.contains(field) { targets[field] = .attribute(attribute) }
        }
        return targets
    }
}

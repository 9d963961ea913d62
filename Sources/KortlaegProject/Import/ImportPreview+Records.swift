import Foundation
import KortlaegDomain
import KortlaegReaders

@_exported import struct KortlaegReaders.RecordPreview

// The wizard for files that are not tables (ODM/REDCap project XML, FHIR QuestionnaireResponse):
// the first records as the reader produces them, flattened into a table, and the same choices
// as for a table — the child id (the record's subject key or a field), the instrument, the
// informant and a target for each field the profile leaves unmatched. The profile the choices
// make goes to ProjectImport as for a table.
extension ImportPreview {
    /// One occasion value of a record file's first records and what the profile makes of it.
    public struct OccasionInFile: Hashable, Sendable {
        /// As written (an ODM StudyEventOID or REDCap unique event name).
        public var raw: String
        /// The occasion it is stored as (nil: the profile's map does not name it, or it is no occasion code).
        public var code: String?
    }

    static func previewRecords(_ request: Request, kind: SourceKind, choice start: Choice, result: inout Result) {
        var choice = start
        result.recordFile = true
        let sample: RecordPreview
        do {
            guard let read = try RecordPreview.read(kind: kind, path: request.file, limit: request.sampleRows) else {
                result.problem = .unreadableRecords
                return
            }
            sample = read
        } catch {
            result.problem = .unreadableRecords
            return
        }
        var table = sample.table
        table.rows = table.rows.map { $0.map(Self.masked) }
        result.table = table
        result.choice = choice
        guard let first = sample.records.first else {
            // Refused records go to the dry run's report (row, field, value, expected); no record at all is unreadable.
            if sample.refused == 0 { result.problem = .unreadable }
            return
        }
        result.recordForm = first.form
        // The choices saved for this kind and form, on the first look (as a table's for its header).
        if request.picksSavedProfile, let saved = request.saved?.matching(records: kind, form: first.form) {
            choice.savedProfile = saved.id
            choice.instrument = choice.instrument ?? saved.instrument
            if saved.childId.part != .subject { choice.idColumn = choice.idColumn ?? saved.childId.field }
            choice.informant = choice.informant ?? saved.informant?.value.flatMap { Informant(rawValue: $0) }
            choice.columns = Self.targets(of: saved, header: sample.fieldNames).merging(choice.columns) { _, chosen in chosen }
            result.savedProfilePicked = true
        }
        result.savedProfile = choice.savedProfile
        let catalog = (try? MappingProfileCatalog.load(directory: request.profilesDirectory)) ?? MappingProfileCatalog(profiles: [])
        let candidates = catalog.candidates(for: kind, form: first.form)
        guard candidates.count == 1 else {
            result.problem = .noProfile(candidates.map(\.id))
            return
        }
        var profile = candidates[0]
        result.baseProfile = profile.id

        // The instrument: chosen, the profile's, or the best match for the first record's fields.
        let instrument: Instrument
        guard let chosen = chooseInstrument(&choice, profile: &profile, record: first, request: request, result: &result) else {
            result.choice = choice
            return
        }
        instrument = chosen

        // The child id: the record's subject key (the profile's), or a field the user names.
        if let column = choice.idColumn, column != RecordPreview.subjectColumn {
            guard sample.fieldNames.contains(column) else {
                choice.idColumn = nil
                result.choice = choice
                result.problem = .noIdColumn(nameLike: [])
                return
            }
            profile.childId = FieldReference(field: column)
            result.idColumn = column
            result.idReason = .choice(.named)
        } else {
            result.idColumn = profile.childId.part == .subject ? RecordPreview.subjectColumn : profile.childId.field
            result.idReason = .profile(profile.id)
        }
        if let informant = choice.informant { profile.informant = FieldReference(value: informant.rawValue) }

        // The occasions of the first records as the profile reads them.
        if let reference = profile.occasion, reference.part == .occasion {
            var seen: Set<String> = []
            for record in sample.records {
                guard let raw = record.occasion, seen.insert(raw).inserted else { continue }
                let mapped = reference.map.map { $0[raw] } ?? raw
                result.occasionsInFile.append(OccasionInFile(raw: raw, code: mapped.flatMap { Occasion($0) }?.code))
            }
        }

        guard applyColumns(choice: &choice, to: &profile, instrument: instrument, header: sample.fieldNames, result: &result) else {
            result.choice = choice
            return
        }
        result.choice = choice
        if result.problem == nil { result.profile = profile }
        if result.savedProfilePicked, let saved = choice.savedProfile {
            result.instrumentReason = .profile(saved)
            // The id as the saved profile gives it (its own field, or the record's subject key it kept).
            if result.idReason == .choice(.named) || result.idReason == .profile(profile.id) { result.idReason = .profile(saved) }
        }
    }
}

import Foundation
import KortlaegDomain

/// Imports one file at a time: recognises its kind, chooses the mapping profile and the
/// instrument, streams its records through a ``ResponseMapper``, and hands each response and
/// each rejection to the caller as soon as it is found.
public struct ImportJob: Sendable {
    /// The profile chosen by the user, or nil to choose one per file.
    public var profile: MappingProfile?
    /// The profiles to choose from.
    public var profiles: MappingProfileCatalog
    /// The instruments.
    public var catalog: InstrumentCatalog
    /// `--instrument` (ID or ID@VERSION), overriding the profile's.
    public var instrument: String?
    /// Whether to read the child attributes the profile maps (class, school, sex, birth
    /// year/month) into ``MappedResponse/attributes``; only a project store keeps them.
    public var readsChildAttributes = false
    /// `--id COLUMN`: the child-id column, overriding the profile's and the automatic choice.
    public var idColumn: String?
    /// `--sheet NAME`: the sheet of an Excel workbook (nil: the first).
    public var sheet: String?
    /// `--missing-codes`: values read as missing answers in every item field, besides the profile's.
    public var missingCodes: [MissingCode] = []
    /// `--column ATTRIBUTE=HEADER`: where an attribute (class, school, sex, birthYear,
    /// birthMonth, birthDate, date, occasion) is, overriding the profile's.
    public var columns: [String: String] = [:]
    /// How many child ids (and child × occasion × informant keys) are held in memory while the
    /// children and the repeated rows are counted; beyond that they are counted on disk, exactly.
    var tallyLimits = KeyTally.Limits()

    /// The attributes `--column` can name.
    public static let columnAttributes = ["class", "school", "sex", "birthYear", "birthMonth", "birthDate", "age", "date", "occasion", "site"]

    /// Creates a job.
    public init(profile: MappingProfile?, profiles: MappingProfileCatalog, catalog: InstrumentCatalog, instrument: String?) {
        self.profile = profile
        self.profiles = profiles
        self.catalog = catalog
        self.instrument = instrument
    }

    /// Imports `file`. A problem with the whole file is recorded in ``ImportFileReport/failure``
    /// (it is not thrown); errors thrown by `accept` or `reject` are rethrown.
    /// - Parameters:
    ///   - accept: receives each valid response with its instrument.
    ///   - reject: receives each problem of a rejected record.
    ///   - detected: called once the kind, the profile, the instrument and the dialect are known,
    ///     before the first record is mapped, with the report so far (for "what is about to be
    ///     read" before the import starts).
    ///   - instrumentChosen: called once the instrument is known, before the first `accept`; may
    ///     throw ``ImportError`` to refuse the file (e.g. another instrument with `--score`).
    ///   - progress: called every 1,000 records with the records read and, where the reader
    ///     knows them, the file's bytes read and its size.
    ///
    /// The file is read and mapped on a second thread while the closures run on the calling
    /// one, in the order the records come (``ImportHandoff``): reading overlaps storing.
    public func run(file: String, accept: (MappedResponse, Instrument) throws -> Void,
                    reject: (MappingRejection) throws -> Void,
                    detected: (ImportFileReport) -> Void = { _ in },
                    instrumentChosen: (Instrument) throws -> Void = { _ in },
                    progress: (Progress) -> Void = { _ in }) throws -> ImportFileReport {
        try run(file: file, prepare: { _, _, _ in () }, accept: { response, instrument, _ in try accept(response, instrument) },
                reject: reject, detected: detected, instrumentChosen: instrumentChosen, progress: progress)
    }

    /// ``run(file:accept:reject:detected:instrumentChosen:progress:)`` with work done ahead:
    /// `prepare` runs on the reading thread for each response, as soon as it is mapped, and its
    /// result reaches `accept` with the response. Its third argument says whether the calling
    /// thread is busy (``ImportHandoff/callerIsBusy``): when it is not, work that `accept` can do
    /// as well is better left to it, so that the two threads share the work evenly.
    public func run<Prepared: Sendable>(
        file: String, prepare: @escaping @Sendable (MappedResponse, Instrument, _ callerIsBusy: Bool) -> Prepared,
        accept: (MappedResponse, Instrument, Prepared) throws -> Void,
        reject: (MappingRejection) throws -> Void,
        detected: (ImportFileReport) -> Void = { _ in },
        instrumentChosen: (Instrument) throws -> Void = { _ in },
        progress: (Progress) -> Void = { _ in }
    ) throws -> ImportFileReport {
        let handoff = ImportHandoff<Prepared>()
        let job = self
        let reading = Thread {
            var shared: ImportHandoff<Prepared>.SharedInstrument?
            let outcome = Result {
                try job.read(file: file,
                             accept: { response, instrument in
                                 if shared == nil || shared!.instrument.id != instrument.id
                                     || shared!.instrument.version != instrument.version {
                                     shared = ImportHandoff<Prepared>.SharedInstrument(instrument)
                                 }
                                 try handoff.send(.accept(.init(response, shared!, prepare(response, instrument, handoff.callerIsBusy))))
                             },
                             reject: { try handoff.send(.reject($0)) },
                             detected: { handoff.post(.detected($0)) },
                             instrumentChosen: { try handoff.ask(.instrumentChosen($0)) },
                             progress: { handoff.post(.progress($0)) })
            }
            handoff.finish(outcome)
        }
        reading.stackSize = 8 << 20
        reading.start()
        return try handoff.consume { event in
            switch event {
            case let .accept(accepted): try accept(accepted.response, accepted.instrument.instrument, accepted.prepared)
            case let .reject(problem): try reject(problem)
            case let .detected(report): detected(report)
            case let .instrumentChosen(instrument): try instrumentChosen(instrument)
            case let .progress(done): progress(done)
            }
        }
    }

    /// A file's mapper, once made: one reference per record instead of a copy of the mapper's
    /// profile, instrument and plans.
    private final class MapperBox {
        let mapper: ResponseMapper
        init(_ mapper: ResponseMapper) { self.mapper = mapper }
    }

    /// ``run(file:accept:reject:detected:instrumentChosen:progress:)`` on the thread that reads.
    private func read(file: String, accept: (MappedResponse, Instrument) throws -> Void,
                      reject: (MappingRejection) throws -> Void,
                      detected: (ImportFileReport) -> Void,
                      instrumentChosen: (Instrument) throws -> Void,
                      progress: (Progress) -> Void) throws -> ImportFileReport {
        var report = ImportFileReport(file: file)
        // In a box: read per record without copying the profile and instrument it holds.
        var mapper: MapperBox?
        var unmapped: [String] = []
        var unmappedSeen: Set<String> = []
        // The field names of the last record whose unmapped fields were looked up: the next
        // record with the same names (most ODM forms) has none to add.
        var lastFieldNames: [String] = []
        // Exact counts in bounded memory (the ids of millions of rows are counted on disk).
        let children = KeyTally(limits: tallyLimits)
        let keys = KeyTally(limits: tallyLimits)
        /// Counts the children and the repeated rows into the report.
        func tally() throws -> KeyTally.Counts {
            do {
                report.children = try children.finish().distinct
                let counts = try keys.finish()
                report.repeated = counts.repeats
                return counts
            } catch { throw CallbackError(underlying: error) }
        }
        do {
            let recognition = try SourceRecognizer.recognize(file)
            report.recognition = recognition
            if let profile, !profile.source.accepts(recognition.kind) {
                throw ImportError.profile(file: file, .wrongSource(profile: profile.id, expected: profile.source, found: recognition.kind))
            }
            let table = try Self.sampleTable(kind: recognition.kind, path: file, sheet: sheet)
            var bytesRead: (() -> Int?)?
            let sizePath = recognition.kind == .surveyxact ? (SurveyXactExport.locate(file)?.dataset ?? file) : file
            let totalBytes = (try? FileManager.default.attributesOfItem(atPath: sizePath)[.size] as? NSNumber)?.intValue
            try Self.forEachRecord(kind: recognition.kind, path: file, sheet: sheet, notes: { report.notes.append($0) },
                                   bytes: { bytesRead = $0 }) { result in
                report.read += 1
                if report.read % 1_000 == 0 {
                    let bytes = bytesRead?()
                    progress(Progress(records: report.read, bytes: bytes, totalBytes: bytes == nil ? nil : totalBytes))
                }
                switch result {
                case let .failure(rejected):
                    report.rejected += 1
                    for problem in rejected.problems { try reject(problem) }
                case var .success(record):
                    if record.row == nil { record.row = report.read }
                    if mapper == nil {
                        mapper = MapperBox(try makeMapper(for: record, kind: recognition.kind, file: file, table: table, report: &report))
                        detected(report)
                        // The progress line's clock starts here.
                        progress(Progress(records: report.read, bytes: bytesRead?(), totalBytes: bytesRead?() == nil ? nil : totalBytes))
                        try instrumentChosen(mapper!.mapper.instrument)
                    }
                    if table == nil || unmapped.isEmpty && report.read == 1 {
                        // Tables have one header: their first record names every field.
                        if !record.fields.elementsEqual(lastFieldNames, by: { $0.name == $1 }) {
                            lastFieldNames = record.fields.map(\.name)
                            for name in mapper!.mapper.unmappedFields(of: record) where unmappedSeen.insert(name).inserted { unmapped.append(name) }
                        }
                    }
                    switch mapper!.mapper.map(record) {
                    case let .mapped(response):
                        report.accepted += 1
                        for meaning in response.missing.values { report.missingAnswers[meaning.rawValue, default: 0] += 1 }
                        if let age = response.age, let range = mapper!.mapper.instrument.ageRange, !(range.minimum...range.maximum).contains(age) {
                            report.outsideAgeRange += 1
                        }
                        // An absent occasion and an empty one are the same key, as before.
                        try children.add(response.childId)
                        try keys.add(response.childId, response.occasion ?? "", response.informant.rawValue)
                        try accept(response, mapper!.mapper.instrument)
                    case .empty:
                        report.empty += 1
                    case let .rejected(problems):
                        report.rejected += 1
                        for problem in problems { try reject(problem) }
                    }
                }
            }
            if report.read == 0 {
                // One rule with `score`: a header that matches no instrument is refused, rows or not.
                if mapper == nil, [.csv, .redcapCSV].contains(recognition.kind) {
                    let header = try PlainCSVRecordReader(path: file).header
                    let record = SourceRecord(source: file, location: "header", subjectKey: "",
                                              fields: header.map { SourceField(name: $0, value: "") }, row: 0, line: 1)
                    _ = try makeMapper(for: record, kind: recognition.kind, file: file, table: table, report: &report)
                }
                throw ImportError.noRecords(file: file, kind: recognition.kind)
            }
            if let mapper = mapper?.mapper, !unmapped.isEmpty, mapper.profile.items != nil || report.accepted > 0 || report.rejected > 0 {
                let shown = unmapped.prefix(8).joined(separator: ", ")
                report.notes.append("\(unmapped.count) field(s) not mapped to \(mapper.instrument.reference) (over the whole file): \(shown)\(unmapped.count > 8 ? ", …" : "")")
            }
            // Rows sharing an id: every row of a repeated key, the first included.
            let sharing = try tally().sharing
            if report.accepted >= 4, sharing * 2 > report.accepted {
                throw ImportError.sharedIds(file: file, column: report.childId?.column ?? mapper?.mapper.profile.childId.sourceName ?? "(id)",
                                            rows: report.accepted, repeated: sharing, children: report.children)
            }
        } catch let error as CallbackError {
            throw error.underlying
        } catch {
            report.failure = "\(error)"
            // The counts of the records read before the problem, as before.
            if report.accepted > 0, report.children == 0 { _ = try? tally() }
        }
        return report
    }

    /// How far the import of one file is.
    public struct Progress: Sendable, Hashable {
        /// Records read.
        public var records: Int
        /// The file's bytes read, when the reader knows (not for Excel workbooks, whose sheet is compressed).
        public var bytes: Int?
        /// The file's size, when ``bytes`` is known.
        public var totalBytes: Int?
    }

    /// The problems of one record that cannot be read as it stands (a ragged row, a FHIR value of
    /// the wrong type).
    struct RecordRejection: Error {
        var problems: [MappingRejection]
    }

    /// The header and the first rows of a table (plain CSV, SurveyXact dataset), for choosing
    /// the child-id column; nil for other kinds. The SurveyXact key is the reader's respondent column.
    static func sampleTable(kind: SourceKind, path: String, sheet: String? = nil, limit: Int = 200) throws -> SampleTable? {
        var sample = SampleTable(header: [], rows: [], formatKey: nil)
        switch kind {
        case .csv:
            let reader = try PlainCSVRecordReader(path: path)
            sample.header = reader.header
            while sample.rows.count < limit {
                do {
                    guard let record = try reader.next() else { break }
                    sample.rows.append(record.fields.map(\.value))
                } catch let error as CSVError {
                    guard case .raggedRow = error else { break }
                }
            }
        case .xlsx:
            let reader = try excel { () throws(XLSXError) in try XLSXRecordReader(path: path, sheet: sheet) }
            sample.header = reader.header
            while sample.rows.count < limit, let record = try excel({ () throws(XLSXError) in try reader.next() }) {
                sample.rows.append(record.fields.map(\.value))
            }
        case .surveyxact:
            guard let export = SurveyXactExport.locate(path) else { return nil }
            let reader = try SurveyXactReader(export: export)
            sample.formatKey = reader.keyColumn
            var first = true
            while sample.rows.count < limit {
                do {
                    guard let record = try reader.next() else { break }
                    if first { sample.header = record.fields.map(\.name); first = false }
                    sample.rows.append(record.fields.map(\.value))
                } catch let error as CSVError {
                    guard case .raggedRow = error else { break }
                }
            }
        default:
            return nil
        }
        return sample
    }

    /// A table's header and first rows.
    struct SampleTable {
        var header: [String]
        var rows: [[String]]
        /// The column the format itself keys respondents by.
        var formatKey: String?
    }

    /// Wraps errors thrown by the caller's closures so they are not mistaken for file errors.
    struct CallbackError: Error {
        var underlying: any Error
    }

    private func makeMapper(for record: SourceRecord, kind: SourceKind, file: String, table: SampleTable?,
                            report: inout ImportFileReport) throws -> ResponseMapper {
        var chosen: MappingProfile
        if let profile {
            chosen = profile
        } else {
            let candidates = profiles.candidates(for: kind, form: record.form)
            guard candidates.count == 1 else {
                throw ImportError.noProfile(file: file, kind: kind, candidates: candidates.map(\.id))
            }
            chosen = candidates[0]
        }
        report.profile = chosen.id
        let definition: Instrument
        if let reference = instrument ?? chosen.instrument {
            do { definition = try catalog.resolve(reference) } catch {
                throw ImportError.noInstrument(file: file, reason: "\(error)")
            }
        } else {
            definition = try bestInstrument(for: record, profile: chosen, file: file)
            report.notes.append("instrument \(definition.reference) chosen: its variable names match the most fields")
        }
        report.instrument = definition.reference.description
        if let table, idColumn != nil || chosen.childId.part == .subject {
            let choice = try ChildIdChooser.choose(file: file, header: table.header, sample: table.rows,
                                                   requested: idColumn, formatKey: table.formatKey)
            chosen.childId = FieldReference(field: choice.column)
            report.childId = choice
            report.notes.append(choice.description)
        } else if let idColumn {
            chosen.childId = FieldReference(field: idColumn)
            report.notes.append("child id: field '\(idColumn)' (named with --id)")
        }
        for (attribute, header) in columns.sorted(by: { $0.key < $1.key }) {
            let reference = FieldReference(field: header)
            var attributes = chosen.attributes ?? ChildAttributeMapping()
            switch attribute {
            case "class": attributes.className = reference
            case "school": attributes.school = reference
            case "sex": attributes.sex = reference
            case "birthYear": attributes.birthYear = reference
            case "birthMonth": attributes.birthMonth = reference
            case "birthDate": attributes.birthDate = reference
            case "site": attributes.site = reference
            case "age": attributes.age = reference
            case "date": chosen.date = reference
            case "occasion": chosen.occasion = reference
            default: continue
            }
            chosen.attributes = attributes
            report.notes.append("\(attribute): column '\(header)' (named with --column)")
        }
        let mapper: ResponseMapper
        do {
            mapper = try ResponseMapper(profile: chosen, instrument: definition, readsChildAttributes: readsChildAttributes,
                                        missingCodes: missingCodes)
        } catch {
            throw ImportError.profile(file: file, error)
        }
        return mapper
    }

    /// The newest instrument version whose items match the most of `record`'s fields; ties go
    /// to the instrument with fewer items (the closest fit).
    private func bestInstrument(for record: SourceRecord, profile: MappingProfile, file: String) throws -> Instrument {
        var newest: [String: Instrument] = [:]
        for entry in catalog.entries { newest[entry.instrument.id] = entry.instrument }
        var best: (instrument: Instrument, matched: Int)?
        for candidate in newest.values.sorted(by: { $0.id < $1.id }) {
            guard let mapper = try? ResponseMapper(profile: profile, instrument: candidate) else { continue }
            let matched = mapper.matchedItemCount(in: record)
            guard matched > 0 else { continue }
            if best == nil || matched > best!.matched
                || (matched == best!.matched && candidate.items.count < best!.instrument.items.count) {
                best = (candidate, matched)
            }
        }
        guard let best else {
            throw ImportError.noInstrument(file: file, reason: "no column matches the variable names of any instrument")
        }
        return best.instrument
    }

    /// Streams the records of a file of `kind`; a record-level read problem (a ragged row) is a
    /// failure for that record only.
    static func forEachRecord(kind: SourceKind, path: String, sheet: String? = nil, notes: (String) -> Void,
                              bytes: (@escaping () -> Int?) -> Void = { _ in },
                              _ body: (Result<SourceRecord, RecordRejection>) throws -> Void) throws {
        func call(_ result: Result<SourceRecord, RecordRejection>) throws {
            do { try body(result) } catch let error as ImportError { throw error } catch let error as CallbackError {
                throw error
            } catch { throw CallbackError(underlying: error) }
        }
        func rows(_ next: () throws -> SourceRecord?) throws {
            while true {
                do {
                    guard let record = try next() else { return }
                    try call(.success(record))
                } catch let CSVError.raggedRow(file, row, line, expected, found) {
                    try call(.failure(RecordRejection(problems: [MappingRejection(
                        file: file, location: "row \(row) (line \(line))", field: "(row)", value: nil,
                        reason: "the row has \(found) fields; expected \(expected) like the header",
                        row: row, line: line, problem: .raggedRow(found: found, expected: expected))])))
                }
            }
        }
        switch kind {
        case .odm:
            // libxml2 parses on a thread of its own; the records are mapped on this one.
            try RecordPipe<SourceRecord>.run(
                read: { send, opened in try ODMReader(path: path).read(opened: opened) { try send($0) } },
                bytes: bytes, consume: { try call(.success($0)) })
        case .fhir:
            let response = try FHIRQuestionnaireResponseReader.read(path: path)
            guard response.problems.isEmpty else {
                // Nothing is coerced: a value of the wrong type rejects the response, located by its JSON path.
                return try call(.failure(RecordRejection(problems: response.problems.map {
                    MappingRejection(file: path, location: $0.path, field: $0.linkId, value: $0.value, reason: $0.reason, row: 1, line: 1)
                })))
            }
            try call(.success(SourceRecord(
                source: path, location: "QuestionnaireResponse", subjectKey: response.subject ?? "",
                form: response.questionnaire,
                fields: response.answers.map { SourceField(name: $0.linkId, value: $0.text) },
                date: response.authored)))
        case .redcapCSV:
            let reader = try REDCapRecordReader(path: path)
            bytes { [weak reader] in reader?.bytesRead }
            notes("\(reader.dialect)")
            try rows(reader.next)
        case .csv:
            let reader = try PlainCSVRecordReader(path: path)
            bytes { [weak reader] in reader?.bytesRead }
            notes("\(reader.dialect)")
            try rows(reader.next)
        case .xlsx:
            let reader = try excel { () throws(XLSXError) in try XLSXRecordReader(path: path, sheet: sheet) }
            notes(reader.dialect)
            try rows { try excel { () throws(XLSXError) in try reader.next() } }
        case .surveyxact:
            guard let export = SurveyXactExport.locate(path) else {
                throw ImportError.unrecognized(file: path, found: "a SurveyXact file without its companions")
            }
            let reader = try SurveyXactReader(export: export)
            bytes { [weak reader] in reader?.bytesRead }
            notes("\(reader.dialect)")
            reader.notes.forEach(notes)
            try rows(reader.next)
        }
    }

    /// Runs an Excel read, its error as the file's ``ImportError``.
    static func excel<T>(_ body: () throws(XLSXError) -> T) throws(ImportError) -> T {
        do { return try body() } catch { throw .excel(error) }
    }
}

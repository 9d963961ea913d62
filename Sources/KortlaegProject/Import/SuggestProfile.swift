import Foundation
import KortlaegReaders

/// Writes a draft mapping profile for one file (`kortlaeg profile suggest`): the child-id column
/// and the instrument chosen as the import chooses them, every item column with how it was
/// matched, the columns left out and the answer texts that match no code, and reports through
/// the sink what a person should check. `kortlaeg import --profile DRAFT` reads the file with the
/// draft unchanged.
///
/// The draft is checked against `schema/profile.schema.json` of the instruments folder before it
/// is written; a draft that does not validate is a program error and is not written.
public enum SuggestProfile {
    /// What to suggest a profile for.
    public struct Request {
        /// The file.
        public var file: String
        /// The instrument definitions.
        public var instruments: InstrumentCatalog
        /// The folder of mapping profiles (`Instruments/profiles`); its `../schema` holds the schema.
        public var profilesDirectory: String
        /// `--instrument`: the instrument (nil: chosen from the columns).
        public var instrument: String?
        /// `--id COLUMN`.
        public var idColumn: String?
        /// `--sheet NAME`.
        public var sheet: String?
        /// `--missing-codes`: written into the draft.
        public var missingCodes: [MissingCode] = []
        /// Where to write the draft (nil: only returned, e.g. for stdout).
        public var output: String?

        /// Creates a request.
        public init(file: String, instruments: InstrumentCatalog, profilesDirectory: String, output: String?) {
            self.file = file
            self.instruments = instruments
            self.profilesDirectory = profilesDirectory
            self.output = output
        }
    }

    /// The draft.
    public struct Result: Sendable {
        /// The draft as JSON (what was written to ``Request/output``).
        public var json: String
        /// The suggestion behind it.
        public var suggestion: ProfileSuggestion
    }

    /// Suggests the profile, reports what to check, and writes it.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` when the file does not exist;
    ///   ``Severity/invalidInput`` when it cannot be read, has no usable id column or matches no
    ///   instrument; ``Severity/usage`` for an unknown instrument; ``Severity/cannotWrite`` when
    ///   the draft cannot be written.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> Result {
        let file = request.file
        guard FileManager.default.fileExists(atPath: file) else { throw KortlaegError(.notFound, "\(file): no such file.") }
        let profiles: MappingProfileCatalog
        do { profiles = try MappingProfileCatalog.load(directory: request.profilesDirectory) } catch {
            throw KortlaegError(.usage, error.description)
        }
        if let reference = request.instrument {
            do { _ = try request.instruments.resolve(reference) } catch { throw KortlaegError(.usage, "\(error)") }
        }
        var suggester = ProfileSuggester(profiles: profiles, catalog: request.instruments, instrument: request.instrument)
        suggester.idColumn = request.idColumn
        suggester.sheet = request.sheet
        suggester.missingCodes = request.missingCodes
        let suggestion: ProfileSuggestion
        do {
            suggestion = try suggester.suggest(file: file, id: draftID(output: request.output, file: file))
        } catch {
            throw KortlaegError(.invalidInput, CPRGuard.masked("\(error)"))
        }
        let json: String
        do { json = try encode(suggestion.profile) } catch {
            throw KortlaegError(.invalidInput, "\(file): the draft cannot be written as JSON: \(error)")
        }
        let schemaPath = ((request.profilesDirectory as NSString).deletingLastPathComponent as NSString)
            .appendingPathComponent("schema/profile.schema.json")
        if let problems = validationProblems(json, schema: schemaPath), !problems.isEmpty {
            throw KortlaegError(.invalidInput, "\(file): the draft does not validate against \(schemaPath): \(problems.joined(separator: "; "))")
        }
        report(suggestion, file: file, sink: sink)
        if let output = request.output {
            let target = OutputFile(destination: output)
            do {
                try target.create()
                try Data((json + "\n").utf8).write(to: URL(fileURLWithPath: target.temporaryPath))
                try target.commit()
            } catch {
                target.discard()
                throw KortlaegError(.cannotWrite, error is CSVError ? "\(error)" : "cannot write \(output): \(error.localizedDescription)")
            }
            let sheet = request.sheet.map { " --sheet '\($0)'" } ?? ""
            sink.note("wrote the draft profile \(output); when it is right: kortlaeg import \(file)\(sheet) --profile \(output) …")
        }
        return Result(json: json, suggestion: suggestion)
    }

    /// The problems of `json` against the profile schema, or nil when the schema cannot be read.
    static func validationProblems(_ json: String, schema path: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: path), let schema = try? JSONSchemaValidator(schema: data),
              let document = try? JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        else { return nil }
        return schema.validate(document).map { "\($0.path): \($0.message)" }
    }

    /// The draft as pretty-printed JSON with sorted keys (the same file gives the same draft).
    static func encode(_ profile: MappingProfile) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(profile), as: UTF8.self)
    }

    /// The id: the output's file name without `.json`, else `draft-` and the input's name, made a
    /// profile id (letters, digits, `_ . -`; Danish letters spelt out).
    static func draftID(output: String?, file: String) -> String {
        let name = output.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension }
            ?? "draft-" + (((file as NSString).lastPathComponent as NSString).deletingPathExtension)
        if CPRNumber.containsCPR(name) { return "draft" }
        var id = ""
        for character in name {
            switch character {
            case "æ", "Æ": id += "ae"
            case "ø", "Ø": id += "oe"
            case "å", "Å": id += "aa"
            default:
                id += character.isASCII && (character.isLetter || character.isNumber || "_.-".contains(character)) ? String(character) : "-"
            }
        }
        if !(id.first?.isLetter ?? false) { id = "draft-" + id }
        return id
    }

    /// What a person should check, one message each.
    static func report(_ suggestion: ProfileSuggestion, file: String, sink: any ProgressSink) {
        sink.note("\(file): \(suggestion.kind) (\(suggestion.evidence))\(suggestion.dialect.map { "; \($0)" } ?? "")")
        if let base = suggestion.baseProfile { sink.note("\(file): the draft starts from profile \(base)") }
        sink.note("\(file): instrument \(suggestion.instrument) (\(suggestion.instrumentReason))")
        if let choice = suggestion.childId {
            sink.note("\(file): \(choice.description)")
            sink.note("check: column '\(choice.column)' must hold the child's CPR number or a pseudonymous id, never a name")
        } else {
            sink.note("\(file): child id: \(suggestion.profile.childId)")
        }
        let counts = ProfileSuggestion.Method.allCases.compactMap { method -> String? in
            let count = suggestion.items.filter { $0.method == method }.count
            return count == 0 ? nil : "\(count) by \(method.phrase)"
        }
        let total = suggestion.items.count + suggestion.missingItems.count
        sink.note("\(file): \(suggestion.items.count) of \(total) items matched: \(counts.joined(separator: ", "))")
        for match in suggestion.items where match.method == .label || match.method == .position || match.method == .alias {
            sink.warning("check: column '\(match.column)' is read as item \(match.item) (\(match.variable)), matched by \(match.method.phrase)")
        }
        if !suggestion.missingItems.isEmpty {
            sink.warning("check: no column for \(suggestion.missingItems.joined(separator: ", ")); their answers count as unanswered (a score that needs them is not computed)")
        }
        if !suggestion.attributes.isEmpty {
            sink.note("\(file): also read: " + suggestion.attributes.map { "\($0.attribute) ← '\($0.column)'" }.joined(separator: ", "))
        }
        if !suggestion.unmatchedColumns.isEmpty {
            sink.warning("check: columns not read (not imported): " + suggestion.unmatchedColumns.map { "'\($0)'" }.joined(separator: ", "))
        }
        for found in suggestion.detectedMissingCodes {
            sink.warning("check: '\(found.code.value)' in item columns (\(found.records) record(s)) is read as a missing answer (\(found.code.meaning.rawValue)); remove it from missingCodes if it is an answer")
        }
        for answer in suggestion.unmatchedAnswers {
            sink.warning("check: " + ProfileSuggester.answerNote(answer))
        }
        if suggestion.unmatchedAnswers.isEmpty {
            sink.note("\(file): every answer of the \(suggestion.recordsRead) record(s) is a code or a label of its item")
        }
    }
}

import Foundation
import KortlaegReaders

/// Checks every definition of an instruments folder: instrument and battery files against their
/// schemas and for semantic errors, then the mapping profiles in `profiles/`.
public enum ValidateDefinitions {
    /// What to check.
    public struct Request: Sendable {
        /// The instruments folder.
        public var library: InstrumentLibrary
        /// The instrument schema; default `schema/instrument.schema.json` in the folder.
        public var schemaPath: String?

        /// Checks `library`'s folder, with `schemaPath` instead of its schema when given.
        public init(library: InstrumentLibrary, schemaPath: String? = nil) {
            self.library = library
            self.schemaPath = schemaPath
        }
    }

    /// What was found.
    public struct Result: Sendable {
        /// Instrument and battery files checked.
        public var definitionFiles: Int
        /// Mapping profile files checked.
        public var profileFiles: Int
        /// Every problem, located by file and JSON path (instruments and batteries first).
        public var findings: [InstrumentFinding]

        /// Problems in the instrument and battery files.
        var definitionProblems: Int
        /// ``Severity/invalidInput`` when any problem was found.
        public var severity: Severity { findings.isEmpty ? .success : .invalidInput }

        /// What was checked, for the user: `12 instrument file(s) checked, 0 problem(s).`, and the
        /// same for the mapping profiles when there are any.
        public var summary: [String] {
            ["\(definitionFiles) instrument file(s) checked, \(definitionProblems) problem(s)."]
                + (profileFiles > 0 ? ["\(profileFiles) mapping profile(s) checked, \(findings.count - definitionProblems) problem(s)."] : [])
        }
    }

    /// Checks the folder.
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) when the schema or the folder cannot
    ///   be read, or the folder holds no definition at all.
    public static func run(_ request: Request) throws(KortlaegError) -> Result {
        let directory = request.library.directory
        let validator: InstrumentValidator
        let (files, findings): (Int, [InstrumentFinding])
        do {
            validator = try InstrumentValidator(schemaPath: request.schemaPath
                ?? (directory as NSString).appendingPathComponent("schema/instrument.schema.json"))
            (files, findings) = try validator.validateDirectory(directory)
        } catch {
            throw KortlaegError(.invalidInput, "\(error)")
        }
        guard files > 0 else {
            throw KortlaegError(.invalidInput, "No instrument or battery definitions in \(request.library.location). "
                + "Name the instruments folder with --instruments DIR or KORTLAEG_INSTRUMENTS.")
        }
        let profiles = ProfileValidator.validate(directory: directory, catalog: try? InstrumentCatalog.load(directory: directory))
        return Result(definitionFiles: files, profileFiles: profiles.files, findings: findings + profiles.findings,
                      definitionProblems: findings.count)
    }
}

import Foundation

/// What an export wrote and how: written as JSON beside the output and, by the lead's store code,
/// into the project's audit log. It never holds ids, salts or keys.
public struct ExportManifest: Codable, Sendable, Equatable {
    /// One file written by the export.
    public struct File: Codable, Sendable, Equatable {
        /// The file name (beside the manifest).
        public var name: String
        /// `data`, `codebook-ddi`, `codebook-markdown`, `codebook-html`.
        public var role: String
        /// Size in bytes.
        public var bytes: Int
        /// SHA-256 of the file's bytes, lower-case hex.
        public var sha256: String
    }

    /// One input file read (stateless exports).
    public struct Input: Codable, Sendable, Equatable {
        /// The file name.
        public var name: String
        /// The occasion its rows belong to.
        public var occasion: String
        /// Rows read.
        public var rows: Int
        /// SHA-256 of the file's bytes.
        public var sha256: String

        /// Creates an input's description.
        public init(name: String, occasion: String, rows: Int, sha256: String) {
            self.name = name
            self.occasion = occasion
            self.rows = rows
            self.sha256 = sha256
        }
    }

    /// The project store the data came from (exports with `--project`).
    public struct Project: Codable, Sendable, Equatable {
        /// The store's file name (no folder).
        public var file: String
        /// The municipality recorded by `kortlaeg init`.
        public var municipality: String?
        /// The intervention model recorded by `kortlaeg init`.
        public var interventionModel: String?
        /// The mapping-tool version recorded by `kortlaeg init`.
        public var toolVersion: String?
        /// Stored responses read (after filters).
        public var responses: Int

        /// Creates a project description.
        public init(file: String, municipality: String?, interventionModel: String?, toolVersion: String?, responses: Int) {
            self.file = file
            self.municipality = municipality
            self.interventionModel = interventionModel
            self.toolVersion = toolVersion
            self.responses = responses
        }
    }

    /// How ids were pseudonymised.
    public struct Pseudonymisation: Codable, Sendable, Equatable {
        /// The method in words.
        public var method: String
        /// `per-export random salt`, `stable salt named '…'`, or `stable salt from file '…'`.
        public var saltMode: String
        /// Fingerprint of the project key (see ``PseudonymKey/fingerprint``).
        public var keyFingerprint: String
        /// True when the key was generated for this export only.
        public var ephemeralKey: Bool
    }

    /// Always `kortlaeg-export`.
    public var kind = "kortlaeg-export"
    /// Manifest format version.
    public var manifestVersion = 1
    /// When the export was written (ISO 8601, UTC).
    public var createdAt: String
    /// The tool and version.
    public var tool: String
    /// `sav`, `dta`, `csv`, `ddi`.
    public var format: String
    /// `wide` or `long`.
    public var shape: String
    /// Label language.
    public var language: String
    /// Instrument references (`sdq-p4-17@1.0.0`).
    public var instruments: [String]
    /// Rule variants used, per instrument: `id: option=choice`.
    public var ruleVariants: [String]
    /// Band tables and norm sets used.
    public var normSets: [String]
    /// Filters applied, in words.
    public var filters: [String]
    /// Inputs read (empty when the data came from the store).
    public var inputs: [Input]
    /// The project store read (nil for exports from score files).
    public var project: Project?
    /// Rows written.
    public var rows: Int
    /// Variables written.
    public var variables: Int
    /// Whether item answers were included.
    public var itemsIncluded: Bool
    /// Whether personal free text was included.
    public var personalDataIncluded: Bool
    /// Pseudonymisation.
    public var pseudonymisation: Pseudonymisation
    /// Every file written, with checksums.
    public var files: [File]

    /// The manifest as pretty-printed JSON with sorted keys.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

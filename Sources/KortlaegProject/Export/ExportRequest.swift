import KortlaegDomain
import KortlaegProgress

/// What `kortlaeg export` (or a web page) asks for: a pseudonymised dataset with codebooks and a
/// manifest, from a project or from score files.
public struct ExportRequest: Sendable {
    /// Where the data come from.
    public enum Source: Sendable {
        /// A project store: every stored response, optionally only some instruments (`ID` or
        /// `ID@VERSION`) or one class. The export is recorded in the project's audit log.
        case project(String, instruments: [String] = [], className: String? = nil)
        /// Files written by `kortlaeg score`, one per occasion, all of one instrument.
        /// - `idColumn`: the files' id column (default: the first column).
        /// - `keyFile`: the project key file (default: a random key for this export only).
        /// - `ruleChoices`: the rule variant the files were scored with (recorded in the notes).
        /// - `filters`: filters applied to the rows before, in words (recorded in notes and manifest).
        case scoreFiles([ScoreFileInput], idColumn: String? = nil, keyFile: String? = nil,
                        ruleChoices: RuleChoices = RuleChoices(), filters: [String] = [])
    }

    /// How ids are salted before they are pseudonymised.
    public enum Salt: Sendable, Equatable {
        /// A new random salt: ids cannot be linked with another export.
        case perExport
        /// A stable salt derived from a name (e.g. the evaluation's): ids equal across exports.
        case named(String)
        /// A stable salt read from a file.
        case file(String)
    }

    /// Where the data come from.
    public var source: Source
    /// The instrument files (the stored instrument versions; unused for score files).
    public var catalog: InstrumentCatalog
    /// The data file's format (`ddi`: codebooks only).
    public var format: ExportFormat
    /// One row per child (wide) or per child, occasion and informant (long).
    public var shape: ExportShape
    /// Include the item answers (with their value labels); projects only.
    public var includeItems: Bool
    /// With `includeItems`: include free-text answers too (personal data).
    public var includeFreeText: Bool
    /// The data file (for `ddi` the DDI codebook); default `kortlaeg-export.FORMAT`.
    public var output: String?
    /// The language of labels and notes (Danish by default).
    public var language: Language
    /// How ids are salted.
    public var salt: Salt
    /// The CSV dialect (plain RFC 4180 or Danish Excel).
    public var csvStyle: CSVExportStyle
    /// CSV: write text cells as they are (`--raw`); by default a text cell beginning with `=`, `+`,
    /// `-`, `@`, TAB or CR gets a leading `'` so a spreadsheet does not run it as a formula
    /// (numbers are never changed).
    public var raw = false
    /// Who asks, for the audit log.
    public var `operator`: String
    /// The tool and version written into the manifest (`kortlaeg 0.4.0`).
    public var tool: String
    /// The RCI settings, as `progress` takes them (reliabilities or the T1 sample, SDs or the
    /// baseline SD); no reliability: no RCI, declared so.
    public var reliableChange = ProgressSettings()

    /// Creates a request.
    public init(source: Source, catalog: InstrumentCatalog, format: ExportFormat = .sav, shape: ExportShape = .wide,
                includeItems: Bool = false, includeFreeText: Bool = false, output: String? = nil, language: Language = .danish,
                salt: Salt = .perExport, csvStyle: CSVExportStyle = .plain, operator: String, tool: String) {
        self.source = source
        self.catalog = catalog
        self.format = format
        self.shape = shape
        self.includeItems = includeItems
        self.includeFreeText = includeFreeText
        self.output = output
        self.language = language
        self.salt = salt
        self.csvStyle = csvStyle
        self.operator = `operator`
        self.tool = tool
    }

    /// The data file's path: as given, or `kortlaeg-export.FORMAT`.
    public var outputPath: String { output ?? "kortlaeg-export.\(format == .ddi ? "codebook.xml" : format.rawValue)" }
}

/// A finished export.
public struct ExportResult: Sendable {
    /// What was written (also `BASE.manifest.json` beside the data file).
    public var manifest: ExportManifest
    /// Every file written, with its folder: the data file, the codebooks and the manifest.
    public var files: [String]
    /// Stored responses read (exports from a project).
    public var storedResponses: Int?
}

import Foundation
import KortlaegDomain
import KortlaegReaders

/// Writes one export: the data file, the DDI, Markdown and HTML codebooks, and the manifest.
///
/// Everything is written into a staging folder beside the output first and moved into place only
/// when all files are complete, so a failed export (a CPR-shaped value, a full disk) leaves nothing.
/// Files: the data file `BASE.sav|.dta|.csv`, and beside it, named after it so that exports of
/// several formats to one base name never overwrite each other's codebooks:
/// `BASE.sav.codebook.xml` (DDI 2.5), `BASE.sav.codebook.md`, `BASE.sav.codebook.html`,
/// `BASE.sav.manifest.json`. A `ddi` export (no data file) writes `BASE.codebook.xml|md|html`
/// and `BASE.manifest.json`.
public struct ExportJob {
    /// What to write.
    public struct Configuration {
        public var format: ExportFormat
        public var csvStyle: CSVExportStyle
        /// CSV: whether text cells a spreadsheet would run as formulas are neutralised (the default).
        public var cells: CSVCellPolicy = .spreadsheet
        /// The data file's path (for `ddi`: the DDI codebook's path).
        public var outputPath: String
        public var options: ExportOptions
        public var tool: String
        public var created: Date

        /// Creates a configuration.
        public init(format: ExportFormat, outputPath: String, options: ExportOptions, csvStyle: CSVExportStyle = .plain,
                    tool: String = "kortlaeg", created: Date = Date()) {
            self.format = format
            self.csvStyle = csvStyle
            self.outputPath = outputPath
            self.options = options
            self.tool = tool
            self.created = created
        }
    }

    private let configuration: Configuration

    /// Creates a job.
    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The manifest's path for an output path and format (`BASE.sav.manifest.json`; for `ddi`
    /// `BASE.manifest.json`).
    public static func manifestPath(for outputPath: String, format: ExportFormat) -> String {
        companionBase(for: outputPath, format: format) + ".manifest.json"
    }

    /// What the codebooks and the manifest are named after: the data file (`BASE.sav`), or the
    /// base for a `ddi` export.
    static func companionBase(for outputPath: String, format: ExportFormat) -> String {
        let base = basePath(for: outputPath)
        return format == .ddi ? base : base + "." + format.rawValue
    }

    /// The base path: the output path without its extension.
    public static func basePath(for outputPath: String) -> String {
        var base = outputPath
        for suffix in [".codebook.xml", ".sav", ".dta", ".csv", ".xml"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
            break
        }
        return base
    }

    /// Writes every file and returns the manifest (also written as `BASE.manifest.json`).
    /// - Parameters:
    ///   - inputs: the score files read (stateless exports).
    ///   - project: the project store read (exports with `--project`).
    /// - Throws: ``ExportError``; nothing is left behind on error.
    public func run(dataset: ExportDataset, sources: [ExportSource], inputs: [ExportManifest.Input],
                    project: ExportManifest.Project? = nil, pseudonymizer: Pseudonymizer) throws -> ExportManifest {
        let fileManager = FileManager.default
        let base = Self.basePath(for: configuration.outputPath)
        let directory = PathText.folder(of: base)
        let baseName = (base as NSString).lastPathComponent
        let staging = (directory as NSString).appendingPathComponent(".\(baseName).export-\(CPRGuard.uniqueName().prefix(8))")
        do {
            try fileManager.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw ExportError.cannotWrite(file: directory, reason: "cannot create a staging folder there")
        }
        defer { try? fileManager.removeItem(atPath: staging) }

        try dataset.validate()
        // The codebook's statistics are gathered while the data file is written (one pass over
        // the rows; a second pass would build every row again).
        let accumulator = VariableSummary.Accumulator(dataset.variables)
        let dataset = dataset.observing { accumulator.add($0) }
        var written: [(name: String, role: String)] = []
        let dataName: String
        switch configuration.format {
        case .sav, .dta:
            dataName = baseName + "." + configuration.format.rawValue
            try StatisticalFileWriter.write(dataset, to: staging + "/" + dataName,
                                            format: configuration.format == .sav ? .sav : .dta, timestamp: configuration.created)
            written.append((dataName, "data"))
        case .csv:
            dataName = baseName + ".csv"
            try CSVExportWriter.write(dataset, to: staging + "/" + dataName, style: configuration.csvStyle, cells: configuration.cells)
            written.append((dataName, "data"))
        case .ddi:
            dataName = baseName
            // No data file, but every value is still checked (CPR) before the codebook is written.
            try dataset.forEachCheckedRow { _ in }
        }
        let companion = configuration.format == .ddi ? baseName : dataName
        // A writer that read the rows other than once gets its own pass.
        let summaries = accumulator.rows == dataset.rowCount ? accumulator.summaries : try VariableSummary.compute(dataset)
        let language = configuration.options.language
        let texts: [(String, String, String)] = [
            (companion + ".codebook.xml", "codebook-ddi", DDICodebookWriter.xml(dataset, dataFileName: dataName, summaries: summaries, created: configuration.created)),
            (companion + ".codebook.md", "codebook-markdown", ReadableCodebookWriter.markdown(dataset, dataFileName: dataName, summaries: summaries, language: language)),
            (companion + ".codebook.html", "codebook-html", ReadableCodebookWriter.html(dataset, dataFileName: dataName, summaries: summaries, language: language)),
        ]
        for (name, role, text) in texts {
            guard fileManager.createFile(atPath: staging + "/" + name, contents: Data(text.utf8)) else {
                throw ExportError.cannotWrite(file: name, reason: "the staging folder is not writable")
            }
            written.append((name, role))
        }

        var files: [ExportManifest.File] = []
        for (name, role) in written {
            let checksum = try FileChecksum.sha256(path: staging + "/" + name)
            files.append(ExportManifest.File(name: name, role: role, bytes: checksum.bytes, sha256: checksum.hex))
        }
        var manifest = makeManifest(dataset: dataset, sources: sources, inputs: inputs, pseudonymizer: pseudonymizer, files: files)
        manifest.project = project
        let manifestName = companion + ".manifest.json"
        guard fileManager.createFile(atPath: staging + "/" + manifestName, contents: try manifest.json()) else {
            throw ExportError.cannotWrite(file: manifestName, reason: "the staging folder is not writable")
        }
        for name in written.map(\.name) + [manifestName] {
            let target = (directory as NSString).appendingPathComponent(name)
            try? fileManager.removeItem(atPath: target)
            do {
                try fileManager.moveItem(atPath: staging + "/" + name, toPath: target)
            } catch {
                throw ExportError.cannotWrite(file: target, reason: error.localizedDescription)
            }
        }
        return manifest
    }

    private func makeManifest(dataset: ExportDataset, sources: [ExportSource], inputs: [ExportManifest.Input],
                              pseudonymizer: Pseudonymizer, files: [ExportManifest.File]) -> ExportManifest {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var rules: [String] = []
        var norms: [String] = []
        for source in sources {
            let instrument = source.instrument
            for option in instrument.ruleOptions ?? [] {
                rules.append("\(instrument.id): \(option.id)=\(source.ruleChoices[option.id] ?? option.defaultChoice)")
            }
            norms += (instrument.bandTables ?? []).map { "\(instrument.id): band table \($0.id) (\($0.normSet))" }
            norms += (instrument.normSets ?? []).map { "\(instrument.id): norm set \($0.id)" }
        }
        return ExportManifest(
            createdAt: formatter.string(from: configuration.created), tool: configuration.tool,
            format: configuration.format.rawValue, shape: configuration.options.shape.rawValue,
            language: configuration.options.language.rawValue,
            instruments: sources.map { $0.instrument.reference.description }, ruleVariants: rules, normSets: norms,
            filters: configuration.options.filters, inputs: inputs, rows: dataset.rowCount, variables: dataset.variables.count,
            itemsIncluded: configuration.options.includeItems, personalDataIncluded: configuration.options.includePersonalData,
            pseudonymisation: .init(method: "HMAC-SHA256(project key, salt ‖ 0x00 ‖ id), first 64 bits",
                                    saltMode: pseudonymizer.saltMode.description, keyFingerprint: pseudonymizer.keyFingerprint,
                                    ephemeralKey: pseudonymizer.keyIsEphemeral),
            files: files)
    }
}

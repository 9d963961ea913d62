import Foundation
import KortlaegReaders

/// Writes collection templates (`kortlaeg template`): for one informant (or every informant) at
/// one occasion of a mapping tool (battery), one CSV per instrument the informant answers, with
/// the child attributes (`klasse`, `køn`, `fødselsdato`) and the official variable names as
/// columns (Danish Excel: `;`, UTF-8 with BOM, CRLF), and its codebook as CSV and Markdown. The
/// file names carry the informant, so every informant's templates share one folder.
public enum WriteTemplates {
    /// Which templates to write, and where.
    public struct Request: Sendable {
        /// The mapping tool.
        public var battery: Battery
        /// The instrument definitions the battery names.
        public var instruments: InstrumentCatalog
        /// Who answers; nil: every informant who answers something at the occasion.
        public var informant: Informant?
        /// The occasion: `T1`, `F1`, `F2`, … or `T2`, as the battery names it.
        public var occasion: String
        /// Only the instruments for a child of this age (whole years); nil: all.
        public var age: Int?
        /// The folder to write to (created if needed).
        public var folder: String
        /// The language of the codebook.
        public var language: Language

        /// Creates a request.
        public init(battery: Battery, instruments: InstrumentCatalog, informant: Informant?, occasion: String,
                    age: Int? = nil, folder: String, language: Language = .danish) {
            self.battery = battery
            self.instruments = instruments
            self.informant = informant
            self.occasion = occasion
            self.age = age
            self.folder = folder
            self.language = language
        }
    }

    /// The files written for one instrument.
    public struct Template: Hashable, Sendable {
        /// The instrument.
        public var instrument: InstrumentReference

        /// The CSV to fill in.
        public var csv: String
        /// The codebook as CSV.
        public var codebookCSV: String
        /// The codebook as Markdown.
        public var codebookMarkdown: String
        /// Who answers it.
        public var informant: Informant = .parent
    }

    /// Writes the templates, reporting each through `sink`.
    /// - Returns: the templates written, one per instrument, in the battery's order.
    /// - Throws: ``KortlaegError``: ``Severity/usage`` when the battery has no such occasion or
    ///   the informant answers nothing there; ``Severity/invalidInput`` when the battery names an
    ///   instrument that is not in the definitions; ``Severity/cannotWrite`` when a file cannot
    ///   be written.
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> [Template] {
        let battery = request.battery, occasion = request.occasion
        guard battery.occasion(named: occasion) != nil else {
            let names = battery.occasions.map { $0.kind == .followUp ? "\($0.id)1, \($0.id)2, …" : $0.id }
            throw KortlaegError(.usage, "\(battery.reference) has no occasion '\(occasion)'. Please use one of \(names.joined(separator: ", ")).")
        }
        let forAge = request.age.map { " for age \($0)" } ?? ""
        var instruments: [(informant: Informant, instrument: Instrument)] = []
        var silent: [Informant] = []
        for informant in request.informant.map({ [$0] }) ?? Informant.allCases {
            let references = battery.instruments(informant: informant, occasion: occasion, age: request.age)
            if references.isEmpty { silent.append(informant) }
            for reference in references {
                do { instruments.append((informant, try request.instruments.resolve(reference))) } catch {
                    throw KortlaegError(.invalidInput, "\(battery.reference) names \(reference): \(error)")
                }
            }
        }
        guard !instruments.isEmpty else {
            let who = request.informant.map { "the \($0.rawValue) answers" } ?? "no informant answers"
            throw KortlaegError(.usage, "In \(battery.reference) \(who) nothing at \(occasion)\(forAge).")
        }
        do { try FileManager.default.createDirectory(atPath: request.folder, withIntermediateDirectories: true) } catch {
            throw KortlaegError(.cannotWrite, "cannot create the folder \(request.folder): \(error.localizedDescription)")
        }
        var written: [Template] = []
        for (informant, instrument) in instruments {
            let base = (request.folder as NSString)
                .appendingPathComponent("\(battery.id)-\(occasion)-\(informant.rawValue)-\(instrument.id)")
            let files = Template(instrument: instrument.reference, csv: base + ".csv", codebookCSV: base + "-codebook.csv",
                                 codebookMarkdown: base + "-codebook.md", informant: informant)
            let template = CollectionTemplate(instrument: instrument, battery: battery, occasion: occasion, language: request.language)
            do {
                try write([template.header], to: files.csv)
                try write(template.codebookRows, to: files.codebookCSV)
                try template.markdown.write(toFile: files.codebookMarkdown, atomically: true, encoding: .utf8)
            } catch {
                throw KortlaegError(.cannotWrite, "cannot write the template for \(instrument.reference) in \(request.folder): \(error)")
            }
            sink.note("wrote \(files.csv) with its codebook (\(instrument.reference))")
            written.append(files)
        }
        if request.informant == nil, !silent.isEmpty {
            sink.note("no template for \(silent.map(\.rawValue).joined(separator: ", ")): \(silent.count == 1 ? "answers" : "they answer") nothing at \(occasion)\(forAge) in \(battery.reference)")
        }
        return written
    }

    /// Writes `rows` as Danish Excel reads CSV: `;`, UTF-8 with BOM, CRLF.
    private static func write(_ rows: [[String]], to path: String) throws {
        let writer = try CSVWriter(path: path, delimiter: .semicolon, byteOrderMark: true, lineEnding: .crlf)
        for row in rows { try writer.write(row) }
        try writer.flush()
    }
}

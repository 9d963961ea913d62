import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write collection templates (CSV + codebook) for one informant at one occasion of a mapping tool.",
        discussion: """
            One CSV per instrument the informant answers (by the child's age when --age is given), with \
            the official variable names as columns, so a school can fill it in (Danish Excel: ';', UTF-8 \
            with BOM) or load it into a survey tool, and 'kortlaeg score' / 'kortlaeg import' read it \
            back without a hand-written mapping. A codebook (CSV and Markdown) lists every column with its \
            labels and codes.

            Example:
              kortlaeg template kv-inklusion --informant parent --occasion T1 --output skabeloner/
            """)

    @OptionGroup var instruments: InstrumentOptions
    @Argument(help: "The mapping tool (battery) as ID or ID@VERSION.") var tool: String
    @Option(help: "Who answers: child, parent, teacher or professional.") var informant: Informant
    @Option(help: "The occasion: T1, F1, F2, … or T2.") var occasion: String
    @Option(help: "Only the instruments for a child of this age (whole years).") var age: Int?
    @Option(name: .shortAndLong, help: "The folder to write to (created if needed).") var output: String = "."
    @Option(help: "Language of the codebook: da or en.") var lang: Language = .danish

    func run() throws {
        let battery = try instruments.resolveBattery(tool)
        guard battery.occasion(named: occasion) != nil else {
            throw ValidationError("\(battery.reference) has no occasion '\(occasion)'. Please use one of \(battery.occasions.map { $0.kind == .followUp ? "\($0.id)1, \($0.id)2, …" : $0.id }.joined(separator: ", ")).")
        }
        let references = battery.instruments(informant: informant, occasion: occasion, age: age)
        guard !references.isEmpty else {
            throw ValidationError("In \(battery.reference) the \(informant.rawValue) answers nothing at \(occasion)\(age.map { " for age \($0)" } ?? "").")
        }
        let catalog = try instruments.catalog()
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for reference in references {
            let instrument = try catalog.resolve(reference)
            let base = "\(battery.id)-\(occasion)-\(informant.rawValue)-\(instrument.id)"
            let template = CollectionTemplate(instrument: instrument, battery: battery, occasion: occasion, language: lang)
            let csvPath = (output as NSString).appendingPathComponent(base + ".csv")
            let writer = try CSVWriter(path: csvPath, delimiter: .semicolon, byteOrderMark: true, lineEnding: .crlf)
            try writer.write(template.header)
            try writer.flush()
            let codebookPath = (output as NSString).appendingPathComponent(base + "-codebook.csv")
            let codebook = try CSVWriter(path: codebookPath, delimiter: .semicolon, byteOrderMark: true, lineEnding: .crlf)
            for row in template.codebookRows { try codebook.write(row) }
            try codebook.flush()
            let markdownPath = (output as NSString).appendingPathComponent(base + "-codebook.md")
            try template.markdown.write(toFile: markdownPath, atomically: true, encoding: .utf8)
            print(csvPath)
            Diagnostics.note("wrote \(csvPath) with its codebook (\(instrument.reference))")
        }
    }
}

extension Informant: ExpressibleByArgument {}

/// The columns and codebook of a collection template for one instrument.
struct CollectionTemplate {
    let instrument: Instrument
    let battery: Battery
    let occasion: String
    let language: Language

    static let fixedColumns = ["child_id", "occasion", "date"]

    var header: [String] { Self.fixedColumns + instrument.items.map(\.variable) }

    var codebookRows: [[String]] {
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let da = language == .danish
        var rows = [[da ? "variabel" : "variable", da ? "spørgsmål" : "question", da ? "svar" : "answers",
                     da ? "instrument" : "instrument"]]
        rows.append(["child_id", da ? "Barnets id (brug aldrig CPR-nummer)" : "The child's id (never a CPR number)", "", ""])
        rows.append(["occasion", da ? "Tidspunkt" : "Occasion", occasion, ""])
        rows.append(["date", da ? "Dato (ÅÅÅÅ-MM-DD)" : "Date (YYYY-MM-DD)", "", ""])
        for item in instrument.items {
            let scale = scales[item.answerScale]
            var answers: String
            switch scale?.kind {
            case .text?: answers = da ? "fritekst" : "free text"
            case .number?: answers = da ? "tal" : "number"
            case .date?: answers = da ? "dato" : "date"
            default:
                answers = (scale?.codes ?? []).map { "\($0.code) = \($0.label.text(language))" }.joined(separator: " | ")
                let missing = (scale?.missingCodes ?? []).map { "\($0.code) = \($0.label.text(language))" }
                if !missing.isEmpty { answers += " | " + missing.joined(separator: " | ") }
                answers += da ? " | tom = ikke besvaret" : " | blank = not answered"
            }
            let text = item.wording?.text(language) ?? item.label.text(language)
            rows.append([item.variable, text, answers, instrument.reference.description])
        }
        return rows
    }

    var markdown: String {
        let rows = codebookRows
        var lines = ["# \(instrument.title.text(language)) — \(battery.title.text(language)), \(occasion)", "",
                     "| " + rows[0].joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: rows[0].count)]
        for row in rows.dropFirst() {
            lines.append("| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

import Foundation
import KortlaegDomain

/// Writes a codebook people read: Markdown, or a self-contained HTML page (inline CSS, no links).
public enum ReadableCodebookWriter {
    /// The codebook as Markdown.
    public static func markdown(_ dataset: ExportDataset, dataFileName: String, summaries: [VariableSummary], language: Language) -> String {
        let da = language == .danish
        var lines = ["# \(escapeMarkdown(dataset.title))", ""]
        lines.append((da ? "Datafil: " : "Data file: ") + "\(escapeMarkdown(dataFileName)); " + (da ? "rækker: " : "rows: ") + "\(dataset.rowCount); "
            + (da ? "variable: " : "variables: ") + "\(dataset.variables.count).")
        lines.append("")
        lines.append(da ? "## Noter" : "## Notes")
        lines.append("")
        for note in dataset.notes { lines.append("- " + escapeMarkdown(note)) }
        lines.append("")
        lines.append(da ? "## Variable" : "## Variables")
        lines.append("")
        lines.append(da ? "| Navn | Etiket | Type | Værdier | Mangler | n gyldige | Gns. | Min | Maks |"
                        : "| Name | Label | Type | Values | Missing | n valid | Mean | Min | Max |")
        lines.append("|---|---|---|---|---|---:|---:|---:|---:|")
        for (index, variable) in dataset.variables.enumerated() {
            let summary = index < summaries.count ? summaries[index] : VariableSummary()
            let cells = cellTexts(variable, summary: summary, da: da).map(escapeMarkdown)
            lines.append("| `\(variable.name.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|"))` | " + cells.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The codebook as one HTML page.
    public static func html(_ dataset: ExportDataset, dataFileName: String, summaries: [VariableSummary], language: Language) -> String {
        let da = language == .danish
        let e = XMLText.escape
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(e(dataset.title))</title>\n"
        h += "<style>\(ReportStyle.css)</style>\n</head>\n<body>\n<main>\n<h1>\(e(dataset.title))</h1>\n"
        h += "<p>" + e((da ? "Datafil: " : "Data file: ") + dataFileName + "; " + (da ? "rækker: " : "rows: ") + "\(dataset.rowCount); "
            + (da ? "variable: " : "variables: ") + "\(dataset.variables.count).") + "</p>\n"
        h += "<h2>\(da ? "Noter" : "Notes")</h2>\n<ul>\n" + dataset.notes.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        h += "<h2>\(da ? "Variable" : "Variables")</h2>\n<table class=\"codebook\">\n<thead><tr>"
        let headers = da ? ["Navn", "Etiket", "Type", "Værdier", "Mangler", "n gyldige", "Gns.", "Min", "Maks"]
                         : ["Name", "Label", "Type", "Values", "Missing", "n valid", "Mean", "Min", "Max"]
        h += headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, variable) in dataset.variables.enumerated() {
            let summary = index < summaries.count ? summaries[index] : VariableSummary()
            h += "<tr><td><code>\(e(variable.name))</code></td>" + cellTexts(variable, summary: summary, da: da).map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
        }
        h += "</tbody>\n</table>\n</main>\n</body>\n</html>\n"
        return h
    }

    private static func cellTexts(_ variable: ExportVariable, summary: VariableSummary, da: Bool) -> [String] {
        let type: String
        switch variable.type {
        case .numeric: type = (da ? "tal" : "numeric") + " (\(da ? danishMeasure(variable.measure) : variable.measure.rawValue))"
        case let .string(width): type = (da ? "tekst" : "string") + " (\(width))"
        }
        let values = variable.valueLabels.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: "; ")
        let missing = variable.missingCodes.map { "\($0.code) / .\($0.tag) = \($0.label)" }.joined(separator: "; ")
        // Danish text writes the decimal comma (0,5949); the DDI XML keeps the point.
        let number = { (value: Double) in da ? XMLText.number(value).replacingOccurrences(of: ".", with: ",") : XMLText.number(value) }
        return [variable.label, type, values, missing, String(summary.valid),
                summary.mean.map(number) ?? "", summary.minimum.map(number) ?? "", summary.maximum.map(number) ?? ""]
    }

    /// SPSS's Danish names of the measurement levels.
    private static func danishMeasure(_ level: ExportVariable.MeasureLevel) -> String {
        switch level {
        case .nominal: "nominal"
        case .ordinal: "ordinal"
        case .scale: "skala"
        }
    }

    /// User text (titles, labels, value labels, notes, names) as literal Markdown text: every
    /// character that can start Markdown or HTML (`\\ ` * _ [ ] < > # | ~ ! &`, a leading `+`,
    /// `-` or `=`) is backslash-escaped (CommonMark §2.4), line breaks become spaces, so no label
    /// can add a link, an image, raw HTML or a table cell.
    static func escapeMarkdown(_ text: String) -> String {
        let special: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "!", "&"]
        var result = ""
        for (index, character) in text.enumerated() {
            if character == "\n" || character == "\r" { result.append(" "); continue }
            if special.contains(character) || (index == 0 && ["+", "-", "="].contains(character)) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

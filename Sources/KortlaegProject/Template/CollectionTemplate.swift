import Foundation
import KortlaegReports

/// The columns and codebook of a collection template for one instrument: the official variable
/// names as columns, so `score` and `import` read a filled-in template back without a mapping.
struct CollectionTemplate {
    let instrument: Instrument
    let battery: Battery
    let occasion: String
    let language: Language

    /// The columns before the items: the child, the occasion and the date, then the child
    /// attributes every mapping tool uses (the class for the class picture, sex for group
    /// comparisons, the birth date for choosing instruments by age), with the Danish headers the
    /// import recognises (`klasse`, `køn`, `fødselsdato`).
    static let fixedColumns = ["child_id", "occasion", "date", "klasse", "køn", "fødselsdato"]

    /// The template's header: the fixed columns, then every item's variable name.
    var header: [String] { Self.fixedColumns + instrument.items.map(\.variable) }

    /// The codebook: a header row, the fixed columns, then one row per item with its question,
    /// its answers (`code = label | …`) and the instrument.
    var codebookRows: [[String]] {
        let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var rows = [[Phrasebook.codebookVariable(language), Phrasebook.codebookQuestion(language),
                     Phrasebook.codebookAnswers(language), Phrasebook.codebookInstrument(language)]]
        rows.append(["child_id", Phrasebook.codebookChildID(language), "", ""])
        rows.append(["occasion", Phrasebook.codebookOccasion(language), occasion, ""])
        rows.append(["date", Phrasebook.codebookDate(language), "", ""])
        rows.append(["klasse", Phrasebook.codebookClass(language), "", ""])
        rows.append(["køn", Phrasebook.codebookSex(language), Phrasebook.codebookSexAnswers(language), ""])
        rows.append(["fødselsdato", Phrasebook.codebookBirthDate(language), "", ""])
        for item in instrument.items {
            let scale = scales[item.answerScale]
            var answers: String
            switch scale?.kind {
            case .text?: answers = Phrasebook.codebookFreeText(language)
            case .number?: answers = Phrasebook.codebookNumber(language)
            case .date?: answers = Phrasebook.codebookDateAnswer(language)
            default:
                answers = (scale?.codes ?? []).map { "\($0.code) = \($0.label.text(language))" }.joined(separator: " | ")
                let missing = (scale?.missingCodes ?? []).map { "\($0.code) = \($0.label.text(language))" }
                if !missing.isEmpty { answers += " | " + missing.joined(separator: " | ") }
                answers += " | " + Phrasebook.codebookBlank(language)
            }
            let text = item.wording?.text(language) ?? item.label.text(language)
            rows.append([item.variable, text, answers, instrument.reference.description])
        }
        return rows
    }

    /// The codebook as a Markdown table under a heading naming instrument, battery and occasion.
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

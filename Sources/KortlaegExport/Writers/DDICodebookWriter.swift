import Foundation

/// Writes a DDI Codebook 2.5 description of an ``ExportDataset``.
///
/// Structure (element order as in the DDI 2.5 schema): `codeBook` › `docDscr` (citation),
/// `stdyDscr` (citation, notes), `fileDscr` (file name, cases, variables, notes), `dataDscr` ›
/// `var` (`labl`, `valrng` for the values the variable can take, `invalrng` for declared missing values, `sumStat` valid/invalid n, mean, min,
/// max, `catgry` with `catValu`/`labl`/`catStat`, `varFormat`).
/// Source: DDI Alliance, DDI Codebook 2.5 XML schema (codebook.xsd, 2014).
public enum DDICodebookWriter {
    /// The DDI 2.5 namespace.
    public static let namespace = "ddi:codebook:2_5"

    /// The codebook as XML text.
    /// - Parameters:
    ///   - dataFileName: the data file the codebook describes (its name only).
    ///   - summaries: one per variable (see ``VariableSummary/compute(_:)``).
    ///   - created: the production date.
    public static func xml(_ dataset: ExportDataset, dataFileName: String, summaries: [VariableSummary], created: Date) -> String {
        let date = ISO8601DateFormatter.string(from: created, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
        let e = XMLText.escape
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<codeBook xmlns=\"\(namespace)\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        x += "xsi:schemaLocation=\"ddi:codebook:2_5 http://www.ddialliance.org/Specification/DDI-Codebook/2.5/XMLSchema/codebook.xsd\" version=\"2.5\">\n"
        x += "  <docDscr>\n    <citation>\n      <titlStmt>\n        <titl>\(e("Codebook: " + dataset.title))</titl>\n      </titlStmt>\n"
        x += "      <prodStmt>\n        <prodDate date=\"\(date)\">\(date)</prodDate>\n        <software>Kortlæg</software>\n      </prodStmt>\n"
        x += "    </citation>\n  </docDscr>\n"
        x += "  <stdyDscr>\n    <citation>\n      <titlStmt>\n        <titl>\(e(dataset.title))</titl>\n      </titlStmt>\n    </citation>\n"
        for note in dataset.notes { x += "    <notes>\(e(note))</notes>\n" }
        x += "  </stdyDscr>\n"
        x += "  <fileDscr ID=\"F1\">\n    <fileTxt>\n      <fileName>\(e(dataFileName))</fileName>\n"
        x += "      <fileCont>\(e(dataset.title))</fileCont>\n      <fileStrc type=\"rectangular\"/>\n"
        x += "      <dimensns>\n        <caseQnty>\(dataset.rowCount)</caseQnty>\n        <varQnty>\(dataset.variables.count)</varQnty>\n      </dimensns>\n"
        x += "      <fileType charset=\"UTF-8\">\(e((dataFileName as NSString).pathExtension))</fileType>\n    </fileTxt>\n  </fileDscr>\n"
        x += "  <dataDscr>\n"
        for (index, variable) in dataset.variables.enumerated() {
            let summary = index < summaries.count ? summaries[index] : VariableSummary()
            let interval = variable.measure == .scale && variable.valueLabels.isEmpty ? "contin" : "discrete"
            x += "    <var ID=\"V\(index + 1)\" name=\"\(e(variable.name))\" files=\"F1\" intrvl=\"\(interval)\""
            x += variable.isNumeric ? " dcml=\"\(variable.decimals)\">\n" : ">\n"
            x += "      <labl>\(e(variable.label))</labl>\n"
            if let range = variable.validRange {
                x += "      <valrng>\n        <range min=\"\(XMLText.number(range.lowerBound))\" max=\"\(XMLText.number(range.upperBound))\"/>\n      </valrng>\n"
            }
            if !variable.missingCodes.isEmpty {
                x += "      <invalrng>\n"
                for missing in variable.missingCodes { x += "        <item VALUE=\"\(missing.code)\"/>\n" }
                x += "      </invalrng>\n"
            }
            x += "      <sumStat type=\"vald\">\(summary.valid)</sumStat>\n"
            x += "      <sumStat type=\"invd\">\(summary.missing)</sumStat>\n"
            if variable.isNumeric {
                if let mean = summary.mean { x += "      <sumStat type=\"mean\">\(XMLText.number(mean))</sumStat>\n" }
                if let minimum = summary.minimum { x += "      <sumStat type=\"min\">\(XMLText.number(minimum))</sumStat>\n" }
                if let maximum = summary.maximum { x += "      <sumStat type=\"max\">\(XMLText.number(maximum))</sumStat>\n" }
            }
            for (code, label) in variable.valueLabels.sorted(by: { $0.key < $1.key }) {
                x += "      <catgry>\n        <catValu>\(code)</catValu>\n        <labl>\(e(label))</labl>\n"
                x += "        <catStat type=\"freq\">\(summary.frequencies[code] ?? 0)</catStat>\n      </catgry>\n"
            }
            for missing in variable.missingCodes {
                x += "      <catgry missing=\"Y\">\n        <catValu>\(missing.code)</catValu>\n        <labl>\(e(missing.label + " (Stata .\(missing.tag))"))</labl>\n"
                x += "        <catStat type=\"freq\">\(summary.frequencies[missing.code] ?? 0)</catStat>\n      </catgry>\n"
            }
            x += "      <varFormat type=\"\(variable.isNumeric ? "numeric" : "character")\" schema=\"other\"/>\n"
            x += "    </var>\n"
        }
        x += "  </dataDscr>\n</codeBook>\n"
        return x
    }
}

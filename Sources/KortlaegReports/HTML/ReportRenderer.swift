import KortlaegExport
import Foundation
import KortlaegDomain

/// Renders child and class reports as one self-contained HTML page: inline CSS and SVG, no
/// scripts, no external URLs, a print stylesheet (A4). Danish by default.
///
/// Every text is checked before it is written: a CPR-shaped string stops the report with
/// ``ExportError/cprShapedReportText(section:)`` naming the section.
public enum ReportRenderer {
    /// The child report as HTML.
    /// - Throws: ``ExportError/cprShapedReportText(section:)`` when a text is shaped like a CPR number.
    public static func html(_ report: ChildReport) throws -> String {
        let da = report.language == .danish
        let e = XMLText.escape
        var h = try opening(da ? "Kortlægning: " : "Mapping: ", label: report.childLabel, section: "childLabel",
                            language: report.language)
        if !report.subtitle.isEmpty { h += "<p class=\"meta\">\(e(report.subtitle))</p>\n" }
        h += "<h2>\(da ? "SDQ-profil" : "SDQ profile")</h2>\n"
        h += legend(report.occasions, da: da)
        h += "<div class=\"informants\">\n"
        for profile in report.profiles {
            try check(profile.informant + " " + profile.instrument, section: "profile")
            h += "<figure>\n<figcaption>\(e(capitalized(profile.informant)))</figcaption>\n<p class=\"muted\">\(e(profile.instrument))</p>\n"
            h += ProfileChart.svg(profile, number: { number($0, da: da) }, missingText: da ? "ikke beregnet" : "not computed")
            h += "<table>\n<thead><tr><th>\(da ? "Skala" : "Scale")</th>"
            h += profile.occasions.map { "<th class=\"num\">\(e($0))</th>" }.joined() + "<th>\(da ? "Bånd" : "Band") (\(e(profile.occasions.last ?? "")))</th></tr></thead>\n<tbody>\n"
            for score in profile.scores {
                h += "<tr><td>\(e(score.label))</td>"
                for occasion in profile.occasions {
                    h += "<td class=\"num\">\((score.values[occasion] ?? nil).map { number($0, da: da) } ?? "–")</td>"
                }
                let last = profile.occasions.last.flatMap { score.values[$0] ?? nil }
                let band = last.flatMap { value in score.bands.first { value >= $0.minimum && value <= $0.maximum } }
                h += "<td>\(e(band?.label ?? "–"))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n</figure>\n"
        }
        h += "</div>\n"
        h += "<h2>\(da ? "Trivsel" : "Well-being")</h2>\n"
        if report.trivsel.isEmpty {
            h += "<p class=\"muted\">\(da ? "Ingen trivselsspørgsmål besvaret." : "No well-being questions answered.")</p>\n"
        } else {
            h += "<table>\n<thead><tr><th>\(da ? "Spørgsmål" : "Question")</th>" + report.occasions.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for answer in report.trivsel {
                try check(answer.question + " " + answer.answers.values.joined(separator: " "), section: "trivsel")
                h += "<tr><td>\(e(answer.question))</td>" + report.occasions.map { "<td>\(e(answer.answers[$0] ?? "–"))</td>" }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        h += "<h2>\(da ? "Mål" : "Goals")</h2>\n"
        if report.goals.isEmpty {
            h += "<p class=\"muted\">\(da ? "Ingen mål registreret." : "No goals recorded.")</p>\n"
        } else {
            h += "<table>\n<thead><tr><th>\(da ? "Mål" : "Goal")</th>" + report.occasions.map { "<th class=\"num\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for goal in report.goals {
                try check(goal.text, section: "goals")
                h += "<tr><td>\(e(goal.text))</td>" + report.occasions.map { occasion in
                    "<td class=\"num\">" + (goal.ratings[occasion].map { "\(number($0, da: da)) / \(number(goal.scaleMaximum, da: da))" } ?? "–") + "</td>"
                }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        h += note(da: da)
        return h + "</main>\n</body>\n</html>\n"
    }

    /// The class report as HTML.
    /// - Throws: ``ExportError/cprShapedReportText(section:)`` when a text is shaped like a CPR number.
    public static func html(_ report: ClassReport) throws -> String {
        let da = report.language == .danish
        let e = XMLText.escape
        var h = try opening(da ? "Klasseoverblik: " : "Class overview: ", label: report.groupLabel, section: "groupLabel",
                            language: report.language)
        h += "<p class=\"meta\">\(da ? "Grupper med færre end 5 børn vises ikke (n &lt; 5)." : "Groups of fewer than 5 children are not shown (n &lt; 5).")</p>\n"
        for score in report.scores {
            h += "<h2>\(e(score.label))</h2>\n<table>\n<thead><tr><th>\(da ? "Tidspunkt" : "Occasion")</th><th class=\"num\">n</th><th class=\"num\">\(da ? "Gennemsnit" : "Mean")</th>"
            h += score.bands.map { "<th class=\"num\">\(e($0.label))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for occasion in report.occasions {
                let cell = ClassReport.cell(score, occasion: occasion)
                h += "<tr><td>\(e(occasion))</td>"
                if cell.suppressed {
                    h += "<td class=\"num\" colspan=\"\(2 + score.bands.count)\">n &lt; 5</td></tr>\n"
                    continue
                }
                h += "<td class=\"num\">\(cell.n)</td><td class=\"num\">\(cell.mean.map { number($0, da: da) } ?? "–")</td>"
                h += cell.shares.map { "<td class=\"num\">\(percent($0, da: da))</td>" }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
            h += shareChart(score, occasions: report.occasions, da: da)
        }
        h += note(da: da)
        return h + "</main>\n</body>\n</html>\n"
    }

    // MARK: - Pieces

    /// The document head and the heading `prefix + label`, after checking the label for CPR shapes.
    private static func opening(_ prefix: String, label: String, section: String, language: Language) throws -> String {
        try check(label, section: section)
        let title = prefix + label
        return head(title: title, language: language) + "<h1>\(XMLText.escape(title))</h1>\n"
    }

    private static func head(title: String, language: Language) -> String {
        "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(XMLText.escape(title))</title>\n<style>\(ReportStyle.css)</style>\n</head>\n<body>\n<main>\n"
    }

    private static func legend(_ occasions: [String], da: Bool) -> String {
        var h = "<p class=\"legend\">"
        for (index, occasion) in occasions.enumerated() {
            h += "<span><i class=\"swatch\" style=\"background:\(ProfileChart.occasionColours[index % ProfileChart.occasionColours.count])\"></i>\(XMLText.escape(occasion))</span>"
        }
        let names = da ? ["normalområde", "grænseområde", "forhøjet", "højt"] : ["normal range", "borderline", "raised", "high"]
        for (index, name) in names.prefix(3).enumerated() {
            h += "<span><i class=\"swatch\" style=\"background:\(ProfileChart.bandColours[index])\"></i>\(name)</span>"
        }
        return h + "</p>\n"
    }

    private static func shareChart(_ score: ClassReport.ScoreValues, occasions: [String], da: Bool) -> String {
        let cells = occasions.map { ClassReport.cell(score, occasion: $0) }
        guard cells.contains(where: { !$0.suppressed }), !score.bands.isEmpty else { return "" }
        let width = 360.0, rowHeight = 18.0
        var s = "<svg role=\"img\" width=\"100%\" viewBox=\"0 0 \(Int(width + 60)) \(Int(rowHeight * Double(occasions.count) + 4))\">\n"
        for (row, cell) in cells.enumerated() where !cell.suppressed {
            var x = 50.0
            let y = Double(row) * rowHeight + 2
            s += "<text x=\"0\" y=\"\(ProfileChart.f(y + 12))\">\(XMLText.escape(occasions[row]))</text>\n"
            for (index, share) in cell.shares.enumerated() {
                let colour = ProfileChart.bandColours[min(score.bands[index].level, ProfileChart.bandColours.count - 1)]
                s += "<rect x=\"\(ProfileChart.f(x))\" y=\"\(ProfileChart.f(y))\" width=\"\(ProfileChart.f(share * width))\" height=\"14\" fill=\"\(colour)\"><title>\(XMLText.escape(score.bands[index].label))</title></rect>\n"
                x += share * width
            }
        }
        return s + "</svg>\n"
    }

    private static func note(da: Bool) -> String {
        "<p class=\"muted\">" + (da
            ? "Båndene er normalområder fra spørgeskemaets normsæt; de er ikke en diagnose. Skrevet af Kortlæg."
            : "Bands are normative ranges from the instrument's norm set; they are not a diagnosis. Written by Kortlæg.") + "</p>\n"
    }

    private static func check(_ text: String, section: String) throws {
        if CPRNumber.containsCPR(text) { throw ExportError.cprShapedReportText(section: section) }
    }

    private static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// One decimal (none for integers), decimal comma in Danish.
    static func number(_ value: Double, da: Bool) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return da ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func percent(_ share: Double, da: Bool) -> String {
        "\(Int((share * 100).rounded())) %"
    }
}

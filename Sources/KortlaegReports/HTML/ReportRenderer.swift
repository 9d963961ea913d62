import Foundation
import KortlaegDomain
import KortlaegExport

/// Renders child and class reports as one self-contained HTML page: inline CSS and SVG, no
/// scripts, no external URLs, a print stylesheet (A4). Danish by default.
///
/// Every text is escaped, and checked before it is written: a CPR-shaped string stops the report
/// with ``ExportError/cprShapedReportText(section:)`` naming the section.
public enum ReportRenderer {
    private typealias Texts = Phrasebook.Report

    /// The child report as HTML.
    /// - Throws: ``ExportError/cprShapedReportText(section:)`` when a text is shaped like a CPR number.
    public static func html(_ report: ChildReport) throws -> String {
        let language = report.language
        let number = NumberFormat.upTo(1, language)
        var h = try opening(Texts.childTitle(language), label: report.childLabel, section: "childLabel", language: language,
                            extraStyle: staffStyle)
        if !report.subtitle.isEmpty { h += "<p class=\"meta\">\(e(report.subtitle))</p>\n" }
        for (index, section) in report.sections.enumerated() {
            try check(section.heading, section: "heading")
            h += "<h2>\(e(section.heading))</h2>\n"
            switch section.content {
            case let .profiles(profiles):
                h += try profileSection(profiles, occasions: report.occasions, language: language, sectionIndex: index)
            case let .answers(answers):
                h += try answerSection(answers, occasions: report.occasions, language: language)
            }
        }
        h += "<h2>\(Texts.goals(language))</h2>\n"
        if report.goals.isEmpty {
            h += "<p class=\"muted\">\(Texts.noGoals(language))</p>\n"
        } else {
            h += "<table>\n<thead><tr><th>\(Texts.goal(language))</th>" + report.occasions.map { "<th class=\"num\">\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for goal in report.goals {
                try check(goal.text, section: "goals")
                h += "<tr><td>\(e(goal.text))</td>" + report.occasions.map { occasion in
                    "<td class=\"num\">" + (goal.ratings[occasion].map { "\(number.string($0)) / \(number.string(goal.scaleMaximum))" } ?? "–") + "</td>"
                }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        h += "<p class=\"muted\">\(e(Texts.bandsNote(language)))</p>\n"
        return h + "</main>\n</body>\n</html>\n"
    }

    /// The class report as HTML.
    /// - Throws: ``ExportError/cprShapedReportText(section:)`` when a text is shaped like a CPR number.
    public static func html(_ report: ClassReport) throws -> String {
        let language = report.language
        let number = NumberFormat.upTo(1, language)
        var h = try opening(Texts.classTitle(language), label: report.groupLabel, section: "groupLabel", language: language)
        h += "<p class=\"meta\">\(e(Texts.suppressed(below: ClassReport.minimumGroupSize)(language)))</p>\n"
        let suppressed = e("n < \(ClassReport.minimumGroupSize)")
        for score in report.scores {
            let label = score.informant.map { capitalized(Texts.informant($0)(language)) + ": " } ?? ""
            h += "<h2>\(e(label + score.label))</h2>\n<table>\n<thead><tr><th>\(Texts.occasion(language))</th><th class=\"num\">n</th><th class=\"num\">\(Texts.mean(language))</th>"
            h += score.bands.map { "<th class=\"num\">\(e($0.label))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for occasion in report.occasions {
                let cell = ClassReport.cell(score, occasion: occasion)
                h += "<tr><td>\(e(occasion))</td>"
                if cell.suppressed {
                    h += "<td class=\"num\" colspan=\"\(2 + score.bands.count)\">\(suppressed)</td></tr>\n"
                    continue
                }
                h += "<td class=\"num\">\(cell.n)</td><td class=\"num\">\(cell.mean.map(number.string) ?? "–")</td>"
                h += cell.shares.map { "<td class=\"num\">\(percent($0, language))</td>" }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
            h += shareChart(score, occasions: report.occasions)
        }
        switch report.trivsel {
        case .none:
            break
        case let .notFound(school, grade):
            h += "<h2>\(e(Texts.trivselTitle(language)))</h2>\n<p class=\"muted\">\(e(Texts.noTrivsel(school: school, grade: grade)(language)))</p>\n"
        case let .shown(overview):
            let renderer = TrivselRenderer(overview: overview, language: language)
            try check(renderer.htmlTable, section: "trivsel")
            h += "<h2>\(e(Texts.trivselTitle(language)))</h2>\n" + renderer.htmlTable
        }
        h += "<p class=\"muted\">\(e(Texts.bandsNote(language)))</p>\n"
        return h + "</main>\n</body>\n</html>\n"
    }

    // MARK: - Sections

    /// The legend and one figure per profile: the chart, then the values per occasion and the band at the last.
    private static func profileSection(_ profiles: [ChildReport.Profile], occasions: [String], language: Language,
                                       sectionIndex: Int) throws -> String {
        guard !profiles.isEmpty else { return "<p class=\"muted\">\(Texts.nothingAnswered(language))</p>\n" }
        let number = NumberFormat.upTo(1, language)
        let disagreements = InformantDisagreement.find(in: profiles, occasions: occasions)
        var h = legend(profiles, occasions: occasions, flagged: !disagreements.isEmpty, language: language)
        if Set(profiles.map(\.informant)).count > 1 {
            h += try disagreementList(disagreements, language: language)
        }
        h += "<div class=\"informants\">\n"
        for (profileIndex, profile) in profiles.enumerated() {
            let about = [profile.instrument, profile.bandTable].compactMap { $0 }.joined(separator: " · ")
            try check(about + " " + profile.scores.map(\.label).joined(separator: " "), section: "profile")
            h += "<figure>\n<figcaption>\(e(capitalized(Texts.informant(profile.informant)(language))))</figcaption>\n<p class=\"muted\">\(e(about))</p>\n"
            h += ProfileChart.svg(profile, occasionOrder: occasions, number: number.string, missingText: Texts.notComputed(language))
            h += "<table>\n<thead><tr><th>\(Texts.scale(language))</th>"
            h += profile.occasions.map { "<th class=\"num\">\(e($0))</th>" }.joined()
                + "<th>\(e(Texts.band(at: profile.occasions.last ?? "")(language)))</th></tr></thead>\n<tbody>\n"
            for score in profile.scores {
                // The occasions at which this informant is at one end of a disagreement on this score.
                let flagged = profile.occasions.filter { occasion in
                    disagreements.contains { $0.scoreKey == score.key && $0.occasion == occasion
                        && ($0.least + $0.most).contains { $0.informant == profile.informant } }
                }
                h += flagged.isEmpty ? "<tr><td>\(e(score.label))</td>"
                    : "<tr class=\"disagree\"><td>\(e(score.label)) <span class=\"flag\"><span aria-hidden=\"true\">!</span> "
                        + "<span class=\"sr\">\(e(Texts.disagreementAt(language)))</span> \(e(flagged.joined(separator: ", ")))</span></td>"
                for occasion in profile.occasions {
                    let cellClass = flagged.contains(occasion) ? "num disagree" : "num"
                    h += "<td class=\"\(cellClass)\">\((score.values[occasion] ?? nil).map(number.string) ?? "–")</td>"
                }
                let last = profile.occasions.last.flatMap { score.values[$0] ?? nil }
                let band = last.flatMap { value in score.bands.first { $0.contains(value) } }
                h += "<td>\(e(band?.label ?? "–"))</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
            h += trajectories(profile, id: "trajectory-\(sectionIndex)-\(profileIndex)", language: language)
            h += "</figure>\n"
        }
        return h + "</div>\n"
    }

    /// The disagreements of a section in words, above the informants' figures (or that there are none).
    private static func disagreementList(_ disagreements: [InformantDisagreement], language: Language) throws -> String {
        guard !disagreements.isEmpty else { return "<p class=\"agree\">\(e(Texts.noDisagreement(language)))</p>\n" }
        let number = NumberFormat.upTo(1, language)
        func readings(_ readings: [InformantDisagreement.Reading]) -> String {
            Texts.and(readings.map { Texts.reading(Texts.informant($0.informant)(language), number.string($0.value), $0.band)(language) })(language)
        }
        var h = "<div class=\"disagreements\" role=\"note\">\n<p><strong><span aria-hidden=\"true\">! </span>\(e(Texts.disagreementsTitle(language)))</strong>"
            + " – \(e(Texts.disagreementRule(language)))</p>\n<ul>\n"
        for disagreement in disagreements {
            let text = Texts.disagreement(disagreement.label, disagreement.occasion, most: readings(disagreement.most),
                                          least: readings(disagreement.least))(language)
            try check(text, section: "profile")
            h += "<li>\(e(text))</li>\n"
        }
        return h + "</ul>\n</div>\n"
    }

    /// With two or more occasions: one small chart per score across the occasions (the numbers are
    /// in the table above them).
    private static func trajectories(_ profile: ChildReport.Profile, id: String, language: Language) -> String {
        guard profile.occasions.count >= 2 else { return "" }
        let number = NumberFormat.upTo(1, language)
        let informant = Texts.informant(profile.informant)(language)
        var h = "<div class=\"trajectories\">\n<p class=\"muted\">\(e(Texts.trajectoryIntro(language)))</p>\n"
        for (index, score) in profile.scores.enumerated() {
            let values = profile.occasions.map { occasion -> String in
                guard let value = score.values[occasion] ?? nil else { return "\(occasion): \(Texts.notComputed(language))" }
                return "\(occasion): \(number.string(value))" + (score.band(of: value).map { " (\($0.label))" } ?? "")
            }
            h += TrajectoryChart.svg(score, occasions: profile.occasions, id: "\(id)-\(index)",
                                     title: Texts.trajectoryTitle(score.label, informant)(language),
                                     description: values.joined(separator: "; "), number: number.string)
        }
        return h + "</div>\n"
    }

    /// One row per question, one column per occasion.
    private static func answerSection(_ answers: [ChildReport.Answer], occasions: [String], language: Language) throws -> String {
        guard !answers.isEmpty else { return "<p class=\"muted\">\(Texts.nothingAnswered(language))</p>\n" }
        var h = "<table>\n<thead><tr><th>\(Texts.question(language))</th>" + occasions.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for answer in answers {
            try check(answer.question + " " + answer.answers.values.sorted().joined(separator: " "), section: "answers")
            h += "<tr><td>\(e(answer.question))</td>" + occasions.map { "<td>\(e(answer.answers[$0] ?? "–"))</td>" }.joined() + "</tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    /// The occasions drawn (their marker colours) and the bands drawn: per band level its colour and
    /// the band table's own labels, the same words as the table cells (several when scores of one
    /// level are named differently, e.g. "high / low" for difficulties and strengths).
    private static func legend(_ profiles: [ChildReport.Profile], occasions: [String], flagged: Bool, language: Language) -> String {
        var h = "<p class=\"legend\">"
        let drawn = Set(profiles.flatMap(\.occasions))
        for occasion in occasions where drawn.contains(occasion) {
            h += "<span><i class=\"swatch\" style=\"background:\(ProfileChart.occasionColour(occasion, in: occasions))\"></i>\(e(occasion))</span>"
        }
        var labels: [Int: [String]] = [:]
        for band in profiles.flatMap({ $0.scores.flatMap(\.bands) }) where !(labels[band.level] ?? []).contains(band.label) {
            labels[band.level, default: []].append(band.label)
        }
        for level in labels.keys.sorted() {
            h += "<span><i class=\"swatch\" style=\"background:\(ProfileChart.bandColour(level))\"></i>\(e(labels[level]!.joined(separator: " / ")))</span>"
        }
        if flagged { h += "<span class=\"flag-legend\">\(e(Texts.flagLegend(language)))</span>" }
        return h + "</p>\n"
    }

    private static func shareChart(_ score: ClassReport.ScoreValues, occasions: [String]) -> String {
        let cells = occasions.map { ClassReport.cell(score, occasion: $0) }
        guard cells.contains(where: { !$0.suppressed }), !score.bands.isEmpty else { return "" }
        let width = 360.0, rowHeight = 18.0
        var s = "<svg role=\"img\" width=\"100%\" viewBox=\"0 0 \(Int(width + 60)) \(Int(rowHeight * Double(occasions.count) + 4))\">\n"
        for (row, cell) in cells.enumerated() where !cell.suppressed {
            var x = 50.0
            let y = Double(row) * rowHeight + 2
            s += "<text x=\"0\" y=\"\(ProfileChart.f(y + 12))\">\(e(occasions[row]))</text>\n"
            for (index, share) in cell.shares.enumerated() {
                let colour = ProfileChart.bandColour(score.bands[index].level)
                s += "<rect x=\"\(ProfileChart.f(x))\" y=\"\(ProfileChart.f(y))\" width=\"\(ProfileChart.f(share * width))\" height=\"14\" fill=\"\(colour)\"><title>\(e(score.bands[index].label))</title></rect>\n"
                x += share * width
            }
        }
        return s + "</svg>\n"
    }

    // MARK: - Pieces

    /// The staff page's marks of a disagreement: a bordered box with the list in words, a "!" before
    /// the flagged occasions in the row's first cell and an outlined value cell — shape and text, not
    /// colour alone (WCAG 2.1 1.4.1). `.sr` is read by screen readers and not shown.
    static let staffStyle = """

        .disagreements { border: 2px solid var(--ink); border-left-width: 6px; padding: .4rem .8rem; margin: .6rem 0; break-inside: avoid; }
        .disagreements p { margin: .2rem 0; } .disagreements ul { margin: .2rem 0; padding-left: 1.2rem; }
        .flag { font-weight: 700; white-space: nowrap; } tr.disagree td:first-child { font-weight: 600; }
        td.disagree { outline: 2px dashed var(--ink); outline-offset: -3px; font-weight: 700; }
        .legend .flag-legend { display: block; margin-top: .2rem; }
        .sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
        """

    /// The document head and the heading `prefix + label`, after checking the label for CPR shapes.
    static func opening(_ prefix: String, label: String, section: String, language: Language, extraStyle: String = "") throws -> String {
        try check(label, section: section)
        let title = prefix + label
        return "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(e(title))</title>\n<style>\(ReportStyle.css)\(extraStyle)</style>\n</head>\n<body>\n<main>\n<h1>\(e(title))</h1>\n"
    }

    static func check(_ text: String, section: String) throws {
        if CPRNumber.containsCPR(text) { throw ExportError.cprShapedReportText(section: section) }
    }

    static func e(_ text: String) -> String { XMLText.escape(text) }

    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// A share as a whole percentage, halves up.
    private static func percent(_ share: Double, _ language: Language) -> String {
        NumberFormat.fixed(0, language).string(share * 100) + " %"
    }
}

import Foundation
import KortlaegDomain
import KortlaegProgress

extension ReportRenderer {
    private typealias Plain = Phrasebook.Parent

    /// One informant's latest reading of one area (score) in a parent report.
    private struct Reading {
        var informant: Informant
        /// The band level at the informant's latest occasion with a value.
        var level: Int
        /// The band level at the informant's first occasion with a value, when that is an earlier one.
        var firstLevel: Int?
    }

    /// One area (score) as the parent version names it, with every informant's reading.
    private struct Area {
        var name: String
        var direction: ScoreDirection
        var readings: [Reading]
    }

    /// The parent version of a child report as HTML: the same ``ChildReport`` the staff page shows,
    /// said in plain words and short enough for one or two A4 pages.
    ///
    /// Strengths first ("Det går godt"), then what to help with, where home and school see the child
    /// differently, the answers of the mapping tool's own forms, and the goals with their ratings.
    /// Scores are said in words (``Phrasebook/Parent/meaning(level:direction:)``); there are no
    /// numbers of scores, no variable names, no instrument versions and no band table names.
    /// - Throws: ``ExportError/cprShapedReportText(section:)`` when a text is shaped like a CPR number.
    public static func parentHTML(_ report: ChildReport) throws -> String {
        let l = report.language
        var h = try opening(Plain.titlePrefix(l), label: report.childLabel, section: "childLabel", language: l, extraStyle: parentStyle)
        if !report.subtitle.isEmpty { h += "<p class=\"meta\">\(e(report.subtitle))</p>\n" }
        h += "<div class=\"parent\">\n<p>\(e(Plain.intro(l)))</p>\n"
        let areas = try parentAreas(report)

        h += "<h2>\(e(Plain.strengthsTitle(l)))</h2>\n"
        let well = areas.compactMap { area in item(area, l) { $0.level == 0 } }
        h += well.isEmpty ? "<p>\(e(Plain.noStrengths(l)))</p>\n" : "<ul>\n" + well.joined() + "</ul>\n"

        h += "<h2>\(e(Plain.concernsTitle(l)))</h2>\n"
        // One line per area: its informants' readings from the highest level down.
        let concerns = areas.compactMap { area -> String? in
            let parts = Set(area.readings.map(\.level)).filter { $0 > 0 }.sorted(by: >).compactMap { level in
                part(area, l) { $0.level == level }
            }
            return parts.isEmpty ? nil : "<li><strong>\(e(area.name))</strong>: " + parts.joined(separator: "; ") + "</li>\n"
        }
        h += concerns.isEmpty ? "<p>\(e(Plain.noConcerns(l)))</p>\n" : "<ul>\n" + concerns.joined() + "</ul>\n"

        let different = areas.compactMap { area -> String? in
            let levels = area.readings.map(\.level)
            guard let low = levels.min(), let high = levels.max(), high - low >= ChildOverview.disagreementLevels else { return nil }
            let easier = who(area.readings.filter { $0.level == low }.map(\.informant), l)
            let harder = who(area.readings.filter { $0.level == high }.map(\.informant), l)
            let lowMeaning = Plain.meaning(level: low, direction: area.direction)(l)
            let highMeaning = Plain.meaning(level: high, direction: area.direction)(l)
            return "<li>\(e(Plain.seeDifferently(area.name, lowMeaning, easier, highMeaning, harder)(l)))</li>\n"
        }
        if !different.isEmpty {
            h += "<h2>\(e(Plain.differentViewsTitle(l)))</h2>\n<ul>\n" + different.joined() + "</ul>\n<p>\(e(Plain.differentViewsNote(l)))</p>\n"
        }

        for section in report.sections {
            guard case let .answers(answers) = section.content, !answers.isEmpty else { continue }
            try check(section.heading, section: "heading")
            h += "<h2>\(e(section.heading))</h2>\n<ul class=\"answers\">\n"
            for answer in answers {
                guard let latest = report.occasions.last(where: { answer.answers[$0] != nil }), let text = answer.answers[latest] else { continue }
                try check(answer.question + " " + text, section: "answers")
                h += "<li>\(e(answer.question)): <strong>\(e(text))</strong></li>\n"
            }
            h += "</ul>\n"
        }

        h += "<h2>\(e(Plain.goalsTitle(l)))</h2>\n"
        if report.goals.isEmpty {
            h += "<p>\(e(Plain.noGoals(l)))</p>\n"
        } else {
            let rated = report.occasions.filter { occasion in report.goals.contains { $0.ratings[occasion] != nil } }
            let number = NumberFormat.upTo(1, l)
            h += "<table>\n<thead><tr><th>\(e(Plain.goal(l)))</th>" + rated.map { "<th>\(e(Plain.occasion($0)(l)))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for goal in report.goals {
                try check(goal.text + " " + goal.ratingLabels.values.sorted().joined(separator: " "), section: "goals")
                h += "<tr><td>\(e(goal.text))</td>" + rated.map { occasion in
                    let text = goal.ratingLabels[occasion]
                        ?? goal.ratings[occasion].map { Plain.rating(number.string($0), of: number.string(goal.scaleMaximum))(l) }
                        ?? Plain.notRated(l)
                    return "<td>\(e(text))</td>"
                }.joined() + "</tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        h += "<p class=\"closing\">\(e(Plain.closing(l)))</p>\n</div>\n"
        return h + "</main>\n</body>\n</html>\n"
    }

    // MARK: - Pieces

    /// The areas of every profile section, in report order; an area answered by several informants
    /// is one area with a reading each. Scores without bands cannot be said in words and are left out.
    private static func parentAreas(_ report: ChildReport) throws -> [Area] {
        var areas: [Area] = []
        for section in report.sections {
            guard case let .profiles(profiles) = section.content else { continue }
            for profile in profiles {
                for score in profile.scores where !score.bands.isEmpty {
                    let measured = profile.occasions.compactMap { occasion -> Int? in
                        guard let value = score.values[occasion] ?? nil else { return nil }
                        return score.band(of: value)?.level
                    }
                    guard let latest = measured.last else { continue }
                    let name = plainName(score.label)
                    try check(name, section: "profile")
                    let reading = Reading(informant: profile.informant, level: latest, firstLevel: measured.count > 1 ? measured.first : nil)
                    if let index = areas.firstIndex(where: { $0.name == name && $0.direction == score.direction }) {
                        areas[index].readings.append(reading)
                    } else {
                        areas.append(Area(name: name, direction: score.direction, readings: [reading]))
                    }
                }
            }
        }
        return areas
    }

    /// "<li><strong>Name</strong>: as with most children (according to …) – better than …</li>" for
    /// the readings `matching` picks; nil when none does.
    private static func item(_ area: Area, _ l: Language, _ matching: (Reading) -> Bool) -> String? {
        part(area, l, matching).map { "<li><strong>\(e(area.name))</strong>: \($0)</li>\n" }
    }

    /// "as with most children (according to the parents and the school) – better than at the first
    /// mapping" (escaped) for the readings `matching` picks; nil when none does.
    private static func part(_ area: Area, _ l: Language, _ matching: (Reading) -> Bool) -> String? {
        let readings = area.readings.filter(matching)
        guard let level = readings.first?.level else { return nil }
        var text = e(Plain.meaning(level: level, direction: area.direction)(l))
        text += " (\(e(Plain.according(who(readings.map(\.informant), l))(l))))"
        let changes = readings.compactMap { reading in reading.firstLevel.map { reading.level - $0 } }.filter { $0 != 0 }
        if let change = changes.first, changes.allSatisfy({ ($0 < 0) == (change < 0) }) {
            text += " – " + e((change < 0 ? Plain.better : Plain.harder)(l))
        }
        return text
    }

    private static func who(_ informants: [Informant], _ l: Language) -> String {
        Plain.and(informants.map { Plain.who($0)(l) })(l)
    }

    /// A score's label as a heading for parents: the instrument's label without the leading
    /// "Score for" that SDQ-Dan labels carry ("Score for sociale styrkesider" → "Sociale styrkesider").
    static func plainName(_ label: String) -> String {
        var name = label.trimmingCharacters(in: .whitespaces)
        for prefix in ["score for ", "score: "] where name.lowercased().hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count))
        }
        return capitalized(name)
    }

    /// The parent version's print style: larger type, short lists, one or two A4 pages.
    static let parentStyle = """

        .parent { font-size: 1.02rem; } .parent h2 { margin-top: 1.1rem; } .parent ul { padding-left: 1.2rem; margin: .3rem 0 .6rem; }
        .parent li { margin: .2rem 0; } .parent .closing { margin-top: 1.2rem; }
        @media print { .parent { font-size: 10.5pt; } .parent h2 { font-size: 12.5pt; margin-top: 9pt; } }
        """
}

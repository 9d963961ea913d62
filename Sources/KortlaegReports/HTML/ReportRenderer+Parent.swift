import Foundation
import KortlaegDomain
import KortlaegProgress

extension ReportRenderer {
    private typealias Plain = Phrasebook.Parent

    /// One informant's latest reading of one area (score) in a parent report.
    private struct Reading {
        var informant: Informant
        /// The informant's latest occasion with a value.
        var occasion: String
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
        /// The most concerning reading's level: the section the area goes under.
        var highest: Int { readings.map(\.level).max() ?? 0 }
    }

    /// The parent version of a child report as HTML: the same ``ChildReport`` the staff page shows,
    /// said in plain words and short enough for one or two A4 pages.
    ///
    /// Strengths first ("Det går godt"), then what to help with, the answers of the mapping tool's own
    /// forms, and the goals with their ratings. Each area (score) appears once: under "Det går godt"
    /// when every informant places it in the range of most children, otherwise under "Det vil vi gerne
    /// hjælpe med" with every informant's reading, and — when the readings are a disagreement
    /// (``InformantDisagreement``'s rule) — a sentence saying who sees it differently.
    /// Scores are said in words (``Phrasebook/Parent/meaning(level:direction:)``); there are no
    /// numbers of scores, no variable names, no instrument versions and no band table names.
    /// - Throws: ``ExportError/cprShapedReportText(section:)`` when a text is shaped like a CPR number.
    public static func parentHTML(_ report: ChildReport) throws -> String {
        let l = report.language
        var h = try opening(Plain.titlePrefix(l), label: report.childLabel, section: "childLabel", language: l, extraStyle: parentStyle)
        if !report.subtitle.isEmpty { h += "<p class=\"meta\">\(e(report.subtitle))</p>\n" }
        h += "<div class=\"parent\">\n<p>\(e(Plain.intro(l)))</p>\n"
        let areas = try parentAreas(report)

        // Each area once, under the section its most concerning reading puts it: "Det går godt" when
        // every informant places it in the range of most children, else "Det vil vi gerne hjælpe med".
        h += "<h2>\(e(Plain.strengthsTitle(l)))</h2>\n"
        let well = areas.filter { $0.highest == 0 }.compactMap { area in item(area, l) { _ in true } }
        h += well.isEmpty ? "<p>\(e(Plain.noStrengths(l)))</p>\n" : "<ul>\n" + well.joined() + "</ul>\n"

        h += "<h2>\(e(Plain.concernsTitle(l)))</h2>\n"
        // One line per area: its informants' readings from the highest level down, then, when the
        // readings are a disagreement (ChildOverview.disagreementLevels apart), who sees it differently.
        var seenDifferently = false
        let concerns = areas.filter { $0.highest > 0 }.map { area -> String in
            let parts = Set(area.readings.map(\.level)).sorted(by: >).compactMap { level in
                part(area, l) { $0.level == level }
            }
            var line = "<li><strong>\(e(area.name))</strong>: " + parts.joined(separator: "; ")
            if let informants = disagreeing(area) {
                line += ". " + e(Plain.seeDifferently(who(informants, l))(l))
                seenDifferently = true
            }
            return line + "</li>\n"
        }
        h += concerns.isEmpty ? "<p>\(e(Plain.noConcerns(l)))</p>\n" : "<ul>\n" + concerns.joined() + "</ul>\n"
        if seenDifferently { h += "<p>\(e(Plain.differentViewsNote(l)))</p>\n" }

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
                    let measured = profile.occasions.compactMap { occasion -> (occasion: String, level: Int)? in
                        guard let value = score.values[occasion] ?? nil, let band = score.band(of: value) else { return nil }
                        return (occasion, band.level)
                    }
                    guard let latest = measured.last else { continue }
                    let name = plainName(score.label)
                    try check(name, section: "profile")
                    let reading = Reading(informant: profile.informant, occasion: latest.occasion, level: latest.level,
                                          firstLevel: measured.count > 1 ? measured.first?.level : nil)
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

    /// The informants at the two ends of a disagreement among the area's readings: latest readings
    /// of one occasion at least ``ChildOverview/disagreementLevels`` apart, from two informants or
    /// more (the staff page's rule, ``InformantDisagreement``); nil when there is none. Readings of
    /// different occasions are not compared (the child may have changed in between).
    private static func disagreeing(_ area: Area) -> [Informant]? {
        var occasions: [String] = []
        for reading in area.readings where !occasions.contains(reading.occasion) { occasions.append(reading.occasion) }
        for occasion in occasions {
            let here = area.readings.filter { $0.occasion == occasion }
            guard let low = here.map(\.level).min(), let high = here.map(\.level).max(),
                  high - low >= ChildOverview.disagreementLevels else { continue }
            var informants: [Informant] = []
            for reading in here where (reading.level == low || reading.level == high) && !informants.contains(reading.informant) {
                informants.append(reading.informant)
            }
            if informants.count > 1 { return informants }
        }
        return nil
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

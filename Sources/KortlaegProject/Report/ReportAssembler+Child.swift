import Foundation
import KortlaegDomain
import KortlaegReports

extension ReportAssembler {
    /// The child report of one child's observations.
    ///
    /// Sections: those the instrument files declare (``Instrument/reportSection``; shown even
    /// when the child has nothing in them, so the reader sees what was not answered), then those
    /// of undeclared instruments with band tables (a profile headed by the instrument's title);
    /// profiles before answers. Goals: every instrument's ``Instrument/goals``, the latest text
    /// of each with its rating per occasion.
    func childReport(_ observations: [ReportObservation], label: String, subtitle: String) throws(KortlaegError) -> ChildReport {
        let groups = Self.groups(observations)
        let sections = sectionOrder(groups)
        try requireBandTable(among: groups.filter { section(of: $0.instrument)?.shows == .profile }.map(\.instrument))
        let occasions = Self.occasions(observations)
        var built: [ChildReport.Section] = []
        for section in sections {
            let members = groups.filter { self.section(of: $0.instrument) == section }
            let content: ChildReport.Content
            switch section.shows {
            case .profile:
                var profiles: [ChildReport.Profile] = []
                for group in members { profiles.append(try profile(group)) }
                content = .profiles(profiles)
            case .answers:
                content = .answers(answers(members.flatMap(\.observations)))
            }
            built.append(ChildReport.Section(heading: section.heading.text(language), content: content))
        }
        return ChildReport(childLabel: label, language: language, occasions: occasions, sections: built,
                           goals: goals(observations), subtitle: subtitle)
    }

    /// Where an instrument's responses go: its declared section, else (with band tables) a profile
    /// headed by its title, else nowhere.
    func section(of instrument: Instrument) -> ReportSection? {
        if let declared = instrument.reportSection { return declared }
        guard !(instrument.bandTables ?? []).isEmpty else { return nil }
        return ReportSection(heading: instrument.title, shows: .profile)
    }

    /// The catalog's declared sections, then those of the groups; profiles first.
    private func sectionOrder(_ groups: [Group]) -> [ReportSection] {
        var sections: [ReportSection] = []
        for candidate in catalog.entries.compactMap(\.instrument.reportSection) + groups.compactMap({ section(of: $0.instrument) })
        where !sections.contains(candidate) {
            sections.append(candidate)
        }
        let rank: [ReportSection.Content] = [.profile, .answers]
        return sections.enumerated().sorted {
            (rank.firstIndex(of: $0.element.shows) ?? 2, $0.offset) < (rank.firstIndex(of: $1.element.shows) ?? 2, $1.offset)
        }.map(\.element)
    }

    /// One group's profile: each verified score at each of the group's occasions.
    private func profile(_ group: Group) throws(KortlaegError) -> ChildReport.Profile {
        let instrument = group.instrument
        let (lines, table) = try scoreLines(of: instrument)
        var byOccasion: [String: [String: Double?]] = [:]
        for observation in group.observations { byOccasion[observation.occasion] = observation.scores }
        let occasions = group.occasions
        let scores = lines.map { line in
            var values: [String: Double?] = [:]
            for occasion in occasions { values[occasion] = byOccasion[occasion]?[line.definition.id] ?? nil }
            return ChildReport.ProfileScore(scoreID: line.definition.id, label: line.definition.label.text(language), minimum: line.definition.range.minimum,
                                            maximum: line.definition.range.maximum, bands: line.bands, values: values,
                                            direction: line.definition.direction)
        }
        return ChildReport.Profile(informant: group.informant, instrument: "\(instrument.title.text(language)) (\(instrument.reference))",
                                   bandTable: table?.label.text(language), occasions: occasions, scores: scores)
    }

    /// Each answered coded or numeric question with its answer per occasion (free text is never shown).
    private func answers(_ observations: [ReportObservation]) -> [ChildReport.Answer] {
        var answers: [ChildReport.Answer] = []
        for observation in Self.inCourseOrder(observations) {
            let instrument = observation.instrument
            for item in instrument.items {
                guard let answer = observation.answers[item.id], let text = label(of: answer, item: item, instrument: instrument) else { continue }
                let question = item.wording?.text(language) ?? item.label.text(language)
                if let index = answers.firstIndex(where: { $0.question == question }) {
                    answers[index].answers[observation.occasion] = text
                } else {
                    answers.append(ChildReport.Answer(question: question, answers: [observation.occasion: text]))
                }
            }
        }
        return answers
    }

    /// An answer as the form shows it: a code's label (also for "no answer" codes), a number, or nil for text.
    private func label(of answer: AnswerValue, item: Item, instrument: Instrument) -> String? {
        let scale = instrument.answerScales.first { $0.id == item.answerScale }
        switch answer {
        case let .code(code):
            let known = (scale?.codes ?? []) + (scale?.missingCodes ?? [])
            return known.first { $0.code == code }?.label.text(language) ?? String(code)
        case let .number(number):
            return NumberFormat.upTo(1, language).string(number)
        case .text:
            return nil
        }
    }

    /// The goals of every instrument that declares them, in course order: the latest goal text
    /// wins (goals are revised at follow-ups; the text item's label otherwise) and each occasion's
    /// valid rating is kept.
    private func goals(_ observations: [ReportObservation]) -> [ChildReport.Goal] {
        var goals: [(key: String, goal: ChildReport.Goal)] = []
        for observation in Self.inCourseOrder(observations) {
            let instrument = observation.instrument
            let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for goal in instrument.goals ?? [] {
                guard let textItem = instrument.items.first(where: { $0.id == goal.text }),
                      let ratingItem = instrument.items.first(where: { $0.id == goal.rating }) else { continue }
                let key = "\(instrument.id)|\(goal.text)"
                let codes = scales[ratingItem.answerScale]?.validCodes ?? []
                var index = goals.firstIndex { $0.key == key }
                if index == nil, observation.answers[goal.text] != nil || observation.answers[goal.rating] != nil {
                    goals.append((key, ChildReport.Goal(text: textItem.label.text(language), ratings: [:],
                                                        scaleMaximum: Double(codes.max() ?? 0))))
                    index = goals.count - 1
                }
                guard let index else { continue }
                if case let .text(text)? = observation.answers[goal.text], !text.trimmingCharacters(in: .whitespaces).isEmpty {
                    goals[index].goal.text = text
                }
                if let code = observation.answers[goal.rating]?.code, codes.contains(code) {
                    goals[index].goal.ratings[observation.occasion] = Double(code)
                    if let label = scales[ratingItem.answerScale]?.codes?.first(where: { $0.code == code })?.label {
                        goals[index].goal.ratingLabels[observation.occasion] = label.text(language)
                    }
                }
            }
        }
        return goals.map(\.goal)
    }
}

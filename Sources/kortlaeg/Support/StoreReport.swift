import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite

/// Builds child and class reports from a project's stored responses.
///
/// - SDQ profiles (instruments with band tables): one per informant and instrument family, so a
///   follow-up version at F1 joins the base version at T1 and T2 (their scores share ids).
/// - Trivsel questions (family `trivsel`): each question's answer label per occasion.
/// - Goals: a free-text item `X` with a rating item `X_status` (the mapping tool's `kv-maal`):
///   the latest goal text and the rating per occasion.
struct StoreReport {
    /// Why no report can be written. Messages never repeat the id given.
    enum Problem: Error, CustomStringConvertible {
        case childNotFound
        case ambiguousPseudonym(children: Int)
        case classNotFound(String, school: String?)
        case unknownInstrument(reference: String, reason: String)

        var description: String {
            switch self {
            case .childNotFound:
                return "No child in the project matches the id given (tried it as the child's own id and as a pseudonym). 'kortlaeg status' lists the children by pseudonym."
            case let .ambiguousPseudonym(children):
                return "The pseudonym given starts \(children) children's pseudonyms; please give more of its characters."
            case let .classNotFound(name, school):
                return "The project has no stored responses for class '\(CPRNumber.masked(name))'"
                    + (school.map { " at '\(CPRNumber.masked($0))'" } ?? "") + ". 'kortlaeg status' lists what is stored."
            case let .unknownInstrument(reference, reason):
                return "\(reference) is stored in the project but cannot be used (\(reason)). Point --instruments at the folder with its file."
            }
        }
    }

    let store: any ProjectStore
    let catalog: InstrumentCatalog
    let language: Language
    /// The band table to draw (default: each instrument's first).
    let bandTableID: String?

    private var da: Bool { language == .danish }

    // MARK: - Finding a child

    /// The child's stored responses and pseudonym, for its own id (CPR-shaped or not) or its
    /// pseudonym (whole, or its first 8 or more characters, with or without dashes).
    func child(_ id: String) throws -> (pseudonym: String, responses: [StoredResponse]) {
        let pseudonym = try store.pseudonym(for: id)
        let own = try responses(ResponseQuery(child: pseudonym))
        if !own.isEmpty { return (pseudonym, own) }
        let hex = id.lowercased().replacingOccurrences(of: "-", with: "").trimmingCharacters(in: .whitespaces)
        guard (8...32).contains(hex.count), hex.allSatisfy(\.isHexDigit) else { throw Problem.childNotFound }
        var matches: Set<String> = []
        try store.responses(ResponseQuery()) { if $0.child.hasPrefix(hex) { matches.insert($0.child) } }
        guard let match = matches.first else { throw Problem.childNotFound }
        guard matches.count == 1 else { throw Problem.ambiguousPseudonym(children: matches.count) }
        return (match, try responses(ResponseQuery(child: match)))
    }

    /// A short label for a pseudonym: its first 12 characters in groups of four (`3f2a-09bc-77de`),
    /// which can never look like a CPR number (at most four digits in a row).
    static func label(pseudonym: String) -> String {
        let characters = Array(pseudonym.prefix(12))
        return stride(from: 0, to: characters.count, by: 4).map { String(characters[$0..<min($0 + 4, characters.count)]) }
            .joined(separator: "-")
    }

    // MARK: - Child report

    /// The child report of one child's responses.
    func childReport(_ responses: [StoredResponse], label: String, subtitle: String) throws -> ChildReport {
        let occasions = Self.occasions(responses)
        var profiles: [ChildReport.Profile] = []
        for group in try groups(responses) where !(group.instrument.bandTables ?? []).isEmpty && group.instrument.family != "trivsel" {
            var values: [String: [String: Double?]] = [:]
            for response in group.responses {
                var scores: [String: Double?] = [:]
                for score in response.scores { scores[score.id] = .some(score.value) }
                values[response.occasion.code] = scores
            }
            profiles.append(try ChildReport.profile(instrument: group.instrument, bandTableID: bandTableID, scores: values,
                                                    occasions: Self.occasions(group.responses), language: language))
        }
        return ChildReport(childLabel: label, language: language, occasions: occasions, profiles: profiles,
                           trivsel: try trivsel(responses), goals: try goals(responses), subtitle: subtitle)
    }

    private func trivsel(_ responses: [StoredResponse]) throws -> [ChildReport.TrivselAnswer] {
        var answers: [ChildReport.TrivselAnswer] = []
        for response in responses {
            let instrument = try instrument(response.instrument)
            guard instrument.family == "trivsel" else { continue }
            for item in instrument.items {
                guard let answer = response.answers[item.id], let text = answerLabel(answer, item: item, instrument: instrument) else { continue }
                let question = item.wording?.text(language) ?? item.label.text(language)
                if let index = answers.firstIndex(where: { $0.question == question }) {
                    answers[index].answers[response.occasion.code] = text
                } else {
                    answers.append(.init(question: question, answers: [response.occasion.code: text]))
                }
            }
        }
        return answers
    }

    private func goals(_ responses: [StoredResponse]) throws -> [ChildReport.Goal] {
        var goals: [(key: String, goal: ChildReport.Goal)] = []
        for response in responses.sorted(by: { $0.occasion < $1.occasion }) {
            let instrument = try instrument(response.instrument)
            let scales = Dictionary(instrument.answerScales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            for item in instrument.items where scales[item.answerScale]?.kind == .text {
                guard let status = instrument.items.first(where: { $0.id == item.id + "_status" }) else { continue }
                let key = "\(instrument.id)|\(item.id)"
                let maximum = Double(scales[status.answerScale]?.validCodes.last ?? 5)
                var index = goals.firstIndex { $0.key == key }
                if index == nil, response.answers[item.id] != nil || response.answers[status.id] != nil {
                    goals.append((key, ChildReport.Goal(text: item.label.text(language), ratings: [:], scaleMaximum: maximum)))
                    index = goals.count - 1
                }
                guard let index else { continue }
                // The latest goal text wins (goals are revised at follow-ups); the item's label otherwise.
                if case let .text(text)? = response.answers[item.id], !text.trimmingCharacters(in: .whitespaces).isEmpty {
                    goals[index].goal.text = text
                }
                if let code = response.answers[status.id]?.code, scales[status.answerScale]?.validCodes.contains(code) == true {
                    goals[index].goal.ratings[response.occasion.code] = Double(code)
                }
            }
        }
        return goals.map(\.goal)
    }

    private func answerLabel(_ answer: AnswerValue, item: Item, instrument: Instrument) -> String? {
        let scale = instrument.answerScales.first { $0.id == item.answerScale }
        switch answer {
        case let .code(code):
            let known = (scale?.codes ?? []) + (scale?.missingCodes ?? [])
            return known.first { $0.code == code }?.label.text(language) ?? String(code)
        case let .number(number):
            return ReportNumber.text(number, da: da)
        case .text:
            return nil
        }
    }

    // MARK: - Class report

    /// The class report of a class's responses: per informant and instrument family, each score's
    /// values per occasion (one response per child and occasion).
    func classReport(_ responses: [StoredResponse], label: String) throws -> ClassReport {
        let groups = try groups(responses)
        var values: [ClassReport.ScoreValues] = []
        for group in groups {
            var byOccasion: [String: [[String: Double?]]] = [:]
            var seen: Set<String> = []
            for response in group.responses where seen.insert("\(response.child)|\(response.occasion.code)").inserted {
                var scores: [String: Double?] = [:]
                for score in response.scores { scores[score.id] = .some(score.value) }
                byOccasion[response.occasion.code, default: []].append(scores)
            }
            var scores = try ClassReport.scores(instrument: group.instrument, bandTableID: bandTableID, scores: byOccasion, language: language)
            if groups.count > 1 {
                let informant = da ? group.instrument.informant.danishName : group.instrument.informant.rawValue
                for index in scores.indices {
                    scores[index].label = informant.prefix(1).uppercased() + informant.dropFirst() + ": " + scores[index].label
                }
            }
            values += scores
        }
        return ClassReport(groupLabel: label, language: language, occasions: Self.occasions(responses), scores: values)
    }

    // MARK: - Helpers

    /// Responses grouped by informant and instrument family; the instrument of each group is the
    /// one of its earliest response (for labels and bands). Parent, teacher, child, professional.
    private func groups(_ responses: [StoredResponse]) throws -> [(instrument: Instrument, responses: [StoredResponse])] {
        var groups: [(key: String, instrument: Instrument, responses: [StoredResponse])] = []
        for response in responses.sorted(by: { $0.occasion < $1.occasion }) {
            let instrument = try instrument(response.instrument)
            let key = "\(response.informant.rawValue)|\(instrument.family)"
            if let index = groups.firstIndex(where: { $0.key == key }) {
                groups[index].responses.append(response)
            } else {
                groups.append((key, instrument, [response]))
            }
        }
        let order: [Informant] = [.parent, .teacher, .child, .professional]
        return groups.sorted { (order.firstIndex(of: $0.instrument.informant) ?? 9, $0.key) < (order.firstIndex(of: $1.instrument.informant) ?? 9, $1.key) }
            .map { ($0.instrument, $0.responses) }
    }

    private func instrument(_ reference: InstrumentReference) throws -> Instrument {
        do {
            return try catalog.instrument(reference)
        } catch {
            throw Problem.unknownInstrument(reference: reference.description, reason: "\(error)")
        }
    }

    func responses(_ query: ResponseQuery) throws -> [StoredResponse] {
        var responses: [StoredResponse] = []
        try store.responses(query) { responses.append($0) }
        return responses
    }

    /// The occasions of `responses` in course order, as codes.
    static func occasions(_ responses: [StoredResponse]) -> [String] {
        Set(responses.map(\.occasion)).sorted().map(\.code)
    }
}

/// Numbers as reports write them: no decimals for integers, one otherwise, decimal comma in Danish.
enum ReportNumber {
    static func text(_ value: Double, da: Bool) -> String {
        let text = value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        return da ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

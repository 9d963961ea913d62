import KortlaegDomain
import Synchronization

/// A record with the work done that needs no store: the answers with CPR-shaped text masked
/// and, when worked out ahead (``Rest``), the child's pseudonym, the scores and the answers'
/// stored JSON. An import makes it on the thread that reads the file (``ResponsePreparer``)
/// while the one before is being stored; the storing thread works out what was left to it
/// (``ResponsePreparer/completed(_:)``).
/// A class: it is handed between threads and closures (one reference, not a copy of every field).
public final class PreparedResponse: Sendable {
    /// The record as given.
    public let input: StoredResponseInput
    /// The answers as stored: free text with CPR numbers masked.
    let answers: [String: AnswerValue]
    /// The rest of the work, when it was done ahead; nil when it was left to the storing thread.
    let rest: Rest?

    /// What a record needs besides its masked answers before it can be stored.
    struct Rest: Sendable, Equatable {
        /// The pseudonym of the child's id at its site; nil when the id is empty.
        let pseudonym: String?
        /// The scores, when the record's instrument version could be scored (otherwise the store
        /// reports why when it comes to the record).
        let scores: [ComputedScore]?
        /// ``AnswerCoding/encode(_:missingReasons:)`` of the masked answers, or their
        /// ``AnswerLayout`` short form when the store keeps that.
        let encodedAnswers: String
        /// ``ScoreCoding/encode(_:)`` of ``scores`` (or their ``ScoreLayout`` short form when the
        /// store keeps that), when there are scores.
        let encodedScores: String?
    }

    init(input: StoredResponseInput, answers: [String: AnswerValue], rest: Rest?) {
        self.input = input
        self.answers = answers
        self.rest = rest
    }
}

/// Prepares the records of one import with that import's pseudonym key, instruments and
/// scoring options; safe to call from any thread (one scorer per instrument version, made once).
public struct ResponsePreparer: Sendable {
    private let pseudonymizer: Pseudonymizer
    private let instruments: InstrumentCatalog
    private let scoring: ScoringOptions
    private let contexts = Contexts()
    /// Whether the store keeps answers and scores in the short forms (``AnswerLayout``, ``ScoreLayout``).
    private let shortForms: Bool

    /// The scorers and answer encoders made so far, by instrument version (a nil scorer: the
    /// version cannot be scored; a nil encoder: the version is not in the catalog).
    private final class Contexts: Sendable {
        let made = Mutex<[InstrumentReference: Made]>([:])
    }

    /// A class: one reference per record instead of a copy of the scorer's every table.
    private final class Made: Sendable {
        let context: ScoringContext?
        let coding: AnswerCodingPlan?
        init(context: ScoringContext?, coding: AnswerCodingPlan?) {
            self.context = context
            self.coding = coding
        }
    }

    init(pseudonymizer: Pseudonymizer, instruments: InstrumentCatalog, scoring: ScoringOptions, shortForms: Bool = false) {
        self.pseudonymizer = pseudonymizer
        self.instruments = instruments
        self.scoring = scoring
        self.shortForms = shortForms
    }

    /// The record with its answers masked and, when `complete`, its pseudonym, scores and
    /// stored answers (``PreparedResponse/Rest``); without, ``completed(_:)`` works them out later.
    public func prepare(_ input: StoredResponseInput, complete: Bool = true) -> PreparedResponse {
        var answers = input.response.answers
        if answers.values.contains(where: { if case .text = $0 { true } else { false } }) {
            answers = answers.mapValues { answer in
                if case let .text(text) = answer { return .text(CPRGuard.masked(text)) }
                return answer
            }
        }
        return PreparedResponse(input: input, answers: answers, rest: complete ? rest(of: input, answers: answers) : nil)
    }

    /// The pseudonym, scores and stored answers of `prepared`: worked out ahead or now.
    func completed(_ prepared: PreparedResponse) -> PreparedResponse.Rest {
        prepared.rest ?? rest(of: prepared.input, answers: prepared.answers)
    }

    private func rest(of input: StoredResponseInput, answers: [String: AnswerValue]) -> PreparedResponse.Rest {
        let made = self.made(input.response.instrument)
        var scores: [ComputedScore]?
        var encodedScores: String?
        if let context = made.context {
            var response = input.response
            response.answers = answers
            let computed = context.score(response)
            scores = computed
            encodedScores = (shortForms ? context.encodeShort(computed) : nil) ?? context.encode(computed)
        }
        let encoded = made.coding?.encode(answers, missingReasons: input.missingReasons)
            ?? AnswerCoding.encode(answers, missingReasons: input.missingReasons)
        return PreparedResponse.Rest(pseudonym: pseudonymizer.pseudonym(for: input.childKey, site: input.attributes.site),
                                     scores: scores, encodedAnswers: encoded, encodedScores: encodedScores)
    }

    /// The scorer and answer encoder of `reference`, made on first use.
    private func made(_ reference: InstrumentReference) -> Made {
        if let made = contexts.made.withLock({ $0[reference] }) { return made }
        let instrument = try? instruments.instrument(reference)
        let made = Made(context: instrument.flatMap { try? ScoringContext(instrument: $0, options: scoring) },
                        coding: instrument.map { AnswerCodingPlan(itemIDs: $0.items.map(\.id), short: shortForms) })
        contexts.made.withLock { $0[reference] = made }
        return made
    }
}

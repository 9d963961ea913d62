import KortlaegDomain
import Synchronization

/// A record with the work done that needs no store: the child's pseudonym, the answers with
/// CPR-shaped text masked, the scores and the answers' stored JSON. An import makes it on the
/// thread that reads the file (``ResponsePreparer``) while the one before is being stored.
/// A class: it is handed between threads and closures (one reference, not a copy of every field).
public final class PreparedResponse: Sendable {
    /// The record as given.
    public let input: StoredResponseInput
    /// The pseudonym of the child's id at its site; nil when the id is empty.
    let pseudonym: String?
    /// The answers as stored: free text with CPR numbers masked.
    let answers: [String: AnswerValue]
    /// The scores, when the record's instrument version could be scored (otherwise the store
    /// reports why when it comes to the record).
    let scores: [ComputedScore]?
    /// ``AnswerCoding/encode(_:missingReasons:)`` of ``answers``.
    let encodedAnswers: String
    /// ``ScoreCoding/encode(_:)`` of ``scores``, when there are scores.
    let encodedScores: String?

    init(input: StoredResponseInput, pseudonym: String?, answers: [String: AnswerValue], scores: [ComputedScore]?,
         encodedAnswers: String, encodedScores: String?) {
        self.input = input
        self.pseudonym = pseudonym
        self.answers = answers
        self.scores = scores
        self.encodedAnswers = encodedAnswers
        self.encodedScores = encodedScores
    }
}

/// Prepares the records of one import with that import's pseudonym key, instruments and
/// scoring options; safe to call from any thread (one scorer per instrument version, made once).
public struct ResponsePreparer: Sendable {
    private let pseudonymizer: Pseudonymizer
    private let instruments: InstrumentCatalog
    private let scoring: ScoringOptions
    private let contexts = Contexts()

    /// The scorers and answer encoders made so far, by instrument version (a nil scorer: the
    /// version cannot be scored; a nil encoder: the version is not in the catalog).
    private final class Contexts: Sendable {
        let made = Mutex<[InstrumentReference: Made]>([:])
    }

    private struct Made: Sendable {
        var context: ScoringContext?
        var coding: AnswerCodingPlan?
    }

    init(pseudonymizer: Pseudonymizer, instruments: InstrumentCatalog, scoring: ScoringOptions) {
        self.pseudonymizer = pseudonymizer
        self.instruments = instruments
        self.scoring = scoring
    }

    /// The record with its pseudonym, masked answers, scores and stored answers.
    public func prepare(_ input: StoredResponseInput) -> PreparedResponse {
        var answers = input.response.answers
        if answers.values.contains(where: { if case .text = $0 { true } else { false } }) {
            answers = answers.mapValues { answer in
                if case let .text(text) = answer { return .text(CPRGuard.masked(text)) }
                return answer
            }
        }
        let made = self.made(input.response.instrument)
        var scores: [ComputedScore]?
        var encodedScores: String?
        if let context = made.context {
            var response = input.response
            response.answers = answers
            let computed = context.score(response)
            scores = computed
            encodedScores = context.encode(computed)
        }
        let encoded = made.coding?.encode(answers, missingReasons: input.missingReasons)
            ?? AnswerCoding.encode(answers, missingReasons: input.missingReasons)
        return PreparedResponse(input: input, pseudonym: pseudonymizer.pseudonym(for: input.childKey, site: input.attributes.site),
                                answers: answers, scores: scores, encodedAnswers: encoded,
                                encodedScores: encodedScores)
    }

    /// The scorer and answer encoder of `reference`, made on first use.
    private func made(_ reference: InstrumentReference) -> Made {
        if let made = contexts.made.withLock({ $0[reference] }) { return made }
        let instrument = try? instruments.instrument(reference)
        let made = Made(context: instrument.flatMap { try? ScoringContext(instrument: $0, options: scoring) },
                        coding: instrument.map { AnswerCodingPlan(itemIDs: $0.items.map(\.id)) })
        contexts.made.withLock { $0[reference] = made }
        return made
    }
}

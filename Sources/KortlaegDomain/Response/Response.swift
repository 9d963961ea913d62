/// One informant's answers to one instrument at one exact version.
public struct Response: Hashable, Sendable {
    /// The exact instrument version the answers were collected with.
    public var instrument: InstrumentReference
    /// Answers by item id; unanswered items are absent.
    public var answers: [String: AnswerValue]

    /// Creates a response.
    public init(instrument: InstrumentReference, answers: [String: AnswerValue]) {
        self.instrument = instrument
        self.answers = answers
    }
}

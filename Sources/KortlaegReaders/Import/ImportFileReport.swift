/// What happened to one input file of an import.
public struct ImportFileReport: Sendable {
    /// The file.
    public var file: String
    /// The kind recognised, with the evidence.
    public var recognition: SourceRecognizer.Recognition?
    /// The profile applied.
    public var profile: String?
    /// The instrument the responses are for.
    public var instrument: String?
    /// Records read (rows, FormData elements, QuestionnaireResponses).
    public var read = 0
    /// Records mapped to valid responses.
    public var accepted = 0
    /// The child-id column and why it was chosen (tables only: CSV, SurveyXact, Excel).
    public var childId: ChildIdChoice?
    /// The number of different children among the accepted responses.
    public var children = 0
    /// Accepted responses whose child, occasion and informant repeat an earlier row's.
    public var repeated = 0
    /// Records rejected (their problems went to the rejects report).
    public var rejected = 0
    /// Answers given as missing codes, by meaning (`missing`, `notAsked`, `refused`, `dontKnow`).
    public var missingAnswers: [String: Int] = [:]
    /// Records with none of the instrument's fields answered.
    public var empty = 0
    /// Accepted responses whose age (`alder`) lies outside the instrument's age range.
    public var outsideAgeRange = 0
    /// Notes: detected dialect, how the instrument was chosen, unmapped fields.
    public var notes: [String] = []
    /// Why the file failed as a whole, if it did; its responses are then not written.
    public var failure: String?

    /// Creates an empty report for `file`.
    public init(file: String) {
        self.file = file
    }
}

/// The parts of a FHIR R4 QuestionnaireResponse that Kortlæg imports.
public struct FHIRQuestionnaireResponse: Sendable, Equatable {
    /// The canonical URL of the Questionnaire answered.
    public var questionnaire: String?
    /// `subject.reference`; personal data: never put it in messages.
    public var subject: String?
    /// `authored` as written (FHIR date or dateTime).
    public var authored: String?
    /// `status`, e.g. `completed`.
    public var status: String?
    /// All answers, depth-first in file order, including answers of nested items.
    public var answers: [FHIRAnswer] = []
    /// Answers whose value is not of its declared type (e.g. `valueInteger` 1.9, `true`, a
    /// string); they are left out of ``answers`` and make the response a reject.
    public var problems: [FHIRValueProblem] = []

    /// Creates an empty response.
    public init() {}

    /// The response as a neutral record: form = questionnaire, fields = linkId → ``FHIRAnswer/text``.
    public func sourceRecord(source: String) -> SourceRecord {
        SourceRecord(
            source: source, location: "QuestionnaireResponse", subjectKey: subject ?? "",
            occasion: authored, form: questionnaire,
            fields: answers.map { SourceField(name: $0.linkId, value: $0.text) })
    }
}

/// An answer value that is not what its `value[x]` promises, located by its JSON path.
public struct FHIRValueProblem: Sendable, Equatable {
    /// The answer's item.
    public var linkId: String
    /// Where it is, e.g. `item[1].answer[0].valueInteger`.
    public var path: String
    /// The value, only when it is a number (never text, which may be personal data).
    public var value: String?
    /// What was wrong and what was expected.
    public var reason: String
}

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

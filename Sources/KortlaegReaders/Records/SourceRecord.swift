/// One filled-in form for one subject on one occasion, as read from a file, before mapping to
/// an instrument. Readers produce these; they do not know any instrument.
public struct SourceRecord: Sendable, Equatable {
    /// The file the record came from.
    public var source: String
    /// Where in the file: `line 158 (ODM/ClinicalData/SubjectData/FormData)` or `row 3 (line 4)`.
    public var location: String
    /// The (pseudonymous) subject id; personal data: never put it in messages.
    public var subjectKey: String
    /// The occasion: ODM StudyEventOID, REDCap unique event name; `nil` if the file has none.
    public var occasion: String?
    /// The form: ODM FormOID, REDCap instrument, FHIR Questionnaire URL.
    public var form: String?
    /// The repeat instance of a repeating form, if any.
    public var repeatKey: String?
    /// The date the form was filled in, as written (FHIR `authored`); `nil` if the file has none.
    public var date: String?
    /// The values in file order.
    public var fields: [SourceField]
    /// The record's number in its file: the data row of a CSV (1 = first data row), else the
    /// record's position (nth form); ``ImportJob`` fills it in when a reader does not.
    public var row: Int?
    /// The physical line where the record is (CSV line, XML line), when known.
    public var line: Int?

    /// Creates a record.
    public init(
        source: String, location: String, subjectKey: String, occasion: String? = nil, form: String? = nil,
        repeatKey: String? = nil, fields: [SourceField] = [], date: String? = nil, row: Int? = nil, line: Int? = nil
    ) {
        self.source = source
        self.location = location
        self.subjectKey = subjectKey
        self.occasion = occasion
        self.form = form
        self.repeatKey = repeatKey
        self.fields = fields
        self.date = date
        self.row = row
        self.line = line
    }

    /// The first value named `name`, if any.
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }
}

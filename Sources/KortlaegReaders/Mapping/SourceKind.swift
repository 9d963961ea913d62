/// The kinds of file ``MappingProfile``s are written for.
public enum SourceKind: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// CDISC ODM 1.3.x XML, including REDCap project XML.
    case odm
    /// A REDCap record CSV (raw codes; `record_id`/`redcap_event_name` columns).
    case redcapCSV = "redcap-csv"
    /// An HL7 FHIR R4 QuestionnaireResponse, JSON or XML.
    case fhir
    /// A SurveyXact three-file export (dataset, structure, labels).
    case surveyxact
    /// A plain CSV, one row per response.
    case csv
    /// An Excel workbook (`.xlsx`): one sheet read as a table, like a plain CSV.
    case xlsx

    /// A phrase for reports, e.g. `REDCap record CSV`.
    public var description: String {
        switch self {
        case .odm: "CDISC ODM XML"
        case .redcapCSV: "REDCap record CSV"
        case .fhir: "FHIR QuestionnaireResponse"
        case .surveyxact: "SurveyXact export"
        case .csv: "plain CSV"
        case .xlsx: "Excel workbook"
        }
    }

    /// Whether a profile written for `self` can read records of `other`.
    ///
    /// Column-based profiles (`csv`) also fit SurveyXact datasets, REDCap record CSVs and Excel sheets.
    public func accepts(_ other: SourceKind) -> Bool {
        self == other || (self == .csv && (other == .surveyxact || other == .redcapCSV || other == .xlsx))
    }
}

/// One answer of a FHIR R4 QuestionnaireResponse item.
public struct FHIRAnswer: Sendable, Equatable {
    /// The item's `linkId` (nested items keep their own linkId).
    public var linkId: String
    /// `valueCoding.code`.
    public var code: String?
    /// `valueCoding.display`.
    public var display: String?
    /// `valueCoding.system`.
    public var system: String?
    /// `valueString` (KL Children's Danish answer texts), or `valueDate`/`valueDateTime`/
    /// `valueBoolean`/`valueUri` as written.
    public var string: String?
    /// `valueInteger`.
    public var integer: Int?
    /// `valueDecimal` or `valueQuantity.value`.
    public var decimal: Double?
    /// The `ordinalValue` or `itemWeight` extension, on the answer or on its `valueCoding`.
    public var weight: Double?

    /// Creates an answer with only a linkId.
    public init(linkId: String) {
        self.linkId = linkId
    }

    /// The answer as one text: the code, else the string, else the number.
    public var text: String {
        if let code { return code }
        if let string { return string }
        if let integer { return String(integer) }
        if let decimal { return String(decimal) }
        return display ?? ""
    }

    /// Whether an `extension.url` names a weight extension (`ordinalValue`, `itemWeight`).
    static func isWeightExtension(_ url: String) -> Bool {
        url.hasSuffix("ordinalValue") || url.hasSuffix("itemWeight")
    }
}

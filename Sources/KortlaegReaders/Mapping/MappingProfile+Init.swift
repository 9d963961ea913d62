import KortlaegDomain

extension MappingProfile {
    /// Creates a profile (format 1) for `source` files; everything else is optional and set afterwards.
    public init(id: String, title: LocalizedText, source: SourceKind, childId: FieldReference) {
        self.init(format: 1, id: id, title: title, source: source, forms: nil, instrument: nil, childId: childId,
                  occasion: nil, informant: nil, date: nil, attributes: nil, items: nil, answers: nil,
                  missingCodes: nil, notes: nil, header: nil)
    }
}

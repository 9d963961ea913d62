/// The metadata of a CDISC ODM file: item definitions, code lists and study events.
public struct ODMMetadata: Sendable, Equatable {
    /// An `ItemDef`.
    public struct ItemDefinition: Sendable, Equatable {
        /// The ItemOID.
        public var oid: String
        /// The `Name` attribute.
        public var name: String
        /// The `DataType` attribute (`text`, `integer`, `float`, `boolean`, …).
        public var dataType: String
        /// The OID of the item's `CodeList`, if it has one.
        public var codeListOID: String?
    }

    /// A `CodeListItem`: a coded value and its label.
    public struct CodeListEntry: Sendable, Equatable {
        /// The `CodedValue`.
        public var code: String
        /// The first `Decode/TranslatedText`.
        public var label: String
    }

    /// Item definitions in file order.
    public var items: [ItemDefinition] = []
    /// Code lists by OID.
    public var codeLists: [String: [CodeListEntry]] = [:]
    /// Study event names by StudyEventOID (occasions).
    public var studyEvents: [String: String] = [:]
    /// The ODM version (`1.3.1`, `1.3.2`).
    public var odmVersion: String?
    /// `SourceSystem`, e.g. `REDCap`.
    public var sourceSystem: String?
}

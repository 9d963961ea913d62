/// What ``ResponseMapper`` made of one record.
public enum MappingOutcome: Hashable, Sendable {
    /// A valid response.
    case mapped(MappedResponse)
    /// The record has none of the instrument's fields answered (e.g. a REDCap event without
    /// this form); counted, never written.
    case empty
    /// The record was rejected; every problem found is listed.
    case rejected([MappingRejection])
}

/// The staff's own labels for children ("Anna 4.b", "dreng fra Søndergade"): a short name PPR staff
/// give a child on its page, so that they find the child again without its CPR number.
///
/// Kept apart from ``ProjectStore`` like ``UserStore``: the SQLite and the PostgreSQL store
/// implement it (migration `v7` of each), alike (`ChildLabelStoreContract`). A label is personal
/// data of the project: it is shown on staff pages and the parent version, copied with the
/// project by `kortlaeg store copy` (the copy is the same project), never exported, never written
/// to the audit log (the log says a label was set, not which). Labels holding a CPR-shaped number are refused by the use case before they get here.
public protocol ChildLabelStore {
    /// Every label, by the child's pseudonym.
    /// - Throws: ``StoreError``.
    func childLabels() throws -> [String: String]

    /// Sets (or with nil removes) the label of the child with `pseudonym`.
    /// - Throws: ``StoreError``.
    func setChildLabel(_ label: String?, pseudonym: String) throws
}

import KortlaegProject

/// Transitional, for `child` and `status` until `ChildLookup` (KortlaegProject/Child) lands: the
/// report's child lookup under its old name. Delete this file when the two commands use ChildLookup.
struct StoreReport {
    /// Why no child was found (the message never repeats the id given).
    struct Problem: Error, CustomStringConvertible {
        var description: String
    }

    let store: any ProjectStore
    init(store: any ProjectStore, catalog: InstrumentCatalog, language: Language, bandTableID: String?) {
        self.store = store
    }

    func child(_ id: String) throws -> (pseudonym: String, responses: [StoredResponse]) {
        do {
            return try ReportChildLookup.find(id, in: store)
        } catch {
            throw Problem(description: error.message)
        }
    }

    static func label(pseudonym: String) -> String { ReportChildLookup.label(pseudonym: pseudonym) }
}

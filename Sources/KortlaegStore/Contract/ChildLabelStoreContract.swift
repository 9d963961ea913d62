import Foundation

/// The behaviours every ``ChildLabelStore`` backend must show (one label per pseudonym, set,
/// replaced and removed, text kept exactly), as one suite that the SQLite and the PostgreSQL
/// tests run against their own factory, as ``UserStoreContract`` does for users.
package enum ChildLabelStoreContract {
    /// How the suite gets stores of one backend.
    package struct Backend: Sendable {
        /// The backend's name, for messages.
        package var name: String
        /// A fresh project store with no labels.
        package var makeStore: @Sendable () throws -> any ProjectStore & ChildLabelStore

        package init(name: String, makeStore: @escaping @Sendable () throws -> any ProjectStore & ChildLabelStore) {
            self.name = name
            self.makeStore = makeStore
        }
    }

    /// One behaviour, run on a fresh store.
    package struct Check: Sendable, CustomStringConvertible {
        /// What the behaviour is, in words.
        package let name: String
        let body: @Sendable (any ProjectStore & ChildLabelStore) throws -> Void

        /// Runs the check on a fresh store of `backend`.
        /// - Throws: ``ProjectStoreContract/ContractFailure`` when the store behaves otherwise.
        package func run(on backend: Backend) throws {
            try body(try backend.makeStore())
        }

        package var description: String { name }
    }

    static func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String, line: UInt = #line) throws {
        try ProjectStoreContract.expectEqual(actual, expected, what, line: line)
    }

    /// Pseudonyms as the store keeps them (64 hex digits); labels do not check that the child exists.
    static func pseudonym(_ digit: Character) -> String { String(repeating: digit, count: 64) }

    /// Every check, in a stable order.
    package static let checks: [Check] = [
        Check(name: "a fresh project has no labels; a label set is read back by its pseudonym") { store in
            try expectEqual(try store.childLabels(), [:], "labels of a fresh project")
            try store.setChildLabel("Anna 4.b", pseudonym: pseudonym("a"))
            try store.setChildLabel("dreng fra Søndergade", pseudonym: pseudonym("b"))
            try expectEqual(try store.childLabels(), [pseudonym("a"): "Anna 4.b", pseudonym("b"): "dreng fra Søndergade"],
                            "the two labels")
        },
        Check(name: "setting a label again replaces it; nil removes it and removing a missing one is no error") { store in
            try store.setChildLabel("Anna", pseudonym: pseudonym("a"))
            try store.setChildLabel("Bo", pseudonym: pseudonym("b"))
            try store.setChildLabel("Anne 5.a", pseudonym: pseudonym("a"))
            try expectEqual(try store.childLabels(), [pseudonym("a"): "Anne 5.a", pseudonym("b"): "Bo"], "the replaced label")
            try store.setChildLabel(nil, pseudonym: pseudonym("a"))
            try expectEqual(try store.childLabels(), [pseudonym("b"): "Bo"], "after removing one")
            try store.setChildLabel(nil, pseudonym: pseudonym("c"))
            try expectEqual(try store.childLabels(), [pseudonym("b"): "Bo"], "after removing one that was never set")
        },
        Check(name: "labels keep their text exactly (Danish letters, case, quotes, inner spaces)") { store in
            let labels = ["Åse Ø.  Ærø", "ÅSE", "O'Brien \"lille\"", "æøå ÆØÅ é ü", "% _ \\ ;"]
            for (index, label) in labels.enumerated() {
                try store.setChildLabel(label, pseudonym: pseudonym(Character(String(index))))
            }
            var expected: [String: String] = [:]
            for (index, label) in labels.enumerated() { expected[pseudonym(Character(String(index)))] = label }
            try expectEqual(try store.childLabels(), expected, "every label byte for byte")
        },
        Check(name: "pseudonyms compare exactly: another case is another child") { store in
            try store.setChildLabel("lille", pseudonym: pseudonym("a"))
            try store.setChildLabel("STOR", pseudonym: pseudonym("A"))
            try expectEqual(try store.childLabels().count, 2, "two pseudonyms differing in case")
            try expectEqual(try store.childLabels()[pseudonym("a")], "lille", "the lower-case one's label")
        },
        Check(name: "setting a label leaves responses, the audit log and the status as they were") { store in
            _ = try store.importBatch(ProjectStoreContract.batch("t1.csv"),
                                      records: [ProjectStoreContract.record("barn-1", [0, 1, 2], row: 1)],
                                      options: ProjectStoreContract.options())
            let audit = try store.auditLog().count
            let status = "\(try store.status(recentImports: 10))"
            var responses = 0
            try store.responses(ResponseQuery()) { _ in responses += 1 }
            let child = try store.pseudonym(for: "barn-1")
            try store.setChildLabel("Anna", pseudonym: child)
            try expectEqual(try store.childLabels(), [child: "Anna"], "the label of the imported child")
            try expectEqual(try store.auditLog().count, audit, "audit entries (the use case writes the audit, not the store)")
            try expectEqual("\(try store.status(recentImports: 10))", status, "the status")
            var after = 0
            try store.responses(ResponseQuery()) { _ in after += 1 }
            try expectEqual(after, responses, "responses")
        },
    ]
}

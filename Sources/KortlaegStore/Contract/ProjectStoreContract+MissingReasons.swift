import KortlaegDomain

extension ProjectStoreContract {
    static let missingReasonChecks: [Check] = [
        Check(name: "items answered with a source missing code keep their reason, never as an answer") { store, _ in
            var input = record("barn-1", [1, 2], row: 1)
            input.missingReasons = ["c": "refused"]
            let plain = record("barn-2", [0, 0, 0], row: 2)
            _ = try store.importBatch(batch("a.csv"), records: [input, plain], options: options())
            let stored = try responses(store)
            let first = stored.first { $0.child == (try? store.pseudonym(for: "barn-1")) }
            try expectEqual(first?.missingReasons, ["c": "refused"], "the reason is stored")
            try expectEqual(first?.answers["c"], nil, "and is not an answer")
            // 1 + 2 with two items answered (minimum 2): 3.
            try expectEqual(first?.value(of: "total"), 3, "scored from the answers only")
            try expectEqual(stored.first { $0.child == (try? store.pseudonym(for: "barn-2")) }?.missingReasons, [:], "none given")
        },
    ]
}

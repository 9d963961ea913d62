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
        Check(name: "a re-delivery that differs only in a missing code's reason is a changed response") { store, _ in
            func barn1(_ reason: String?, row: Int = 1) -> StoredResponseInput {
                var input = record("barn-1", [1, 2], row: row)
                if let reason { input.missingReasons = ["c": reason] }
                return input
            }
            _ = try store.importBatch(batch("a.csv"), records: [barn1("refused"), record("barn-2", [0, 0, 0], row: 2)], options: options())
            // The same answers and the same reason: unchanged, recorded as a re-delivery.
            let same = try imported(try store.importBatch(batch("b.csv"), records: [barn1("refused"), record("barn-2", [0, 0, 0], row: 2)],
                                                          options: options()))
            try expectEqual([same.accepted, same.unchanged], [0, 2], "identical re-delivery")
            try expectEqual(try store.imports().map(\.unchanged), [0, 2], "b.csv re-delivered both")
            // Another reason, or none (an empty cell instead of the code): a conflict like any change.
            for (name, reason) in [("c.csv", Optional("dontKnow")), ("d.csv", nil)] {
                let before = try snapshot(store)
                let (found, counts) = try conflicts(try store.importBatch(batch(name), records: [barn1(reason), record("barn-2", [0, 0, 0], row: 2)],
                                                                          options: options()))
                try expectEqual(found.map(\.row), [1], "\(name): only barn-1 changed")
                try expectEqual(found.map(\.onlyMissingReasonsDiffer), [true], "\(name): and only in its reasons")
                try expectEqual(counts.unchanged, 1, "\(name): barn-2 is unchanged")
                try expectEqual(try snapshot(store), before, "\(name): nothing stored")
            }
            // With --replace the new reason is stored; the old one is kept in the audit log.
            let replaced = try imported(try store.importBatch(batch("c.csv"), records: [barn1("dontKnow"), record("barn-2", [0, 0, 0], row: 2)],
                                                              options: options(replace: true)))
            try expectEqual([replaced.accepted, replaced.replaced, replaced.unchanged], [1, 1, 1], "replaced")
            let stored = try responses(store).first { $0.child == (try? store.pseudonym(for: "barn-1")) }
            try expectEqual(stored?.missingReasons, ["c": "dontKnow"], "the new reason")
            let detail = try store.auditLog().first { $0.action == .replace }?.detail ?? ""
            try expect(detail.contains("\"answers\":{\"c\":{\"a\":1,\"b\":2},\"m\":{\"c\":\"refused\"}}"),
                       "the replaced reason is in the audit detail: \(detail)")
            // Undo of the replacing file: its responses go, the replaced one is not restored (as for any --replace).
            guard let replacing = try store.imports().first(where: { $0.fileName == "c.csv" }) else {
                throw ContractFailure(description: "c.csv is not listed")
            }
            let removal = try store.removeImport(id: replacing.id, operator: "tester", dryRun: false)
            try expectEqual([removal.removedResponses, removal.notRestored], [1, 1], "undo")
        },
    ]
}

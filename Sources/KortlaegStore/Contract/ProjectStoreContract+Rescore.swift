import KortlaegDomain

extension ProjectStoreContract {
    static let rescoreChecks: [Check] = [
        Check(name: "rescoring with unchanged instruments changes nothing and is audited") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            var changes: [ScoreChange] = []
            let summary = try store.rescore(instruments: catalog, operator: "tester", dryRun: false) { changes.append($0) }
            try expectEqual([summary.responses, summary.changedScores, summary.changedResponses], [1, 0, 0], "summary")
            try expect(changes.isEmpty, "no changes")
            try expectEqual(try store.auditLog().last?.action, .rescore, "audited")
        },
        Check(name: "a corrected instrument's scores are reported, stored, and a dry run stores nothing") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 1, 2], row: 1)], options: options())
            // The corrected score leaves out item c: 1 + 1 = 2 (`normal`) instead of 4 (`raised`).
            let corrected = try InstrumentCatalog(instruments: [makeInstrument(items: ["a", "b"])])
            let before = try snapshot(store)
            var dry: [ScoreChange] = []
            let drySummary = try store.rescore(instruments: corrected, operator: "tester", dryRun: true) { dry.append($0) }
            try expect(drySummary.dryRun && drySummary.changedScores == 1, "dry run summary: \(drySummary)")
            try expectEqual(try snapshot(store), before, "a dry run stores nothing")
            var changes: [ScoreChange] = []
            let summary = try store.rescore(instruments: corrected, operator: "tester", dryRun: false) { changes.append($0) }
            try expectEqual([summary.responses, summary.changedScores, summary.changedResponses], [1, 1, 1], "summary")
            try expectEqual(changes, [ScoreChange(pseudonym: try store.pseudonym(for: "barn-1"), occasion: "T1",
                                                  informant: "parent", instrument: "contract-demo@1.0.0", score: "ptotal",
                                                  old: 4, new: 2, oldBands: "demo-cut=raised", newBands: "demo-cut=normal")],
                            "changes")
            try expectEqual(dry, changes, "the dry run reported the same changes")
            try expectEqual(try responses(store).first?.scores.first?.bands, "demo-cut=normal", "stored")
            var again: [ScoreChange] = []
            _ = try store.rescore(instruments: corrected, operator: "tester", dryRun: false) { again.append($0) }
            try expect(again.isEmpty, "a second run finds nothing to change")
        },
    ]
}

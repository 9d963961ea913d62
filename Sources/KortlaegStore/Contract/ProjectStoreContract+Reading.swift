import KortlaegDomain

extension ProjectStoreContract {
    static let readingChecks: [Check] = [
        Check(name: "responses come back in order and every query field narrows them") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [
                record("barn-1", .initial, [1, 2, 0], row: 1, attributes: ChildAttributes(className: "4A")),
                record("barn-2", .initial, [2, 2, 2], row: 2, attributes: ChildAttributes(className: "4B")),
                record("barn-1", .final, [0, 0, 1], row: 3, attributes: ChildAttributes(className: "4A"), text: "glad"),
            ], options: options())
            try expectEqual(try responses(store).count, 3, "all responses")
            let child = try store.pseudonym(for: "barn-1")
            let mine = try responses(store, ResponseQuery(child: child))
            try expectEqual(mine.map(\.occasion), [.initial, .final], "one child's responses, in course order")
            // T2: 0 + 0 + 1 = 1; one item short of nothing: the text answer is kept as text.
            try expectEqual(mine.map { $0.value(of: "total") }, [3, 1], "scores")
            try expectEqual(mine[1].answers, ["a": .code(0), "b": .code(0), "c": .code(1), "note": .text("glad")], "answers")
            try expectEqual(mine[0].ruleChoices, [:], "rule choices")
            try expect(!mine[0].includeUnverified, "unverified scores are not included by default")
            try expectEqual(try responses(store, ResponseQuery(className: "4B")).map { $0.value(of: "total") }, [6], "class 4B")
            try expectEqual(try responses(store, ResponseQuery(instrumentID: "contract-demo")).count, 3, "by instrument")
            try expectEqual(try responses(store, ResponseQuery(instrumentID: "other")).count, 0, "another instrument")
            try expectEqual(try responses(store, ResponseQuery(informant: .teacher)).count, 0, "another informant")
            let ordered = try responses(store).map(\.child)
            try expectEqual(ordered, ordered.sorted(), "ordered by child")
        },
        Check(name: "in any order, the same responses with the same scores, every filter still narrowing them") { store, _ in
            // Children imported in an order that is neither their pseudonyms' nor their course
            // order, across three imports, so that response ids interleave children and classes.
            _ = try store.importBatch(batch("t1.csv"), records: [
                record("barn-3", .initial, [2, 1, 0], row: 1, attributes: ChildAttributes(className: "4B")),
                record("barn-1", .initial, [1, 2, 0], row: 2, attributes: ChildAttributes(className: "4A")),
                record("barn-2", .initial, [2, 2, 2], row: 3, attributes: ChildAttributes(className: "4B")),
            ], options: options())
            _ = try store.importBatch(batch("t2.csv"), records: [
                record("barn-2", .final, [0, 1, 1], row: 1, attributes: ChildAttributes(className: "4B")),
                record("barn-1", .final, [0, 0, 1], row: 2, attributes: ChildAttributes(className: "4A")),
            ], options: options())
            _ = try store.importBatch(batch("f1.csv"), records: [
                record("barn-3", .followUp(1), [1, 1, 1], row: 1, attributes: ChildAttributes(className: "4B")),
            ], options: options())
            for query in [ResponseQuery(), ResponseQuery(className: "4B"), ResponseQuery(className: "4A"),
                          ResponseQuery(child: try store.pseudonym(for: "barn-2"))] {
                var unordered = query
                unordered.ordered = false
                let inOrder = try responses(store, query).map(describe)
                let anyOrder = try responses(store, unordered).map(describe)
                try expectEqual(anyOrder.sorted(), inOrder.sorted(), "the same responses and scores in any order (\(query))")
            }
            try expectEqual(try responses(store).count, 6, "all responses")
        },
        Check(name: "status counts children per occasion and lists missing follow-ups") { store, _ in
            _ = try store.importBatch(batch("t1.csv"), records: (1...3).map { record("barn-\($0)", [1, 1, 1], row: $0) },
                                      options: options())
            _ = try store.importBatch(batch("f1.csv"), records: [record("barn-1", .followUp(1), [1, 1, 1], row: 1)],
                                      options: options())
            _ = try store.importBatch(batch("t2.csv"), records: [record("barn-1", .final, [1, 1, 1], row: 1),
                                                                 record("barn-2", .final, [1, 1, 1], row: 2)],
                                      options: options())
            let status = try store.status(recentImports: 2)
            try expectEqual(status.childCount, 3, "children")
            try expectEqual(status.counts, [OccasionCount(occasion: "T1", informant: "parent", children: 3),
                                            OccasionCount(occasion: "F1", informant: "parent", children: 1),
                                            OccasionCount(occasion: "T2", informant: "parent", children: 2)], "counts")
            try expectEqual(status.missing.map(\.occasion), ["F1", "T2"], "occasions reached")
            try expectEqual(Set(status.missing[0].children), [try store.pseudonym(for: "barn-2"), try store.pseudonym(for: "barn-3")],
                            "missing at F1")
            try expectEqual(status.missing[1].children, [try store.pseudonym(for: "barn-3")], "missing at T2")
            try expectEqual(status.recentImports.map(\.fileName), ["t2.csv", "f1.csv"], "the last imports, newest first")
            try expectEqual(status.trivselFigures, 0, "no trivsel figures")
        },
        Check(name: "pseudonyms and derived keys are stable, distinct and never the raw id") { store, _ in
            let pseudonym = try store.pseudonym(for: "barn-1")
            try expect(pseudonym.count == 32 && pseudonym.allSatisfy(\.isHexDigit), "32 hex digits: \(pseudonym)")
            try expectEqual(try store.pseudonym(for: " barn-1 "), pseudonym, "an id is trimmed")
            try expect(try store.pseudonym(for: "barn-2") != pseudonym, "ids differ")
            let key = try store.derivedKey(purpose: "export-pseudonyms")
            try expectEqual(key.count, 32, "key length")
            try expectEqual(try store.derivedKey(purpose: "export-pseudonyms"), key, "the same purpose, the same key")
            try expect(try store.derivedKey(purpose: "other") != key, "purposes differ")
        },
    ]
}

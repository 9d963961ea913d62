import KortlaegDomain

extension ProjectStoreContract {
    static let batchChecks: [Check] = [
        Check(name: "imports lists every import with what it stored and what it holds now") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [0, 0, 0], row: 2)],
                                      rejects: [ImportReject(row: 3, line: 4, column: "pa", value: "7", reason: "expected 0, 1 or 2")],
                                      options: options())
            _ = try store.importBatch(batch("b.csv"), records: [record("barn-3", .final, [2, 2, 2], row: 1)], options: options())
            let listed = try store.imports()
            try expectEqual(listed.map(\.fileName), ["a.csv", "b.csv"], "oldest first")
            try expectEqual(listed.map { [$0.accepted, $0.rejected, $0.replaced, $0.responses, $0.unchanged, $0.trivselFigures] },
                            [[2, 1, 0, 2, 0, 0], [1, 0, 0, 1, 0, 0]], "counts")
            try expectEqual(listed.map(\.instruments), [["contract-demo@1.0.0"], ["contract-demo@1.0.0"]], "instruments")
            try expectEqual(listed.map(\.occasions), [["T1"], ["T2"]], "occasions")
            try expectEqual(listed.map(\.informants), [["parent"], ["parent"]], "informants")
            try expectEqual(listed.map(\.operator), ["contract", "contract"], "operator")
            try expectEqual(listed[0].sha256, batch("a.csv").sha256, "sha256")
            try expect(listed.allSatisfy { !$0.isRemoved && $0.removedBy == nil }, "nothing removed")
            try expect(listed[0].id != listed[1].id, "distinct ids")
        },
        Check(name: "removing an import deletes its responses and new children in one step, audited; the file can be imported again") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [0, 0, 0], row: 2)],
                                      rejects: [ImportReject(row: 3, line: 4, column: "pa", value: "7", reason: "expected 0, 1 or 2")],
                                      options: options())
            _ = try store.importBatch(batch("b.csv"), records: [record("barn-3", [2, 2, 2], row: 1)], options: options())
            let a = try store.imports()[0]

            let before = try snapshot(store)
            let planned = try store.removeImport(id: a.id, operator: "tester", dryRun: true)
            try expectEqual([planned.removedResponses, planned.removedChildren, planned.handedOver, planned.notRestored],
                            [2, 2, 0, 0], "a dry run counts")
            try expect(planned.dryRun, "dry run flag")
            try expectEqual(try snapshot(store), before, "a dry run changes nothing")

            let removal = try store.removeImport(id: a.id, operator: "tester", dryRun: false)
            try expectEqual([removal.removedResponses, removal.removedChildren, removal.handedOver, removal.notRestored],
                            [2, 2, 0, 0], "removed")
            try expectEqual(removal.batch.fileName, "a.csv", "the batch named")
            let status = try store.status(recentImports: 10)
            try expectEqual(status.childCount, 1, "children left")
            try expectEqual(status.counts, [OccasionCount(occasion: "T1", informant: "parent", children: 1)], "counts")
            try expectEqual(status.recentImports.map(\.fileName), ["b.csv"], "a removed import is not among the last imports")
            try expectEqual(try responses(store).map(\.child), [try store.pseudonym(for: "barn-3")], "responses left")
            try expect(!(try store.hasImported(sha256: batch("a.csv").sha256)), "a removed file no longer counts as imported")
            let listed = try store.imports()
            try expectEqual(listed.map(\.isRemoved), [true, false], "the batch row stays, marked removed")
            try expectEqual(listed[0].removedBy, "tester", "who removed it")
            try expectEqual(listed[0].responses, 0, "it holds nothing")
            let audit = try store.auditLog()
            try expectEqual(audit.map(\.action), [.create, .import, .import, .removeImport], "audit actions")
            try expect(audit[3].summary.contains("a.csv") && audit[3].summary.contains("2 responses"), "audit summary: \(audit[3].summary)")
            try expect(!audit[3].summary.contains("barn-") && !(audit[3].detail ?? "").contains("barn-"), "no raw id in the audit log")
            try expectEqual(audit[3].operator, "tester", "audit operator")

            let again = try imported(try store.importBatch(
                batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [0, 0, 0], row: 2)], options: options()))
            try expectEqual([again.accepted, again.newChildren, again.unchanged], [2, 2, 0], "the same file is stored again")
            try expectEqual(try store.status(recentImports: 0).childCount, 3, "children")
            try expectEqual(try store.imports().map(\.isRemoved), [true, false, false], "a new batch")
        },
        Check(name: "an unknown or already removed import is refused and nothing changes") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            let before = try snapshot(store)
            do {
                _ = try store.removeImport(id: 9_999, operator: "tester", dryRun: false)
                throw ContractFailure(description: "an unknown import was removed")
            } catch StoreError.importNotFound(let id) {
                try expectEqual(id, 9_999, "the id named")
            }
            try expectEqual(try snapshot(store), before, "nothing changed")
            let id = try store.imports()[0].id
            _ = try store.removeImport(id: id, operator: "tester", dryRun: false)
            let after = try snapshot(store)
            do {
                _ = try store.removeImport(id: id, operator: "tester", dryRun: false)
                throw ContractFailure(description: "an import was removed twice")
            } catch StoreError.importAlreadyRemoved(let removedID, let fileName, _) {
                try expectEqual([String(removedID), fileName], [String(id), "a.csv"], "the import named")
            }
            try expectEqual(try snapshot(store), after, "nothing changed")
        },
        Check(name: "a response a later file delivered unchanged stays, held by that file, when the first file is removed") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [0, 0, 0], row: 2)],
                                      options: options())
            let b = try imported(try store.importBatch(
                batch("b.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-3", [2, 2, 2], row: 2)], options: options()))
            try expectEqual([b.accepted, b.unchanged], [1, 1], "b re-delivers barn-1")
            var listed = try store.imports()
            try expectEqual(listed.map { [$0.responses, $0.unchanged] }, [[2, 0], [1, 1]], "held and re-delivered")
            let removal = try store.removeImport(id: listed[0].id, operator: "tester", dryRun: false)
            try expectEqual([removal.removedResponses, removal.handedOver, removal.removedChildren], [1, 1, 1], "removed")
            let left = try responses(store)
            try expectEqual(Set(left.map(\.child)), [try store.pseudonym(for: "barn-1"), try store.pseudonym(for: "barn-3")],
                            "barn-1 stays (b.csv delivered it too)")
            // 1 + 2 + 0 = 3: barn-1's response and score as stored.
            try expectEqual(left.first { $0.child == (try? store.pseudonym(for: "barn-1")) }?.value(of: "total"), 3, "score kept")
            listed = try store.imports()
            try expectEqual(listed.map { [$0.responses, $0.unchanged] }, [[0, 0], [2, 0]], "b.csv holds both now")
            let last = try store.removeImport(id: listed[1].id, operator: "tester", dryRun: false)
            try expectEqual([last.removedResponses, last.handedOver, last.removedChildren], [2, 0, 2], "then b goes whole")
            try expectEqual(try store.status(recentImports: 0).childCount, 0, "no children left")
        },
        Check(name: "removing the re-delivering file first leaves the first file's responses alone") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            _ = try store.importBatch(batch("b.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            let listed = try store.imports()
            let removal = try store.removeImport(id: listed[1].id, operator: "tester", dryRun: false)
            try expectEqual([removal.removedResponses, removal.handedOver, removal.removedChildren], [0, 0, 0], "b held nothing")
            try expectEqual(try responses(store).count, 1, "a's response stays")
            try expectEqual(try store.imports().map { [$0.responses, $0.unchanged] }, [[1, 0], [0, 0]], "counts")
            // The removed b.csv no longer holds a claim: removing a.csv now removes the response.
            let first = try store.removeImport(id: listed[0].id, operator: "tester", dryRun: false)
            try expectEqual([first.removedResponses, first.handedOver, first.removedChildren], [1, 0, 1], "a goes whole")
        },
        Check(name: "removing an import that replaced responses does not bring the old ones back, and says so") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            _ = try store.importBatch(batch("b.csv"), records: [record("barn-1", [2, 2, 2], row: 1)], options: options(replace: true))
            let listed = try store.imports()
            try expectEqual(listed.map { [$0.accepted, $0.replaced, $0.responses] }, [[1, 0, 0], [1, 1, 1]], "b replaced a's response")
            let removal = try store.removeImport(id: listed[1].id, operator: "tester", dryRun: false)
            try expectEqual([removal.removedResponses, removal.notRestored, removal.removedChildren], [1, 1, 1], "removed")
            try expectEqual(try responses(store).count, 0, "a's old response is not restored")
            try expect(try store.auditLog().last?.summary.contains("1 responses it replaced not restored") == true, "audit says so")
            // The way back: remove a.csv too and import it again.
            _ = try store.removeImport(id: listed[0].id, operator: "tester", dryRun: false)
            let again = try imported(try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)],
                                                           options: options()))
            try expectEqual(again.accepted, 1, "a.csv stored again")
            try expectEqual(try responses(store).map { $0.value(of: "total") }, [3], "a's answers are back")
        },
        Check(name: "removing a trivselsmåling import deletes its figures") { store, _ in
            _ = try store.importTrivselResults(batch("t.csv", profile: "trivsel-results"), results: results, rejects: [],
                                               options: trivselOptions())
            let listed = try store.imports()
            try expectEqual(listed.map(\.trivselFigures), [4], "figures held")
            let removal = try store.removeImport(id: listed[0].id, operator: "tester", dryRun: false)
            try expectEqual([removal.removedTrivselFigures, removal.removedResponses], [4, 0], "removed")
            try expectEqual(try store.trivselResults().count, 0, "no figures left")
            let again = try imported(try store.importTrivselResults(batch("t.csv", profile: "trivsel-results"), results: results,
                                                                    rejects: [], options: trivselOptions()))
            try expectEqual(again.figures, 4, "stored again")
        },
    ]
}

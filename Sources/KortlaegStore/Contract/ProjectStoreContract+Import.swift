import KortlaegDomain

extension ProjectStoreContract {
    static let importChecks: [Check] = [
        Check(name: "an import stores every record with its scores under the child's pseudonym") { store, _ in
            let outcome = try store.importBatch(
                batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [2, 2, 2], row: 2)],
                rejects: [ImportReject(row: 3, line: 4, column: "pa", value: "7", reason: "expected 0, 1 or 2")],
                options: options())
            let counts = try imported(outcome)
            try expectEqual([counts.accepted, counts.rejected, counts.newChildren, counts.replaced], [2, 1, 2, 0], "counts")
            let stored = try responses(store)
            try expectEqual(Set(stored.map(\.child)), [try store.pseudonym(for: "barn-1"), try store.pseudonym(for: "barn-2")],
                            "children")
            let first = try stored.first { $0.child == (try store.pseudonym(for: "barn-1")) }
            // 1 + 2 + 0 = 3: in 0–3, `normal`.
            try expectEqual(first?.scores, [StoredScore(id: "total", variable: "ptotal", value: 3, bands: "demo-cut=normal")],
                            "scores of barn-1")
            try expectEqual(first?.instrument, reference, "instrument")
            try expectEqual(first?.date, "2025-09-01", "date")
            try expect(try store.hasImported(sha256: batch("a.csv").sha256), "the file counts as imported")
            let summary = try store.status(recentImports: 1).recentImports.first
            try expectEqual(summary.map { [$0.accepted, $0.rejected, $0.replaced] }, [2, 1, 0], "the batch's counts")
            try expectEqual(summary?.fileName, "a.csv", "file name")
            try expectEqual(try store.auditLog().map(\.action), [.create, .import], "audit actions")
        },
        Check(name: "the same file twice changes nothing") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            let before = try snapshot(store)
            let again = try store.importBatch(batch("a.csv"), records: [record("barn-9", [0, 0, 0], row: 1)],
                                              options: options())
            guard case .alreadyImported(let name, _) = again else {
                throw ContractFailure(description: "expected alreadyImported, got \(again)")
            }
            try expectEqual(name, "a.csv", "earlier file")
            try expectEqual(try snapshot(store), before, "store contents")
        },
        Check(name: "a record another file delivered is a conflict and refuses the whole file") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            let before = try snapshot(store)
            let outcome = try store.importBatch(
                batch("b.csv"), records: [record("barn-2", [0, 0, 0], row: 1), record("barn-1", [2, 2, 2], row: 2)],
                options: options())
            let (found, counts) = try conflicts(outcome)
            try expectEqual(found, [ImportConflict(row: 2, pseudonym: try store.pseudonym(for: "barn-1"), occasion: "T1",
                                                   informant: "parent", instrument: "contract-demo", existingFile: "a.csv")],
                            "conflicts")
            try expectEqual(counts.accepted, 1, "records that were fine")
            try expectEqual(try snapshot(store), before, "store contents")
            try expect(!(try store.hasImported(sha256: batch("b.csv").sha256)), "a refused file is not imported")
        },
        Check(name: "a corrected re-delivery: identical responses are unchanged, only changed ones are conflicts") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [0, 0, 0], row: 2)],
                                      options: options())
            let before = try snapshot(store)
            let same = try imported(try store.importBatch(
                batch("a-igen.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-3", [2, 2, 2], row: 2)],
                options: options()))
            try expectEqual([same.accepted, same.unchanged, same.replaced, same.newChildren], [1, 1, 0, 1], "counts")
            try expectEqual(try responses(store).count, 3, "the new child's response is stored, the old ones stay")
            let corrected = try store.importBatch(
                batch("a-rettet.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [1, 0, 0], row: 2)],
                options: options())
            let (found, counts) = try conflicts(corrected)
            try expectEqual(found.map(\.row), [2], "only the changed response is a conflict")
            try expectEqual(counts.unchanged, 1, "the identical one is unchanged")
            _ = before
        },
        Check(name: "replace stores the new response and keeps the old one in the audit log") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)], options: options())
            let counts = try imported(try store.importBatch(batch("b.csv"), records: [record("barn-1", [2, 2, 2], row: 1)],
                                                            options: options(replace: true)))
            try expectEqual([counts.accepted, counts.replaced, counts.newChildren], [1, 1, 0], "counts")
            let stored = try responses(store)
            // 2 + 2 + 2 = 6: above 3, `raised`.
            try expectEqual(stored.map { $0.value(of: "total") }, [6], "the new response only")
            try expectEqual(stored.first?.scores.first?.bands, "demo-cut=raised", "bands")
            let audit = try store.auditLog()
            try expectEqual(audit.map(\.action), [.create, .import, .replace, .import], "audit actions")
            let detail = audit[2].detail ?? ""
            try expect(detail.contains("\"file\":\"a.csv\"") && detail.contains("\"a\":1") && detail.contains("\"b\":2")
                       && detail.contains("\"scores\":{\"ptotal\":3.0}")
                       && detail.contains("\"instrument\":\"contract-demo@1.0.0\""),
                       "the replaced answers, scores and file are in the audit detail: \(detail)")
            try expect(!audit[2].summary.contains("barn-1"), "the raw id is never in the audit log")
            try expectEqual(try store.status(recentImports: 1).recentImports.first?.replaced, 1, "the batch counts the replacement")
        },
        Check(name: "a record repeated in one file is rejected and the first is kept") { store, _ in
            let counts = try imported(try store.importBatch(
                batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1), record("barn-1", [2, 2, 2], row: 2)],
                options: options()))
            try expectEqual([counts.accepted, counts.rejected], [1, 1], "counts")
            try expectEqual(try responses(store).map { $0.value(of: "total") }, [3], "the first record's score")
        },
        Check(name: "a dry run counts everything and stores nothing") { store, _ in
            let before = try snapshot(store)
            let counts = try imported(try store.importBatch(batch("a.csv"), records: [record("barn-1", [1, 2, 0], row: 1)],
                                                            options: options(dryRun: true)))
            try expect(counts.accepted == 1 && counts.newChildren == 1 && counts.dryRun, "counts: \(counts)")
            try expectEqual(try snapshot(store), before, "store contents")
            try expect(!(try store.hasImported(sha256: batch("a.csv").sha256)), "a dry run imports nothing")
        },
        Check(name: "an error while reading rolls the whole file back") { store, _ in
            struct ReadFailure: Error {}
            let before = try snapshot(store)
            do {
                _ = try store.importFile(batch("a.csv"), options: options()) { sink in
                    try sink.add(record("barn-1", [1, 2, 0], row: 1))
                    throw ReadFailure()
                }
                throw ContractFailure(description: "the reader's error was not passed on")
            } catch is ReadFailure {}
            try expectEqual(try snapshot(store), before, "store contents")
            try expect(!(try store.hasImported(sha256: batch("a.csv").sha256)), "nothing imported")
        },
        Check(name: "an empty child id and an unknown instrument") { store, _ in
            let counts = try imported(try store.importBatch(batch("a.csv"), records: [record("  ", [1, 1, 1], row: 1)],
                                                            options: options()))
            try expectEqual([counts.accepted, counts.rejected], [0, 1], "an empty id is a reject")
            var unknown = record("barn-1", [1, 1, 1], row: 1)
            unknown.response.instrument = InstrumentReference(id: "contract-demo", version: "9.9.9")
            do {
                _ = try store.importBatch(batch("b.csv"), records: [unknown], options: options())
                throw ContractFailure(description: "an unknown instrument version was accepted")
            } catch let error as StoreError {
                guard case .unknownInstrument(let reference, _) = error else { throw error }
                try expectEqual(reference, "contract-demo@9.9.9", "the instrument named")
            }
            try expect(!(try store.hasImported(sha256: batch("b.csv").sha256)), "nothing of the failed file is stored")
        },
        Check(name: "attributes fill in and update the child's class, school and birth data") { store, _ in
            _ = try store.importBatch(batch("a.csv"), records: [
                record("barn-1", [1, 2, 0], row: 1, attributes: ChildAttributes(className: "4.b", school: "Vestskolen",
                                                                               birthYear: 2015)),
            ], options: options())
            _ = try store.importBatch(batch("b.csv"), records: [
                record("barn-1", .final, [0, 0, 0], row: 1, attributes: ChildAttributes(birthMonth: 3, sex: "f")),
            ], options: options())
            let stored = try responses(store)
            try expectEqual(stored.map(\.attributes), Array(repeating: ChildAttributes(className: "4.b", school: "Vestskolen",
                                                                                      birthYear: 2015, birthMonth: 3, sex: "f"),
                                                            count: 2), "attributes")
            try expectEqual(try store.status(recentImports: 0).childCount, 1, "one child")
        },
        Check(name: "CPR numbers and CPR-shaped reject values never reach the stored bytes") { store, backend in
            let cpr = "010203-1234"
            let counts = try imported(try store.importBatch(
                batch("a.csv"), records: [record(cpr, [1, 2, 0], row: 1), record("0102031234", [1, 1, 1], row: 2)],
                rejects: [ImportReject(row: 3, line: 4, column: "pa", value: "x 020304-5678", reason: "expected 0, 1 or 2")],
                options: options()))
            // The same CPR number with and without the dash is the same child: the second is a repeat.
            try expectEqual([counts.accepted, counts.rejected, counts.newChildren], [1, 2, 1], "counts")
            try expectEqual(try store.pseudonym(for: cpr), try store.pseudonym(for: "0102031234"), "pseudonyms")
            guard let storedBytes = backend.storedBytes else { return }
            let bytes = try storedBytes(store)
            for needle in ["0102031234", cpr, "0203045678", "020304-5678"] {
                try expect(!contains(bytes, needle), "\(backend.name) keeps a CPR number in its bytes")
            }
            try expect(CPRNumber.firstMatch(in: Self.maskingHexRuns(bytes)) == nil,
                       "\(backend.name) keeps a CPR-shaped run outside hex checksums")
        },
    ]

    /// `bytes` with runs of 32 or more hex digits (checksums, pseudonyms, keys as hex) masked.
    static func maskingHexRuns(_ bytes: [UInt8]) -> [UInt8] {
        Array(AuditText.maskingHexRuns(String(decoding: bytes, as: UTF8.self)).utf8)
    }
}

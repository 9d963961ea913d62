import KortlaegDomain

extension ProjectStoreContract {
    /// Site tags (issue 14): the site is part of the child's identity and is stored with it.
    static let siteChecks: [Check] = [
        Check(name: "the same id at two sites is two children; the site is stored and read back") { store, _ in
            let counts = try imported(store.importBatch(batch("sites-t1.csv"), records: [
                record("elev-0001", [1, 1, 1], row: 1, attributes: ChildAttributes(site: "Aarhus")),
                record("elev-0001", [2, 2, 2], row: 2, attributes: ChildAttributes(site: "Odense")),
                record("elev-0001", [0, 0, 0], row: 3),
            ], options: options()))
            try expectEqual(counts.accepted, 3, "three responses: no in-file duplicate across sites")
            try expectEqual(counts.newChildren, 3, "three children")
            let stored = try responses(store)
            try expectEqual(Set(stored.map(\.child)).count, 3, "three pseudonyms")
            let bySite = Dictionary(uniqueKeysWithValues: stored.map { ($0.attributes.site ?? "-", $0.value(of: "total")) })
            try expectEqual(bySite, ["Aarhus": 3, "Odense": 6, "-": 0], "each site's child keeps its own scores")
            try expect(stored.allSatisfy { !$0.child.contains("elev") }, "no raw id is stored")

            // T2 from another file, the site written otherwise: the same children.
            let later = try imported(store.importBatch(batch("sites-t2.csv"), records: [
                record("elev-0001", .final, [0, 1, 0], row: 1, attributes: ChildAttributes(site: " aarhus ")),
                record("elev-0001", .final, [1, 1, 0], row: 2, attributes: ChildAttributes(site: "ODENSE")),
            ], options: options()))
            try expectEqual(later.newChildren, 0, "the site is compared without case and spaces")
            let aarhus = try responses(store).filter { $0.attributes.site == "Aarhus" }
            try expectEqual(aarhus.map(\.occasion), [.initial, .final], "the Aarhus child at T1 and T2, the site as first written")
            try expectEqual(Set(aarhus.map(\.child)).count, 1, "one pseudonym")
        },
        Check(name: "a site that cannot be a tag is a reject naming the site column") { store, _ in
            var refused: [ImportReject?] = []
            let counts = try imported(store.importFile(batch("bad-site.csv"), options: options()) { sink in
                refused.append(try sink.add(record("elev-0002", [1, 1, 1], row: 1, attributes: ChildAttributes(site: "Aarhus:Nord"))))
                refused.append(try sink.add(record("elev-0003", [1, 1, 1], row: 2, attributes: ChildAttributes(site: "Odense"))))
            })
            try expectEqual(counts.accepted, 1, "the good record is stored")
            try expectEqual(counts.rejected, 1, "the bad one is rejected")
            try expectEqual(refused.map { $0?.column }, ["(site)", nil], "the reject names the site")
            try expect(refused[0]?.reason.contains("may not contain ':'") == true, "the reason says why: \(String(describing: refused[0]))")
            try expect(refused[0]?.value == nil, "the value is not repeated")
        },
    ]
}

import KortlaegDomain
import Testing
@testable import KortlaegStore

/// The response import rules against a fake backend (no database): what is stored, refused,
/// replaced and audited is decided in KortlaegStore, whatever the backend.
struct ResponseImportTests {
    let store = FakeImportStore()
    let pseudonymizer = Pseudonymizer(key: Pseudonymizer.makeKey())

    func run(_ name: String, _ records: [StoredResponseInput], rejects: [ImportReject] = [], replace: Bool = false,
             dryRun: Bool = false, profile: String? = nil) throws -> ImportOutcome {
        try ResponseImport.importFile(ProjectStoreContract.batch(name), options: ProjectStoreContract.options(replace: replace, dryRun: dryRun),
                                      pseudonymizer: pseudonymizer, store: store) { sink in
            if let profile { sink.useProfile(profile) }
            for record in records { try sink.add(record) }
            for reject in rejects { try sink.reject(reject) }
        }
    }

    func record(_ child: String, _ answers: [Int], row: Int, date: String? = "2025-09-01",
                attributes: ChildAttributes = ChildAttributes()) -> StoredResponseInput {
        record(child, .initial, answers, row: row, date: date, attributes: attributes)
    }

    func record(_ child: String, _ occasion: Occasion, _ answers: [Int], row: Int, date: String? = "2025-09-01",
                attributes: ChildAttributes = ChildAttributes()) -> StoredResponseInput {
        var input = ProjectStoreContract.record(child, occasion, answers, row: row, attributes: attributes)
        input.date = date
        return input
    }

    @Test func storesResponsesWithScoresBatchCountsAndOneAuditEntry() throws {
        let outcome = try run("dir/a.csv", [record("barn-1", [1, 2, 0], row: 1), record("barn-2", [2, 2, 2], row: 2)],
                              rejects: [ImportReject(row: 3, line: 4, column: "pa", value: "7", reason: "expected 0, 1 or 2")],
                              profile: "chosen-profile")
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 2 && counts.rejected == 1 && counts.newChildren == 2 && !counts.dryRun)
        let rows = store.rows
        #expect(store.transactions == [true])
        let batch = try #require(rows.batches.values.first)
        #expect(batch.row.fileName == "a.csv", "the last path component is stored")
        #expect(batch.profile == "chosen-profile" && batch.accepted == 2 && batch.rejected == 1 && batch.replaced == 0)
        // 1 + 2 + 0 = 3 (normal, 0–3); 2 + 2 + 2 = 6 (raised, above 3).
        let scores = rows.responses.values.sorted { $0.row.childID < $1.row.childID }.map(\.scores)
        #expect(scores == [[ComputedScore(id: "total", variable: "ptotal", value: 3, bands: "demo-cut=normal")],
                           [ComputedScore(id: "total", variable: "ptotal", value: 6, bands: "demo-cut=raised")]])
        #expect(Set(rows.children.values.map(\.pseudonym)) == [pseudonymizer.pseudonym(for: "barn-1")!,
                                                                pseudonymizer.pseudonym(for: "barn-2")!])
        #expect(rows.scorings.values.map(\.bandTables) == ["demo-cut (contract)"] && rows.scorings.values.first?.ruleChoices == "{}")
        #expect(rows.audit.map(\.action) == [.import])
        let sha = ProjectStoreContract.batch("dir/a.csv").sha256
        #expect(rows.audit[0].summary == "imported a.csv (sha256 \(sha.prefix(12))…): 2 accepted, 1 rejected")
    }

    @Test func theSameFileAgainOpensNoTransaction() throws {
        _ = try run("a.csv", [record("barn-1", [1, 2, 0], row: 1)])
        let outcome = try run("a.csv", [record("barn-9", [0, 0, 0], row: 1)])
        guard case .alreadyImported(let name, _) = outcome else { Issue.record("\(outcome)"); return }
        #expect(name == "a.csv" && store.transactions == [true] && store.rows.responses.count == 1)
    }

    @Test func aConflictRollsTheWholeFileBack() throws {
        _ = try run("a.csv", [record("barn-1", [1, 2, 0], row: 1)])
        let before = store.rows.responses
        let outcome = try run("b.csv", [record("barn-2", [0, 0, 0], row: 1), record("barn-1", [2, 2, 2], row: 7)])
        guard case let .conflicts(conflicts, counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(conflicts == [ImportConflict(row: 7, pseudonym: pseudonymizer.pseudonym(for: "barn-1")!, occasion: "T1",
                                             informant: "parent", instrument: "contract-demo", existingFile: "a.csv")])
        #expect(counts.accepted == 1)
        #expect(store.transactions == [true, false] && store.rows.responses == before && store.rows.batches.count == 1)
    }

    /// A file whose every row conflicts lists the first ``ResponseImport/keptConflicts`` and counts
    /// them all: memory stays bounded whatever the file's size.
    @Test func conflictsAreCountedAllButListedUpToTheLimit() throws {
        let limit = ResponseImport<FakeImportBackend>.keptConflicts
        let children = (0...limit + 4).map { "barn-\($0)" }
        _ = try run("a.csv", children.enumerated().map { record($1, [1, 2, 0], row: $0 + 1) })
        let outcome = try run("b.csv", children.enumerated().map { record($1, [2, 2, 2], row: $0 + 1) })
        guard case let .conflicts(conflicts, counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(conflicts.count == limit && counts.conflicts == limit + 5 && counts.accepted == 0)
        #expect(conflicts.first?.row == 1 && conflicts.last?.row == limit, "the first ones, in file order")
    }

    @Test func replaceAuditsTheOldResponseThenDeletesIt() throws {
        _ = try run("a.csv", [record("barn-1", [1, 2, 0], row: 1)])
        let outcome = try run("b.csv", [record("barn-1", [2, 2, 2], row: 4, date: nil)], replace: true)
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 1 && counts.replaced == 1 && counts.newChildren == 0)
        #expect(store.rows.responses.values.map { $0.scores[0].value } == [6])
        let pseudonym = pseudonymizer.pseudonym(for: "barn-1")!
        let audit = store.rows.audit
        #expect(audit.map(\.action) == [.import, .replace, .import])
        #expect(audit[1].summary == "replaced contract-demo T1 parent response of child \(pseudonym.prefix(12)) (from a.csv, row 4)")
        #expect(audit[1].detail == """
            {"pseudonym":"\(pseudonym)","occasion":"T1","informant":"parent","instrument":"contract-demo@1.0.0",\
            "date":"2025-09-01","file":"a.csv","answers":{"c":{"a":1,"b":2,"c":0}},"scores":{"ptotal":3.0}}
            """)
        #expect(audit[1].batchID == audit[2].batchID && audit[1].operator == "contract")
        #expect(store.rows.batches.values.first { $0.row.fileName == "b.csv" }?.replaced == 1)
        #expect(audit[2].summary.hasSuffix(": 1 accepted, 0 rejected, 1 replaced"))
    }

    @Test func aRepeatInTheFileKeepsTheFirst() throws {
        let outcome = try run("a.csv", [record("barn-1", [1, 2, 0], row: 1), record("barn-1", [2, 2, 2], row: 2)])
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 1 && counts.rejected == 1)
        #expect(store.rows.responses.values.map { $0.scores[0].value } == [3])
        #expect(store.rows.rejects.map(\.reject) == [ImportReject(
            row: 2, line: 2, column: "(row)", value: nil,
            reason: "the same child, occasion (T1), informant and instrument appear earlier in this file; only the first is kept")])
    }

    @Test func aDryRunCountsButKeepsNothing() throws {
        let outcome = try run("a.csv", [record("barn-1", [1, 2, 0], row: 1)], dryRun: true)
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 1 && counts.newChildren == 1 && counts.dryRun)
        #expect(store.transactions == [false] && store.rows.batches.isEmpty && store.rows.audit.isEmpty)
    }

    @Test(arguments: [("010203-1234", nil), ("x 0102031234 y", nil), ("7", "7"), ("12345", "12345")] as [(String, String?)])
    func rejectsNeverKeepACPRShapedValue(value: String, kept: String?) throws {
        _ = try run("a.csv", [], rejects: [ImportReject(row: 1, line: 2, column: "pa", value: value, reason: "x")])
        #expect(store.rows.rejects.map(\.reject.value) == [kept])
    }

    @Test func anEmptyChildIDIsAReject() throws {
        let outcome = try run("a.csv", [record(" ", [1, 1, 1], row: 3)])
        guard case let .imported(counts) = outcome else { Issue.record("\(outcome)"); return }
        #expect(counts.accepted == 0 && counts.rejected == 1 && store.rows.children.isEmpty)
        #expect(store.rows.rejects.first?.reject.column == "(id)")
    }

    @Test func anOccasionKeepsTheFirstDateGiven() throws {
        _ = try run("a.csv", [record("barn-1", [1, 1, 1], row: 1, date: nil)])
        #expect(store.rows.occasions.values.map(\.date) == [nil])
        _ = try run("b.csv", [record("barn-2", [1, 1, 1], row: 1, date: "2025-10-01")])
        _ = try run("c.csv", [record("barn-3", [1, 1, 1], row: 1, date: "2025-11-01")])
        #expect(store.rows.occasions.values.map(\.date) == ["2025-10-01"])
        #expect(store.rows.occasions.values.map(\.sequence) == [0])
    }

    @Test func attributesFillInAndUpdateTheChild() throws {
        _ = try run("a.csv", [record("barn-1", [1, 1, 1], row: 1,
                                     attributes: ChildAttributes(className: " 4.b ", school: "Vestskolen", birthYear: 2015))])
        _ = try run("b.csv", [record("barn-1", .final, [1, 1, 1], row: 1, attributes: ChildAttributes(birthMonth: 3, sex: "f")),
                              record("barn-2", .final, [1, 1, 1], row: 2, attributes: ChildAttributes(className: "4.b"))])
        let rows = store.rows
        #expect(rows.schools.values.sorted() == ["Vestskolen"])
        let classes = rows.classes.values.map { "\($0.schoolID.flatMap { rows.schools[$0] } ?? "-") \($0.name)" }.sorted()
        #expect(classes == ["- 4.b", "Vestskolen 4.b"], "a class at no school is another class")
        let child = try #require(rows.children.values.first { $0.pseudonym == pseudonymizer.pseudonym(for: "barn-1") })
        #expect(child.birthYear == 2015 && child.birthMonth == 3 && child.sex == "f")
        #expect(child.classID.flatMap { rows.classes[$0]?.schoolID }.flatMap { rows.schools[$0] } == "Vestskolen")
    }

    @Test func oneScoringRowPerInstrumentAndRuleSet() throws {
        _ = try run("a.csv", [record("barn-1", [1, 1, 1], row: 1), record("barn-2", [1, 1, 1], row: 2)])
        _ = try run("b.csv", [record("barn-3", [1, 1, 1], row: 1)])
        #expect(store.rows.scorings.count == 1)
        #expect(Set(store.rows.responses.values.map(\.row.scoringID)).count == 1)
    }

    @Test func anUnknownInstrumentFailsTheFile() throws {
        var input = record("barn-1", [1, 1, 1], row: 1)
        input.response.instrument = InstrumentReference(id: "contract-demo", version: "2.0.0")
        #expect(performing: { try run("a.csv", [input]) }, throws: { error in
            guard case StoreError.unknownInstrument(let reference, _)? = error as? StoreError else { return false }
            return reference == "contract-demo@2.0.0"
        })
        #expect(store.rows.batches.isEmpty)
    }
}

/// An import prepares each record on its reading thread (pseudonym, CPR masking, scores, stored
/// answers) and stores it on another: the prepared values must be exactly what the store would
/// work out itself, from any thread.
struct ResponsePreparerTests {
    let pseudonymizer = Pseudonymizer(key: Pseudonymizer.makeKey())

    private func preparer() -> ResponsePreparer {
        let options = ProjectStoreContract.options()
        return ResponsePreparer(pseudonymizer: pseudonymizer, instruments: options.instruments, scoring: options.scoring)
    }

    @Test func preparedValuesAreTheStoresOwn() throws {
        var input = ProjectStoreContract.record("barn-7", [2, 1, 0], row: 4, attributes: ChildAttributes(site: "Aarhus"))
        input.response.answers["note"] = .text("ring 010203-1234 i morgen")
        input.missingReasons = ["c": "refused"]
        let preparer = preparer()
        let prepared = preparer.prepare(input)
        let rest = try #require(prepared.rest)

        #expect(rest.pseudonym == pseudonymizer.pseudonym(for: "barn-7", site: "Aarhus"))
        // The CPR-shaped number is masked before anything is scored or encoded.
        var masked = input.response.answers
        masked["note"] = .text(CPRGuard.masked("ring 010203-1234 i morgen"))
        #expect(prepared.answers == masked)
        #expect(!rest.encodedAnswers.contains("010203-1234"))
        #expect(rest.encodedAnswers == AnswerCoding.encode(masked, missingReasons: ["c": "refused"]))
        let context = try ScoringContext(instrument: ProjectStoreContract.instrument, options: ScoringOptions())
        var response = input.response
        response.answers = masked
        #expect(rest.scores == context.score(response))
        #expect(rest.scores?.first?.value == 3, "2 + 1 + 0")
        #expect(rest.encodedScores == ScoreCoding.encode(context.score(response)))

        // Left to the storing thread, the same work gives the same values (and the answers are
        // masked either way).
        let deferred = preparer.prepare(input, complete: false)
        #expect(deferred.rest == nil)
        #expect(deferred.answers == masked)
        #expect(preparer.completed(deferred) == rest)
        #expect(preparer.completed(prepared) == rest)
    }

    @Test func anEmptyIdAndAnUnknownInstrumentAreLeftToTheStore() {
        var input = ProjectStoreContract.record("  ", [1, 1, 1], row: 1)
        input.response.instrument = InstrumentReference(id: "no-such", version: "9.9.9")
        let prepared = preparer().prepare(input)
        #expect(prepared.rest?.pseudonym == nil && prepared.rest?.scores == nil && prepared.rest != nil)
    }

    @Test func twoThreadsGetTheSameAsOne() async {
        let preparer = preparer()
        let inputs = (0..<400).map { ProjectStoreContract.record("barn-\($0)", [$0 % 3, ($0 / 3) % 3, 1], row: $0 + 1) }
        let alone = inputs.map { preparer.prepare($0).rest?.scores }
        let shared = preparer
        async let even = inputs.enumerated().filter { $0.offset % 2 == 0 }.map { shared.prepare($0.element).rest?.scores }
        async let odd = inputs.enumerated().filter { $0.offset % 2 == 1 }.map { shared.prepare($0.element, complete: false) }.map { shared.completed($0).scores }
        let (evens, odds) = await (even, odd)
        #expect(evens == alone.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
        #expect(odds == alone.enumerated().filter { $0.offset % 2 == 1 }.map(\.element))
    }
}

import Foundation
import KortlaegDomain

/// The behaviours every ``ProjectStore`` backend must show, as one suite that any backend's tests
/// run against their own factory (FluentKit's `FluentBenchmark` does the same for its drivers).
///
/// A backend is done when every check passes on it:
///
/// ```swift
/// @Test(arguments: ProjectStoreContract.checks)
/// func contract(_ check: ProjectStoreContract.Check) throws {
///     try check.run(on: ProjectStoreContract.Backend(name: "SQLite") { try SQLiteProjectStore.inMemory() })
/// }
/// ```
///
/// The checks go through the protocol only (what a front end sees), with a small instrument of
/// their own so that every expected score is computed by hand below, and never depend on the
/// instrument files. Backend-specific behaviour (schema migrations, file handling) is tested
/// beside each backend.
package enum ProjectStoreContract {
    /// How the suite gets stores of one backend.
    package struct Backend: Sendable {
        /// The backend's name, for messages.
        package var name: String
        /// A fresh, empty project store.
        package var makeStore: @Sendable () throws -> any ProjectStore
        /// Every byte the backend keeps for `store` (its files, or a dump), for the CPR scan; nil
        /// when the backend cannot tell (the scan is then skipped).
        package var storedBytes: (@Sendable (any ProjectStore) throws -> [UInt8])?

        package init(name: String, storedBytes: (@Sendable (any ProjectStore) throws -> [UInt8])? = nil,
                     makeStore: @escaping @Sendable () throws -> any ProjectStore) {
            self.name = name
            self.makeStore = makeStore
            self.storedBytes = storedBytes
        }
    }

    /// One behaviour, run on a fresh store.
    package struct Check: Sendable, CustomStringConvertible {
        /// What the behaviour is, in words.
        package let name: String
        let body: @Sendable (any ProjectStore, Backend) throws -> Void

        /// Runs the check on a fresh store of `backend`.
        /// - Throws: ``ContractFailure`` when the store behaves otherwise, or the store's error.
        package func run(on backend: Backend) throws {
            try body(try backend.makeStore(), backend)
        }

        package var description: String { name }
    }

    /// A behaviour the store did not show.
    package struct ContractFailure: Error, CustomStringConvertible {
        package var description: String
    }

    /// Every check, in a stable order.
    package static let checks: [Check] = importChecks + readingChecks + auditChecks + rescoreChecks + trivselChecks
        + batchChecks + missingReasonChecks + siteChecks
}

// MARK: - Fixtures

extension ProjectStoreContract {
    /// The suite's own instrument: three items coded 0–2, one sum score `total` (`ptotal`, at least
    /// two items answered) and one band table `demo-cut` (0–3 `normal`, above 3 `raised`).
    static let instrument: Instrument = makeInstrument(items: ["a", "b", "c"])

    static let reference = InstrumentReference(id: "contract-demo", version: "1.0.0")

    static func makeInstrument(items: [String]) -> Instrument {
        let json = """
            {"format": 1, "id": "contract-demo", "version": "1.0.0", "family": "contract",
             "title": {"en": "Contract instrument"}, "informant": "parent",
             "answerScales": [{"id": "z3", "kind": "ordinal", "codes": [
               {"code": 0, "label": {"en": "No"}}, {"code": 1, "label": {"en": "Somewhat"}}, {"code": 2, "label": {"en": "Yes"}}]}],
             "items": [
               {"id": "a", "variable": "pa", "label": {"en": "A"}, "answerScale": "z3"},
               {"id": "b", "variable": "pb", "label": {"en": "B"}, "answerScale": "z3"},
               {"id": "c", "variable": "pc", "label": {"en": "C"}, "answerScale": "z3"},
               {"id": "note", "variable": "pnote", "label": {"en": "Note"}, "answerScale": "z3"}],
             "scales": [{"id": "total", "variable": "ptotal", "label": {"en": "Total"},
               "items": [\(items.map { "\"\($0)\"" }.joined(separator: ", "))], "method": "sum",
               "missing": {"minimumAnswered": 2}, "range": {"minimum": 0, "maximum": 6, "integer": true},
               "direction": "lowerIsBetter"}],
             "bandLabels": [{"id": "normal", "label": {"en": "Normal"}}, {"id": "raised", "label": {"en": "Raised"}}],
             "bandTables": [{"id": "demo-cut", "columnSuffix": "band", "normSet": "contract", "label": {"en": "Cut"},
               "source": "the contract suite", "scores": {"total": {"verified": true, "bands": [
                 {"minimum": 0, "maximum": 3, "label": "normal", "level": 0},
                 {"minimum": 3, "maximum": 6, "minimumExclusive": true, "label": "raised", "level": 1}]}}}],
             "provenance": {"publisher": "Kortlæg", "sources": ["the contract suite"], "licence": "none"}}
            """
        return try! JSONDecoder().decode(Instrument.self, from: Data(json.utf8))
    }

    static var catalog: InstrumentCatalog { try! InstrumentCatalog(instruments: [instrument]) }

    static func options(replace: Bool = false, dryRun: Bool = false) -> ImportOptions {
        ImportOptions(instruments: catalog, replace: replace, dryRun: dryRun, operator: "contract")
    }

    /// A parent response of `child` with items a, b, c answered `answers`.
    static func record(_ child: String, _ answers: [Int], row: Int, attributes: ChildAttributes = ChildAttributes(),
                       text: String? = nil) -> StoredResponseInput {
        record(child, .initial, answers, row: row, attributes: attributes, text: text)
    }

    /// A parent response of `child` at `occasion` with items a, b, c answered `answers`.
    static func record(_ child: String, _ occasion: Occasion, _ answers: [Int], row: Int,
                       attributes: ChildAttributes = ChildAttributes(), text: String? = nil) -> StoredResponseInput {
        var values: [String: AnswerValue] = [:]
        for (item, code) in zip(["a", "b", "c"], answers) { values[item] = .code(code) }
        if let text { values["note"] = .text(text) }
        return StoredResponseInput(childKey: child, occasion: occasion, informant: .parent, date: "2025-09-01",
                                   attributes: attributes, response: Response(instrument: reference, answers: values),
                                   row: row)
    }

    /// A batch whose SHA-256 is derived from its name (64 hex digits).
    static func batch(_ name: String, profile: String = "contract") -> ImportBatch {
        let hex = name.utf8.map { String(format: "%02x", $0) }.joined()
        return ImportBatch(fileName: name, sha256: String(repeating: "0", count: max(0, 64 - hex.count)) + hex, profile: profile)
    }

    /// Everything a front end can read from the store, as text: equal texts mean nothing changed.
    static func snapshot(_ store: any ProjectStore) throws -> String {
        var parts = ["\(try store.status(recentImports: 1000))"]
        try store.responses(ResponseQuery()) { parts.append(describe($0)) }
        parts.append("\(try store.auditLog())")
        parts += try store.trivselResults().map(describe)
        return parts.joined(separator: "\n")
    }

    /// A response as text, dictionaries in key order.
    static func describe(_ response: StoredResponse) -> String {
        let answers = response.answers.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let choices = response.ruleChoices.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        let reasons = response.missingReasons.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(response.child) \(response.attributes) \(response.occasion) \(response.date ?? "-") \(response.informant) "
            + "\(response.instrument) \(answers) \(reasons) \(response.scores) \(choices) \(response.includeUnverified)"
    }

    /// A trivsel result as text, dictionaries in key order.
    static func describe(_ result: TrivselResult) -> String {
        let figures = result.figures.sorted { $0.key.rawValue < $1.key.rawValue }.map { indicator, figure in
            let shares = figure.highestWellBeing.sorted { $0.key.threshold < $1.key.threshold }.map { "\($0.key)=\($0.value)" }
            return "\(indicator)=\(figure.mean.map { "\($0)" } ?? "-")/\(figure.pupils.map { "\($0)" } ?? "-")/\(shares)"
        }
        return "\(result.school ?? "-") \(result.grade ?? "-") \(result.schoolYear.map { "\($0)" } ?? "-") \(result.location) \(figures)"
    }

    static func responses(_ store: any ProjectStore, _ query: ResponseQuery = ResponseQuery()) throws -> [StoredResponse] {
        var all: [StoredResponse] = []
        try store.responses(query) { all.append($0) }
        return all
    }

    // MARK: Expectations

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) throws {
        guard condition else { throw ContractFailure(description: "line \(line): \(message())") }
    }

    static func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String, line: UInt = #line) throws {
        guard actual == expected else {
            throw ContractFailure(description: "line \(line): \(what): got \(actual), expected \(expected)")
        }
    }

    static func imported<Counts, Conflict>(_ outcome: BatchOutcome<Counts, Conflict>, line: UInt = #line) throws -> Counts {
        guard case let .imported(counts) = outcome else {
            throw ContractFailure(description: "line \(line): expected the file to be imported, got \(outcome)")
        }
        return counts
    }

    static func conflicts<Counts, Conflict>(_ outcome: BatchOutcome<Counts, Conflict>,
                                            line: UInt = #line) throws -> ([Conflict], Counts) {
        guard case let .conflicts(conflicts, counts) = outcome else {
            throw ContractFailure(description: "line \(line): expected conflicts, got \(outcome)")
        }
        return (conflicts, counts)
    }

    /// Whether `bytes` hold `needle`.
    static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) where bytes[start] == pattern[0] {
            if Array(bytes[start..<(start + pattern.count)]) == pattern { return true }
        }
        return false
    }
}

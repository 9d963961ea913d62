import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegStore
import KortlaegStoreSQLite
import KortlaegTestSupport
@testable import KortlaegProject

/// A small project filled through the library, with CPR-shaped raw ids on purpose.
///
/// Scores by hand, following youthinmind's "Scoring the SDQ for age 4-17" (sdqinfo.org): a scale
/// is the sum of its five items (0/1/2; `obeys`, `friend`, `popular`, `reflect`, `attends`
/// reversed 2/1/0); total difficulties = emotion + conduct + hyper + peer; impact = 0 when
/// `ebddiff` = 0. Every item 1: every scale 5 (a reversed 1 is 2 − 1 = 1), total 20. Every item
/// 0: emotion 0, conduct 2, hyper 4, peer 4, prosocial 0, total 10. Bands: the instrument file's
/// `uk-3band` (parent emotion 0–3 normal, 4 borderline, 5–10 abnormal; prosocial 6–10 normal,
/// 5 borderline, 0–4 abnormal; total 0–13, 14–16, 17–40) and `uk-4band` (parent emotion 5–6
/// high, total 20–40 very high, prosocial 0–5 very low).
enum ReportFixture {
    /// Parent T1 every item 1, parent T2 every item 0, teacher T1 every item 0, trivsel and goals.
    static let childA = "010190-1234"
    /// Classmates: parent T1 every item 1 (class 4.b, so the class has five children at T1).
    static let classmates = ["0202911235", "030392-1236", "040493-1237", "050594-1238"]
    static let firstGoal = "Deltage i matematik"
    static let revisedGoal = "Række hånden op i matematik"

    static let parent = InstrumentReference(id: "sdq-p4-17", version: "1.0.0")
    static let teacher = InstrumentReference(id: "sdq-t4-17", version: "1.0.0")
    static let sdqItems = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
                           "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
                           "reflect", "steals", "oldbest", "afraid", "attends"]

    static func uniform(_ code: Int) -> [String: AnswerValue] {
        var answers = Dictionary(uniqueKeysWithValues: sdqItems.map { ($0, AnswerValue.code(code)) })
        answers["ebddiff"] = .code(0)
        return answers
    }

    static func record(_ id: String, _ occasion: Occasion, _ instrument: InstrumentReference, _ informant: Informant,
                       _ answers: [String: AnswerValue], row: Int) -> StoredResponseInput {
        StoredResponseInput(childKey: id, occasion: occasion, informant: informant,
                            attributes: ChildAttributes(className: "4.b", school: "Aabybro Skole"),
                            response: Response(instrument: instrument, answers: answers), row: row)
    }

    /// Creates `folder/p.kortlaeg` and returns its path.
    static func create(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("p.kortlaeg").path
        let store = try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Jammerbugt", interventionModel: "TIIS"),
                                                  operator: "tester")
        let options = ImportOptions(instruments: repositoryInstruments, operator: "tester")
        let goals = InstrumentReference(id: "kv-maal", version: "0.1.0")
        let files: [(String, [StoredResponseInput])] = [
            ("parent-T1.csv", [record(childA, .initial, parent, .parent, uniform(1), row: 1)]
                + classmates.enumerated().map { record($0.element, .initial, parent, .parent, uniform(1), row: $0.offset + 2) }),
            ("parent-T2.csv", [record(childA, .final, parent, .parent, uniform(0), row: 1)]),
            ("teacher-T1.csv", [record(childA, .initial, teacher, .teacher, uniform(0), row: 1)]),
            ("trivsel-T1.csv", [record(childA, .initial, InstrumentReference(id: "trivsel-udvalgte", version: "1.0.0"), .child,
                                       ["glad_skole": .code(4), "ensom": .code(2)], row: 1)]),
            ("maal.csv", [record(childA, .initial, goals, .professional, ["maal_faglig": .text(firstGoal), "maal_faglig_status": .code(2)], row: 1),
                          record(childA, .followUp(1), goals, .professional,
                                 ["maal_faglig": .text(revisedGoal), "maal_faglig_status": .code(4)], row: 2)]),
        ]
        for (name, records) in files {
            let batch = ImportBatch(fileName: name, sha256: name.utf8.map { String(format: "%02x", $0) }.joined(), profile: "test")
            guard case .imported = try store.importBatch(batch, records: records, options: options) else { throw CocoaError(.fileWriteUnknown) }
        }
        return path
    }

    /// A score file as `kortlaeg score` writes it: the header from ``ScoreFileFormat`` and one row
    /// per (id, scores by score id, status).
    static func scoreFile(_ path: URL, instrument: Instrument, rows: [(String, [String: Double], String)]) throws {
        let scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
        let header = ScoreFileFormat.header(scorer: scorer, bands: BandLookup(instrument: instrument), idName: "barn_id")
        var lines = [header.joined(separator: ",")]
        for (id, scores, status) in rows {
            var cells = [id] + scorer.scores.map { scores[$0.id].map(formatScore) ?? "" }
            cells += Array(repeating: "", count: header.count - cells.count - 1) + [status]
            lines.append(cells.joined(separator: ","))
        }
        try (lines.joined(separator: "\n") + "\n").write(to: path, atomically: true, encoding: .utf8)
    }

    /// Every parent SDQ item 1, as scores (see the type's comment): every scale 5, total 20,
    /// externalising 10, internalising 10, impact 0.
    static let allOnes: [String: Double] = ["emotion": 5, "conduct": 5, "hyper": 5, "peer": 5, "prosoc": 5, "ebdtot": 20,
                                            "impact": 0, "extern": 10, "intern": 10]
    /// Every parent SDQ item 0: emotion 0, conduct 2, hyper 4, peer 4, prosocial 0, total 10,
    /// externalising 6, internalising 4, impact 0.
    static let allZeros: [String: Double] = ["emotion": 0, "conduct": 2, "hyper": 4, "peer": 4, "prosoc": 0, "ebdtot": 10,
                                             "impact": 0, "extern": 6, "intern": 4]
}

/// A store that forwards everything but cannot write its audit log (a full disk, a lost lock).
final class AuditFailingStore: ProjectStore {
    struct Refused: Error, CustomStringConvertible { var description: String { "disk full" } }
    let base: any ProjectStore
    init(_ base: any ProjectStore) { self.base = base }

    func project() throws -> ProjectInfo { try base.project() }
    func importFile(_ batch: ImportBatch, options: ImportOptions, produce: (any ImportSink) throws -> Void) throws -> ImportOutcome {
        try base.importFile(batch, options: options, produce: produce)
    }
    func hasImported(sha256: String) throws -> Bool { try base.hasImported(sha256: sha256) }
    func imports() throws -> [StoredImport] { try base.imports() }
    func removeImport(id: Int64, operator: String, dryRun: Bool) throws -> ImportRemoval {
        try base.removeImport(id: id, operator: `operator`, dryRun: dryRun)
    }
    func status(recentImports: Int) throws -> ProjectStatus { try base.status(recentImports: recentImports) }
    func rescore(instruments: InstrumentCatalog, operator: String, dryRun: Bool, changed: (ScoreChange) throws -> Void) throws -> RescoreSummary {
        try base.rescore(instruments: instruments, operator: `operator`, dryRun: dryRun, changed: changed)
    }
    func auditLog() throws -> [AuditEntry] { try base.auditLog() }
    func responses(_ query: ResponseQuery, _ body: (StoredResponse) throws -> Void) throws { try base.responses(query, body) }
    func recordAudit(action: AuditAction, summary: String, detail: String?, operator: String) throws { throw Refused() }
    func pseudonym(for rawID: String) throws -> String { try base.pseudonym(for: rawID) }
    func derivedKey(purpose: String) throws -> [UInt8] { try base.derivedKey(purpose: purpose) }
    func importTrivselResults(_ batch: ImportBatch, results: [TrivselResult], rejects: [ImportReject],
                              options: TrivselImportOptions) throws -> TrivselImportOutcome {
        try base.importTrivselResults(batch, results: results, rejects: rejects, options: options)
    }
    func trivselResults() throws -> [TrivselResult] { try base.trivselResults() }
    func checkIntegrity(full: Bool) throws -> [String] { try base.checkIntegrity(full: full) }
    func backup(to path: String) throws { try base.backup(to: path) }
}

/// The short label of a pseudonym as reports show it: the first 12 characters in groups of four.
func shortLabel(_ pseudonym: String) -> String {
    let c = Array(pseudonym.prefix(12))
    return [String(c[0..<4]), String(c[4..<8]), String(c[8..<12])].joined(separator: "-")
}

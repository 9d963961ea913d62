import KortlaegReaders
import Foundation
import KortlaegDomain
import KortlaegStore
import KortlaegStoreSQLite
import KortlaegTestSupport

/// The repository's instruments, loaded once.
let catalog: InstrumentCatalog = try! InstrumentCatalog.load(directory: instrumentsDirectory)

/// A fresh temporary folder for one test (removed at exit).
func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-project") }

/// An empty project in a fresh folder, and its path.
func makeProject(_ info: ProjectInfo = ProjectInfo(municipality: "Jammerbugt")) throws -> (path: String, store: SQLiteProjectStore) {
    let path = try temporaryFolder().appendingPathComponent("p.kortlaeg").path
    return (path, try SQLiteProjectStore.create(at: path, project: info, operator: "tester"))
}

/// The five SDQ emotional-symptom items (somatic, worries, unhappy, clingy, afraid; 0–2 each, none
/// reversed): the emotional symptoms scale is their sum when all five are answered (youthinmind,
/// "Scoring the SDQ", sdqinfo.org).
let emotionItems = ["somatic", "worries", "unhappy", "clingy", "afraid"]

/// Answers whose emotional items add up to `sum` (filled 2, 2, … from the first item).
func emotion(_ sum: Int) -> [String: AnswerValue] {
    var answers: [String: AnswerValue] = [:]
    var left = sum
    for item in emotionItems {
        let code = min(2, left)
        answers[item] = .code(code)
        left -= code
    }
    return answers
}

/// A parent SDQ (sdq-p4-17@1.0.0) response of `child` at `occasion`.
func parentSDQ(_ child: String, _ occasion: Occasion, _ answers: [String: AnswerValue], className: String = "5A",
               row: Int = 1) -> StoredResponseInput {
    StoredResponseInput(childKey: child, occasion: occasion, informant: .parent,
                        attributes: ChildAttributes(className: className, school: "Byskolen"),
                        response: Response(instrument: InstrumentReference(id: "sdq-p4-17", version: "1.0.0"), answers: answers),
                        row: row)
}

/// Imports `records` as one file named `name`.
func store(_ records: [StoredResponseInput], as name: String, in store: some ProjectStore,
           instruments: InstrumentCatalog = catalog) throws {
    let sha = name.utf8.map { String(format: "%02x", $0) }.joined().padding(toLength: 64, withPad: "0", startingAt: 0)
    _ = try store.importBatch(ImportBatch(fileName: name, sha256: sha, profile: "test"), records: records,
                              options: ImportOptions(instruments: instruments, operator: "tester"))
}

/// Writes `text` to a file `name` in a fresh folder and returns its path.
func write(_ text: String, _ name: String) throws -> String {
    let url = try temporaryFolder().appendingPathComponent(name)
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
}

/// Short names for the trivsel indicators in tests; the definitions come from the instrument files.
extension TrivselIndicator {
    static var social: TrivselIndicator { TrivselIndicators(catalog: catalog)["social"]! }
}

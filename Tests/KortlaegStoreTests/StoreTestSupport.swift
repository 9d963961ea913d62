import Foundation
import KortlaegTestSupport
import KortlaegDomain
@testable import KortlaegStore

func catalog() throws -> InstrumentCatalog {
    try InstrumentCatalog.load(directory: instrumentsDirectory)
}

let sdqItems = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring",
                "fidgety", "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied",
                "helpout", "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome",
                "impfrie", "impclas", "impleis"]

/// A parent SDQ record with every item answered `code` (impact items 0).
func parentRecord(_ id: String, _ occasion: Occasion = .initial, code: Int = 1, row: Int = 1,
                  attributes: ChildAttributes = ChildAttributes()) -> StoredResponseInput {
    var answers: [String: AnswerValue] = [:]
    for item in sdqItems { answers[item] = .code(item.hasPrefix("imp") ? 0 : code) }
    return StoredResponseInput(childKey: id, occasion: occasion, informant: .parent, attributes: attributes,
                               response: Response(instrument: InstrumentReference(id: "sdq-p4-17", version: "1.0.0"),
                                                  answers: answers),
                               row: row)
}

func batch(_ name: String) -> ImportBatch {
    ImportBatch(fileName: name, sha256: name.utf8.map { String(format: "%02x", $0) }.joined(), profile: "test")
}

func importOptions(replace: Bool = false, dryRun: Bool = false) throws -> ImportOptions {
    ImportOptions(instruments: try catalog(), replace: replace, dryRun: dryRun, operator: "tester")
}

// MARK: - Running the built binary

typealias CLIResult = ProcessResult

/// Runs the built `kortlaeg` as user `cli-tester`, with the repository's instruments for the
/// commands that read them.
func runKortlaeg(_ arguments: [String]) throws -> CLIResult {
    let explicit = arguments.contains("--help") || ["init", "status"].contains(arguments.first ?? "")
    return try runProcess(kortlaegBinary(), arguments + (explicit ? [] : ["--instruments", instrumentsDirectory]),
                          environment: ["USER": "cli-tester"])
}

/// A `kortlaeg import`-style process that is started but not awaited (to kill it mid-import).
func makeProcess(_ arguments: [String]) -> Process {
    let process = Process()
    process.executableURL = kortlaegBinary()
    process.arguments = arguments + ["--instruments", instrumentsDirectory]
    process.environment = ProcessInfo.processInfo.environment.merging(["USER": "cli-tester"]) { _, new in new }
    return process
}

func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-store") }

func sample(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("SampleData/\(name)").path
}

/// A parent SDQ CSV with `rows` rows; ids from `id(row)`.
func writeParentCSV(_ url: URL, rows: Int, id: (Int) -> String, extra: String = "") throws {
    var text = (["id"] + sdqItems.map { "p" + $0 }).joined(separator: ",") + "\n"
    for row in 1...rows {
        text += id(row) + "," + sdqItems.enumerated().map { String(($0.offset + row) % 3) }.joined(separator: ",") + "\n"
    }
    try (text + extra).write(to: url, atomically: true, encoding: .utf8)
}

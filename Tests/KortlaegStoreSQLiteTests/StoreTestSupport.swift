import Foundation
import GRDB
import KortlaegTestSupport
import KortlaegDomain
import KortlaegReaders
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

/// The shipped instruments, decoded by the domain (the folder reader is KortlaegReaders').
func catalog() throws -> InstrumentCatalog {
    try InstrumentCatalog(files: jsonFiles(below: instrumentsDirectory).map {
        DefinitionFile(path: $0.path, relativePath: $0.relativePath, data: $0.data)
    })
}


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

func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-store") }

/// The trivsel indicators of the repository's instrument files.
let trivselIndicators = TrivselIndicators(catalog: try! InstrumentCatalog.load(directory: instrumentsDirectory))

/// Short names for the indicators in tests; the definitions come from the instrument files.
extension TrivselIndicator {
    static var social: TrivselIndicator { trivselIndicators["social"]! }
    static var faglig: TrivselIndicator { trivselIndicators["faglig"]! }
}

/// A project file as an older Kortlæg left it, in a new temporary folder: the migrations up to
/// `last`, a project row, and the rows `sql` inserts; closed, so that opening it runs the later
/// migrations. Returns its path.
func olderStore(named name: String, upTo last: String, _ sql: String) throws -> String {
    let path = try temporaryFolder().appendingPathComponent(name).path
    let queue = try DatabaseQueue(path: path)
    try StoreMigrations.migrator.migrate(queue, upTo: last)
    try queue.write { db in
        try ProjectRecord(municipality: "Odense", interventionModel: nil, toolVersion: nil,
                          pseudonymKey: Pseudonymizer.makeKey(), createdAt: "2025-01-01T00:00:00Z").insert(db)
        try db.execute(sql: sql)
    }
    try queue.close()
    return path
}

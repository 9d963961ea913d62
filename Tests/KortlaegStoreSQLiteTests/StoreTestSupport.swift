import Foundation
import KortlaegTestSupport
import KortlaegDomain
@testable import KortlaegStore
@testable import KortlaegStoreSQLite

func catalog() throws -> InstrumentCatalog {
    try InstrumentCatalog.load(directory: instrumentsDirectory)
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

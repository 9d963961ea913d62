import Foundation
import KortlaegDomain
import KortlaegReaders
import KortlaegTestSupport

func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-reports") }

/// The trivsel indicators of the repository's instrument files.
let trivselIndicators = TrivselIndicators(catalog: try! InstrumentCatalog.load(directory: instrumentsDirectory))

/// Short names for the indicators in tests; the definitions come from the instrument files.
extension TrivselIndicator {
    static var social: TrivselIndicator { trivselIndicators["social"]! }
}

/// The parent SDQ of the repository's instruments.
func sdqParent() throws -> Instrument {
    try InstrumentCatalog.load(directory: instrumentsDirectory).resolve("sdq-p4-17@1.0.0")
}

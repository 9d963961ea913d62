import Foundation
import KortlaegDomain

/// The trivsel indicators of the repository's instrument files (Instruments/trivsel/), as the
/// reader gets them in use.
let trivselIndicators: TrivselIndicators = {
    let instruments = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Instruments").path
    return TrivselIndicators(catalog: try! InstrumentCatalog.load(directory: instruments))
}()

/// Short names for the indicators in tests; the definitions come from the instrument files.
extension TrivselIndicator {
    static var social: TrivselIndicator { trivselIndicators["social"]! }
    static var faglig: TrivselIndicator { trivselIndicators["faglig"]! }
    static var stoette: TrivselIndicator { trivselIndicators["stoette"]! }
    static var roOrden: TrivselIndicator { trivselIndicators["ro_orden"]! }
    static var generel: TrivselIndicator { trivselIndicators["generel"]! }
}

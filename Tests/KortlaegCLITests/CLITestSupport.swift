import Foundation
import KortlaegTestSupport

/// What `kortlaeg` printed and how it ended.
typealias CLIResult = ProcessResult

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-cli") }

let parentHeader = ["id"] + ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring",
    "fidgety", "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
    "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome", "impfrie", "impclas",
    "impleis"].map { "p" + $0 }

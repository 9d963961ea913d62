import Foundation
import KortlaegTestSupport

/// What `kortlaeg` printed and how it ended.
typealias CLIResult = ProcessResult

/// Runs the built `kortlaeg` binary, as a user would, with the repository's instruments unless
/// the arguments name a folder.
func runKortlaeg(_ arguments: [String], in directory: URL? = nil) throws -> CLIResult {
    let explicit = arguments.contains("--instruments") || arguments.contains("--help")
    return try runProcess(kortlaegBinary(), arguments + (explicit ? [] : ["--instruments", instrumentsDirectory]), in: directory)
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-cli") }

let parentHeader = ["id"] + ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring",
    "fidgety", "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
    "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome", "impfrie", "impclas",
    "impleis"].map { "p" + $0 }

import Foundation
import KortlaegTestSupport

func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-reports") }

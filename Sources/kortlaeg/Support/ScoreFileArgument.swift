import ArgumentParser
import Foundation

/// `--scores FILE[:OCCASION]`: a file written by `kortlaeg score` and its occasion label.
struct ScoreFileArgument: ExpressibleByArgument {
    var path: String
    var occasion: String?

    init?(argument: String) {
        // The occasion is what follows the last ':' when it has no '/' (so paths with ':' still work).
        if let colon = argument.lastIndex(of: ":"), !argument[argument.index(after: colon)...].contains("/"),
           argument.index(after: colon) < argument.endIndex {
            path = String(argument[..<colon])
            occasion = String(argument[argument.index(after: colon)...])
        } else {
            path = argument
            occasion = nil
        }
        guard !path.isEmpty else { return nil }
    }

    /// The occasion label, `T1`, `T2`, … by position when not given.
    static func occasions(_ files: [ScoreFileArgument]) -> [String] {
        files.enumerated().map { $0.element.occasion ?? "T\($0.offset + 1)" }
    }

    /// Stops with "no such file" (exit 66) when one of the files is missing.
    static func requireExisting(_ files: [ScoreFileArgument]) throws {
        for file in files where !FileManager.default.fileExists(atPath: file.path) {
            Diagnostics.error("\(file.path): no such file.")
            throw KortlaegExit.noInput
        }
    }
}

import ArgumentParser
import KortlaegProject

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

    /// The file as a use case reads it, scored with `instrument`.
    func input(_ instrument: Instrument) -> ScoreFileInput {
        ScoreFileInput(path: path, occasion: occasion, instrument: instrument)
    }
}

/// A problem found in an instrument file, located by file and JSON path.
public struct InstrumentFinding: Hashable, Sendable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// The JSON path inside the file (`$.scales[2].items[1]`).
    public var jsonPath: String
    /// What is wrong and what is expected.
    public var message: String

    /// Creates a finding.
    public init(file: String, jsonPath: String, message: String) {
        self.file = file
        self.jsonPath = jsonPath
        self.message = message
    }

    /// `file: $.path: error: message`.
    public var description: String { "\(file): \(jsonPath): error: \(message)" }
}

import Foundation

/// Where and why JSON could not be parsed: Foundation's reason ("unexpected end of file",
/// "invalid value") with its character offset turned into a line and column.
public struct JSONSyntaxProblem: Sendable, Equatable {
    /// Foundation's reason without the offset, e.g. `invalid value`.
    public var reason: String
    /// The line (1 = first), when Foundation names an offset.
    public var line: Int?
    /// The column (1 = first byte of the line).
    public var column: Int?

    /// Creates a problem.
    public init(reason: String, line: Int?, column: Int?) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// The problem behind a `JSONSerialization` error for `data`.
    init(_ error: any Error, in data: Data) {
        let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
        var reason = detail
        var offset: Int?
        if let range = detail.range(of: " around character ") {
            reason = String(detail[..<range.lowerBound])
            offset = Int(detail[range.upperBound...].prefix { $0.isNumber })
        } else if let range = detail.range(of: "Unexpected end of file") {
            reason = String(detail[range])
            offset = data.count
        }
        reason = reason.trimmingCharacters(in: CharacterSet(charactersIn: ". "))
        self.reason = reason.prefix(1).lowercased() + reason.dropFirst()
        guard let offset else {
            line = nil
            column = nil
            return
        }
        var line = 1
        var lineStart = 0
        for (index, byte) in data.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        self.column = offset - lineStart + 1
    }
}

import Foundation
import KortlaegTestSupport
import Testing

/// The web pages show a use case's error in Danish (issue 16): every ``KortlaegError`` thrown in
/// the use cases the web application calls, and in what they call, carries a Danish text. A new
/// English-only error in these files fails here.
struct DanishErrorsInSourcesTests {
    /// The files covered, below `Sources/KortlaegProject/`.
    static let covered = [
        "Audit/AuditedOutput.swift",
        "Child/ChildLabels.swift", "Child/ChildLookup.swift", "Child/ShowChild.swift",
        "Entry/EnterResponse.swift",
        "Export/ExportReliableChange.swift", "Export/ExportUseCase.swift", "Export/ExportUseCase+Project.swift",
        "Export/StoreExportSource.swift",
        "Imports/ListImports.swift", "Imports/RemoveImport.swift",
        "Progress/AnalyseCourse.swift", "Progress/AnalyseProgress.swift",
        "Report/ReportAssembler.swift", "Report/ReportObservation.swift", "Report/ReportUseCase.swift",
        "Report/ReportUseCase+Project.swift",
        "Status/ShowMissingForms.swift", "Status/ShowProjectStatus.swift",
        "Support/ProjectLocation.swift",
        "Users/AddUser.swift", "Users/ProjectLocation+Users.swift", "Users/WebLogin.swift",
    ]

    /// The argument lists of every `KortlaegError(…)` call in `source` outside comments and strings
    /// (strings are kept as `""`, so a parenthesis in a message does not count), with their lines.
    static func calls(in source: String) -> [(line: Int, arguments: String)] {
        var code = "", lines: [Int] = []
        for segment in SwiftLexer.segments(source) {
            switch segment.kind {
            case .comment: continue
            case .string:
                code += "\"\""
                lines += [segment.line, segment.line]
            case .code:
                var line = segment.line
                for character in segment.text {
                    code.append(character)
                    lines.append(line)
                    if character == "\n" { line += 1 }
                }
            }
        }
        let characters = Array(code)
        let opening = Array("KortlaegError(")
        var found: [(Int, String)] = []
        var index = 0
        while index + opening.count <= characters.count {
            guard Array(characters[index..<index + opening.count]) == opening else { index += 1; continue }
            var depth = 1, end = index + opening.count
            while end < characters.count, depth > 0 {
                if characters[end] == "(" { depth += 1 }
                if characters[end] == ")" { depth -= 1 }
                end += 1
            }
            found.append((lines[index], String(characters[(index + opening.count)..<(end - 1)])))
            index = end
        }
        return found
    }

    @Test func theScanFindsCallsAndTheirDanishArgument() {
        let source = """
            // KortlaegError(.usage, "in a comment")
            throw KortlaegError(.usage, "a (paren) in \\(f(x)) the message")
            throw KortlaegError(.usage, "English",
                                danish: "Dansk")
            """
        let found = Self.calls(in: source)
        #expect(found.map(\.line) == [2, 3])
        #expect(found.map { $0.arguments.contains("danish:") } == [false, true])
    }

    @Test func everyErrorTheWebShowsHasADanishText() throws {
        let folder = repositoryRoot.appendingPathComponent("Sources/KortlaegProject")
        var missing: [String] = [], total = 0
        for file in Self.covered {
            let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let calls = Self.calls(in: source)
            #expect(!calls.isEmpty, "\(file) throws no KortlaegError any more: take it off the list")
            total += calls.count
            for call in calls {
                let danish = call.arguments.range(of: "danish:").map { call.arguments[$0.upperBound...] }
                if danish == nil || danish!.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("nil") {
                    missing.append("Sources/KortlaegProject/\(file):\(call.line)")
                }
            }
        }
        #expect(total > 100)
        #expect(missing.isEmpty, "errors without a Danish text (add danish: \"…\"):\n\(missing.joined(separator: "\n"))")
    }
}

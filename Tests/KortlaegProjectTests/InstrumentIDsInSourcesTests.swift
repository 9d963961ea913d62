import Foundation
import KortlaegTestSupport
import Testing

/// Instruments are data: no instrument, battery or profile id (`sdq-p4-17`, `kv-maal`,
/// `trivsel-4-9`, …) may appear in `Sources/` outside comments, `///` docs and — in the
/// command-line tool only — its help, discussion and example texts.
struct InstrumentIDsInSourcesTests {
    /// Occurrences left for later work; each entry must still occur (so the list only shrinks).
    /// Empty: issue 12 moved every instrument id out of the code.
    static let pending: Set<String> = []

    /// The labels whose string arguments are help texts of the command line.
    static let helpLabels = ["help:", "discussion:", "abstract:", "usage:", "ArgumentHelp("]

    /// Every top-level `id` of the JSON files in `Instruments/`.
    static func definitionIDs() throws -> Set<String> {
        Set(try jsonFiles(below: instrumentsDirectory).compactMap { file in
            (try JSONSerialization.jsonObject(with: file.data) as? [String: Any])?["id"] as? String
        })
    }

    @Test func theIDsAreRead() throws {
        let ids = try Self.definitionIDs()
        #expect(["sdq-p4-17", "sdq-s11-17-fu", "kv-maal", "kv-inklusion", "trivsel-4-9", "kl-children-sdq4-10"].allSatisfy(ids.contains))
    }

    @Test func noInstrumentIDInCode() throws {
        let ids = try Self.definitionIDs()
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let paths = ((FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(paths.count > 100)
        var found: [String] = [], pendingSeen: Set<String> = []
        for relative in paths {
            let file = "Sources/" + relative
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            for segment in SwiftLexer.segments(text) {
                let allowed: Bool
                switch segment.kind {
                case .comment: allowed = true
                case .code: allowed = false
                case .string: allowed = relative.hasPrefix("kortlaeg/") && Self.helpLabels.contains { segment.context.hasSuffix($0) }
                }
                guard !allowed else { continue }
                for id in ids where SwiftLexer.contains(segment.text, word: id) {
                    if Self.pending.contains("\(file): \(id)") {
                        pendingSeen.insert("\(file): \(id)")
                    } else {
                        found.append("\(file):\(segment.line): '\(id)' in \(segment.kind)")
                    }
                }
            }
        }
        #expect(found.isEmpty, "instrument ids in code; move them into the instrument data:\n\(found.joined(separator: "\n"))")
        #expect(pendingSeen == Self.pending, "fixed, remove from `pending`: \(Self.pending.subtracting(pendingSeen).sorted())")
    }

    /// The lexer tells comments, strings (with what precedes them) and code apart.
    @Test func lexer() {
        let source = """
            let a = "x" // "sdq"
            /* b "c" */ help: "d \\(e ? "f" : "g") h" + "i"
            \"\"\"
            j
            \"\"\"
            """
        let segments = SwiftLexer.segments(source)
        #expect(segments.filter { $0.kind == .comment }.map(\.text) == ["// \"sdq\"", "/* b \"c\" */"])
        #expect(segments.filter { $0.kind == .string }.map(\.text) == ["\"x\"", "\"d \\(e ? \"f\" : \"g\") h\"", "\"i\"", "\"\"\"\nj\n\"\"\""])
        #expect(segments.filter { $0.kind == .string }.map { $0.context.hasSuffix("help:") } == [false, true, true, true])
        #expect(segments.filter { $0.kind == .string }.map(\.line) == [1, 2, 2, 3])
        #expect(SwiftLexer.contains("use sdq-p4-17@1.0.0", word: "sdq-p4-17"))
        #expect(!SwiftLexer.contains("use sdq-p4-17-fu", word: "sdq-p4-17"))
    }
}

/// Just enough of Swift's lexical structure to find comments and string literals.
enum SwiftLexer {
    enum Kind: CustomStringConvertible {
        case code, comment, string
        var description: String {
            switch self {
            case .code: "code"
            case .comment: "a comment"
            case .string: "a string"
            }
        }
    }

    struct Segment {
        var kind: Kind
        var text: String
        /// The line it starts on.
        var line: Int
        /// For a string: the code before it without whitespace, other strings and `+` chains
        /// (`help:` for `help: "a" + "b"`).
        var context: String
    }

    static func segments(_ source: String) -> [Segment] {
        let characters = Array(source)
        var segments: [Segment] = []
        var index = 0, line = 1, code = "", codeLine = 1
        /// Code since the last statement-like boundary, without whitespace.
        var context = ""
        func flushCode() {
            if !code.isEmpty { segments.append(Segment(kind: .code, text: code, line: codeLine, context: "")) }
            code = ""
        }
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text)
            guard position + pattern.count <= characters.count else { return false }
            return Array(characters[position..<position + pattern.count]) == pattern
        }
        /// The end (exclusive) of the string literal starting at `start`.
        func stringEnd(_ start: Int) -> Int {
            let multiline = starts("\"\"\"", at: start)
            var position = start + (multiline ? 3 : 1)
            while position < characters.count {
                if characters[position] == "\\" {
                    if position + 1 < characters.count, characters[position + 1] == "(" {
                        // Interpolation: code with nested strings until the matching ')'.
                        var depth = 1
                        position += 2
                        while position < characters.count, depth > 0 {
                            if characters[position] == "\"" { position = stringEnd(position); continue }
                            if characters[position] == "(" { depth += 1 }
                            if characters[position] == ")" { depth -= 1 }
                            position += 1
                        }
                        continue
                    }
                    position += 2
                    continue
                }
                if multiline, starts("\"\"\"", at: position) { return position + 3 }
                if !multiline, characters[position] == "\"" { return position + 1 }
                position += 1
            }
            return position
        }
        while index < characters.count {
            let character = characters[index]
            var end: Int?
            var kind = Kind.code
            if starts("//", at: index) {
                end = characters[index...].firstIndex(of: "\n") ?? characters.count
                kind = .comment
            } else if starts("/*", at: index) {
                var depth = 0, position = index
                while position < characters.count {
                    if starts("/*", at: position) { depth += 1; position += 2; continue }
                    if starts("*/", at: position) { depth -= 1; position += 2; if depth == 0 { break }; continue }
                    position += 1
                }
                end = position
                kind = .comment
            } else if character == "\"" {
                end = stringEnd(index)
                kind = .string
            }
            if let end {
                flushCode()
                let text = String(characters[index..<end])
                segments.append(Segment(kind: kind, text: text, line: line, context: kind == .string ? context : ""))
                line += text.filter { $0 == "\n" }.count
                index = end
                codeLine = line
                continue
            }
            if code.isEmpty { codeLine = line }
            code.append(character)
            if character == "\n" { line += 1 }
            if !character.isWhitespace, character != "+" {
                context.append(character)
                if context.count > 200 { context.removeFirst(context.count - 200) }
            }
            index += 1
        }
        flushCode()
        return segments
    }

    /// Whether `word` occurs in `text` not as part of a longer name (letters, digits, `-`, `_`).
    static func contains(_ text: String, word: String) -> Bool {
        var searchRange = text.startIndex..<text.endIndex
        while let found = text.range(of: word, range: searchRange) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            func isNamePart(_ character: Character?) -> Bool {
                guard let character else { return false }
                return character.isLetter || character.isNumber || character == "-" || character == "_"
            }
            if !isNamePart(before), !isNamePart(after) { return true }
            searchRange = found.upperBound..<text.endIndex
        }
        return false
    }
}

import Foundation
import KortlaegDomain
import KortlaegTestSupport
import Testing

/// One CPR marker, defined once (``CPRGuard/marker``): no string literal in `Sources/` spells a
/// marker or placeholder of its own (the web's former `••••••-••••`, the reports' former
/// "(CPR-lignende id skjult)" and "(tekst skjult: …)"); every output path calls `CPRGuard`.
struct CPRMarkerInSourcesTests {
    /// Spellings of a CPR placeholder, lower-cased.
    static let placeholders = ["cpr fjernet", "••", "cpr-lignende id", "tekst skjult", "cpr removed", "text hidden", "cpr hidden"]

    @Test func theMarkerIsDefinedOnceAndNoOtherPlaceholderExists() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let paths = ((FileManager.default.enumerator(atPath: sources.path)?.allObjects as? [String]) ?? [])
            .filter { $0.hasSuffix(".swift") }.sorted()
        #expect(paths.count > 100)
        var found: [String] = [], definitions: [String] = []
        for relative in paths {
            let text = try String(contentsOf: sources.appendingPathComponent(relative), encoding: .utf8)
            for segment in SwiftLexer.segments(text) where segment.kind == .string {
                let literal = segment.text.lowercased()
                if segment.text == "\"\(CPRGuard.marker)\"" {
                    definitions.append("\(relative):\(segment.line)")
                } else if let placeholder = Self.placeholders.first(where: literal.contains) {
                    found.append("\(relative):\(segment.line): '\(placeholder)'")
                }
            }
        }
        #expect(definitions.count == 1 && definitions.first?.hasPrefix("KortlaegDomain/Support/CPRGuard.swift:") == true,
                "the marker's literal: \(definitions)")
        #expect(found.isEmpty, "a CPR placeholder of its own; use CPRGuard.marker / CPRGuard.masked:\n\(found.joined(separator: "\n"))")
    }
}

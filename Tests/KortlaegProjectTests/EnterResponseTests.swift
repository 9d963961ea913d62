import Foundation
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `EnterResponse`: a paper form typed in, checked against the answer scales, stored pinned to the
/// instrument version, once. Scores by hand (youthinmind, "Scoring the SDQ"): emotion is the sum
/// of somatic, worries, unhappy, clingy and afraid (0–2 each).
@Suite struct EnterResponseTests {
    func request(_ path: String, answers: [String: Int], instrument: String = "sdq-p4-17@1.0.0", child: String = "elev-0001",
                 occasion: String = "T1") -> EnterResponse.Request {
        EnterResponse.Request(project: path, catalog: catalog, instrument: instrument, child: child, occasion: occasion,
                              className: "4A", answers: answers, operator: "mette")
    }

    @Test func aFormIsStoredPinnedScoredAndAuditedOnce() throws {
        let (path, project) = try makeProject()
        let answers = ["somatic": 2, "worries": 1, "unhappy": 0, "clingy": 2, "afraid": 1]
        let sink = CollectingSink()
        let outcome = try EnterResponse.run(request(path, answers: answers), sink: sink)
        guard case .imported = outcome else { Issue.record("not imported: \(outcome)"); return }
        var stored: [StoredResponse] = []
        try project.responses(ResponseQuery(child: try project.pseudonym(for: "elev-0001"))) { stored.append($0) }
        #expect(stored.count == 1)
        let response = try #require(stored.first)
        #expect(response.instrument.description == "sdq-p4-17@1.0.0")
        #expect(response.occasion.code == "T1" && response.informant == .parent && response.attributes.className == "4A")
        #expect(response.scores.first { $0.id == "emotion" }?.value == 6)  // 2 + 1 + 0 + 2 + 1
        #expect(try project.auditLog().contains { $0.action == .import && $0.operator == "mette" })
        #expect(sink.notes.count == 1 && !sink.notes[0].contains("elev-0001"))
        // The same form again changes nothing.
        let again = try EnterResponse.run(request(path, answers: answers), sink: CollectingSink())
        guard case .alreadyImported = again else { Issue.record("entered twice: \(again)"); return }
    }

    @Test(arguments: [
        (["somatic": 7], "Item somatic: 7 is not one of its codes"),
        (["nosuchitem": 1], "has no item 'nosuchitem'"),
        ([:], "No item was answered"),
    ])
    func invalidAnswersAreRefused(answers: [String: Int], message: String) throws {
        let (path, project) = try makeProject()
        let error = expectFailure { () throws(KortlaegError) in try EnterResponse.run(request(path, answers: answers), sink: CollectingSink()) }
        #expect(error?.severity == .usage)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
        var count = 0
        try project.responses(ResponseQuery()) { _ in count += 1 }
        #expect(count == 0)
    }

    @Test func anUnknownInstrumentOccasionOrEmptyChildIsAUsageError() throws {
        let (path, _) = try makeProject()
        for request in [request(path, answers: ["somatic": 1], instrument: "sdq-xx"),
                        request(path, answers: ["somatic": 1], occasion: "Q7"),
                        request(path, answers: ["somatic": 1], child: "  ")] {
            #expect(expectFailure { () throws(KortlaegError) in try EnterResponse.run(request, sink: CollectingSink()) }?.severity == .usage)
        }
    }

    /// The form shows coded items only, in their order, with their answer and missing codes.
    @Test func theFormsItems() throws {
        let instrument = try catalog.resolve("sdq-p4-17@1.0.0")
        let items = EnterResponse.items(of: instrument)
        #expect(items.first?.item.id == "consid")
        #expect(items.count >= 25)
        #expect(items.first?.codes.map(\.code).prefix(3) == [0, 1, 2])
    }
}

import Foundation
import KortlaegDomain
import KortlaegStore
import Testing
@testable import KortlaegProject

/// Issue 15: loading a project's responses for an export is linear. Work is counted, not timed
/// (``WorkCounter``): responses read, answers decoded, and the array elements each append moved
/// (a copy of a child's or an instrument's array per append, the old bug, moves all of them).
@Suite(.serialized) struct ExportLoadingWorkTests {
    /// A project with `n` children, each with a parent SDQ at T1 and T2.
    func project(children n: Int) throws -> any ProjectStore {
        let project = try makeProject().store
        try store((1...n).map { parentSDQ(String(format: "elev-%05d", $0), .initial, emotion($0 % 11), row: $0) },
                  as: "t1.csv", in: project)
        try store((1...n).map { parentSDQ(String(format: "elev-%05d", $0), .final, emotion(($0 + 3) % 11), row: $0) },
                  as: "t2.csv", in: project)
        return project
    }

    func work(children n: Int) throws -> WorkCounter {
        let project = try project(children: n)
        let counter = WorkCounter()
        var selection = StoreExportSource.Selection()
        selection.includeAnswers = false
        let loaded = try StoreExportSource.load(from: project, catalog: catalog, selection: selection, counter: counter)
        #expect(loaded.responses == 2 * n && loaded.sources.first?.responses.count == 2 * n)
        return counter
    }

    @Test func loadingGrowsLinearly() throws {
        let small = try work(children: 1000), large = try work(children: 4000)
        for (n, counter) in [(1000, small), (4000, large)] {
            let responses = 2 * n
            #expect(counter.counts["responses read"] == responses)
            // Without --items the answers JSON is not decoded.
            #expect(counter.counts["answers decoded"] == nil)
            // Appends into an array that doubles its capacity move at most 2 elements per append
            // in all, plus the one appended.
            #expect((counter.counts["elements moved"] ?? 0) <= 3 * responses, "\(counter.counts)")
            #expect(counter.total <= 4 * responses, "\(counter.counts)")
        }
        // Four times the children, at most ~four times the work (quadratic would be sixteen).
        #expect(Double(large.total) / Double(small.total) <= 4.5, "\(small.counts) → \(large.counts)")
    }

    /// The counter sees the old bug: appending to a copy of an array moves every element.
    @Test func theCounterSeesACopyPerAppend() {
        let counter = WorkCounter()
        var kept: [Int] = Array(0..<100)
        kept.reserveCapacity(1000)
        var copy = kept
        copy.append(100, counting: counter)  // `kept` still holds the buffer: the append copies it
        #expect(counter.counts["elements moved"] == 101)
        copy.append(101, counting: counter)  // now unique, with room: in place
        #expect(counter.counts["elements moved"] == 102)
        #expect(kept.count == 100 && copy.count == 102)
    }
}

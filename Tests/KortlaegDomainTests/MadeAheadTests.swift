import Testing
@testable import KortlaegDomain

@Suite("Values made a batch ahead on another thread, handed over in order")
struct MadeAheadTests {
    @Test("Every value once, in order, across batch edges and with a short last batch", arguments: [0, 1, 7, 8, 9, 25, 1000])
    func everyValueInOrder(count: Int) {
        var seen: [Int] = []
        forEachMadeAhead(count: count, batch: 8, make: { $0 * 3 }) { seen.append($0) }
        #expect(seen == (0..<count).map { $0 * 3 })
    }

    @Test("The consumer's error stops the run and is rethrown; no value after it is consumed")
    func errorStops() {
        struct Stop: Error, Equatable {}
        var seen: [Int] = []
        #expect(throws: Stop()) {
            try forEachMadeAhead(count: 100, batch: 8, make: { $0 }) { value throws(Stop) in
                if value == 20 { throw Stop() }
                seen.append(value)
            }
        }
        #expect(seen == Array(0..<20))
    }

    @Test("ordered map: the transform of every index, in index order")
    func orderedMap() {
        #expect(orderedConcurrentMap(count: 10_001) { $0 &* 7 } == (0..<10_001).map { $0 &* 7 })
        #expect(orderedConcurrentMap(count: 0) { $0 }.isEmpty)
    }
}

import Foundation
import Testing
@testable import KortlaegReaders

/// The tally counts exactly while holding at most its limit in memory. The checks count the
/// tally's work (keys held, runs written and open), never its time.
struct KeyTallyTests {
    /// Counts computed independently, with a dictionary of every key.
    static func expected(_ keys: [[String]]) -> KeyTally.Counts {
        var occurrences: [[String]: Int] = [:]
        for key in keys { occurrences[key, default: 0] += 1 }
        var counts = KeyTally.Counts()
        counts.total = keys.count
        counts.distinct = occurrences.count
        counts.repeatedKeys = occurrences.values.filter { $0 > 1 }.count
        counts.sharing = occurrences.values.filter { $0 > 1 }.reduce(0, +)
        return counts
    }

    static func tally(_ keys: [[String]], limits: KeyTally.Limits) throws -> (KeyTally.Counts, KeyTally.Work) {
        let tally = KeyTally(limits: limits)
        for key in keys {
            switch key.count {
            case 1: try tally.add(key[0])
            default: try tally.add(key[0], key[1], key[2])
            }
        }
        let counts = try tally.finish()
        return (counts, tally.work)
    }

    /// Hand-counted: a a a b b c → 6 keys, 3 different, 2 of them repeated (a, b), 5 rows share
    /// theirs (3 a + 2 b), 3 rows repeat an earlier one.
    @Test(arguments: [1, 2, 3, 100])
    func smallCaseByHand(limit: Int) throws {
        let keys = ["a", "b", "a", "c", "a", "b"].map { [$0] }
        let (counts, work) = try Self.tally(keys, limits: KeyTally.Limits(keys: limit, fanIn: 2))
        #expect(counts == KeyTally.Counts(total: 6, distinct: 3, repeatedKeys: 2, sharing: 5))
        #expect(counts.repeats == 3)
        #expect(work.peakKeysInMemory <= limit)
        #expect((work.runsWritten > 0) == (limit < 6))
    }

    /// 5,000 keys through a tally that holds 7: hundreds of runs, merged three at a time in
    /// several passes, and the counts are those of the dictionary.
    @Test func countsStayExactBeyondTheLimit() throws {
        // Child i answers for every third occasion; children 0..<600 and a few ids with Danish letters.
        var keys: [[String]] = []
        var generator = SystemRandomNumberGenerator()
        for row in 0..<5_000 {
            let child = row % 7 == 0 ? "barn-æøå-\(row % 11)" : "barn-\(Int.random(in: 0..<600, using: &generator))"
            keys.append([child, "T\(row % 3)", row % 5 == 0 ? "teacher" : "parent"])
        }
        let limits = KeyTally.Limits(keys: 7, bytes: 1 << 20, fanIn: 3)
        let (counts, work) = try Self.tally(keys, limits: limits)
        #expect(counts == Self.expected(keys))
        #expect(work.peakKeysInMemory <= 7)
        #expect(work.peakRunsOpen <= 3)
        #expect(work.runsWritten >= 5_000 / 7)
        #expect(work.intermediateMerges > 0)

        let children = keys.map { [$0[0]] }
        let (childCounts, _) = try Self.tally(children, limits: limits)
        #expect(childCounts.distinct == Set(children).count)
    }

    /// The byte limit spills too: long ids are not held beyond it.
    @Test func theByteLimitBoundsLongKeys() throws {
        let keys = (0..<200).map { [String(repeating: "x", count: 498) + String(format: "%02d", $0 % 50)] }
        let (counts, work) = try Self.tally(keys, limits: KeyTally.Limits(keys: 1_000, bytes: 320, fanIn: 64))
        #expect(counts == Self.expected(keys))
        // A key is held as 16 bytes (128 bits of its HMAC-SHA-256), however long the id: 19 keys
        // are 304 bytes, the 20th reaches 320 and spills.
        #expect(work.peakKeysInMemory == 20)
    }

    /// The runs on disk hold digests, never the ids (which may be CPR numbers).
    @Test func theRunsHoldNoIds() throws {
        let tally = KeyTally(limits: KeyTally.Limits(keys: 2))
        let ids = (0..<6).map { "barn-hemmelig-\($0)" }
        for id in ids { try tally.add(id, "T1", "parent") }
        let folder = try #require(tally.folder)
        var written = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            written.append(try Data(contentsOf: folder.appendingPathComponent(name)))
        }
        #expect(!written.isEmpty)
        #expect(written.range(of: Data("barn-hemmelig".utf8)) == nil)
        #expect(written.range(of: Data("parent".utf8)) == nil)
        #expect(try tally.finish().distinct == 6)
    }

    /// The parts of a key stay apart: ("ab", "c", "") and ("a", "bc", "") are two keys.
    @Test func partsAreNotRunTogether() throws {
        let tally = KeyTally(limits: KeyTally.Limits(keys: 1))
        try tally.add("ab", "c", "")
        try tally.add("a", "bc", "")
        try tally.add("a", "bc", "")
        #expect(try tally.finish() == KeyTally.Counts(total: 3, distinct: 2, repeatedKeys: 1, sharing: 2))
    }

    /// Runs go to a private folder that is gone once the tally has counted.
    @Test func theTemporaryFolderIsRemoved() throws {
        let tally = KeyTally(limits: KeyTally.Limits(keys: 2))
        for id in ["a", "b", "c", "d", "a"] { try tally.add(id) }
        let folder = try #require(tally.folder)
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o700)
        #expect(try tally.finish().distinct == 4)
        #expect(tally.folder == nil)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    /// Below the limit nothing touches the disk.
    @Test func aSmallTallyWritesNoRun() throws {
        let (counts, work) = try Self.tally([["a"], ["b"], ["a"]], limits: KeyTally.Limits(keys: 10))
        #expect(counts.distinct == 2 && counts.repeats == 1)
        #expect(work.runsWritten == 0)
    }
}

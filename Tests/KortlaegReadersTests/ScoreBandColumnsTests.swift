import Foundation
import KortlaegDomain
import KortlaegTestSupport
import Testing
@testable import KortlaegReaders

/// The band columns of `kortlaeg score` come from tables made once per run: a whole score from 0
/// to 63 takes its side-by-side band columns' labels joined in one field, any other value tests
/// the cuts. The oracle here is the band table itself, read in the test: a value is in a band
/// when it is at least its minimum (above it when the minimum is exclusive) and at most its
/// maximum, the first such band in order. The trivselsmåling 4.–9. klasse has means (2.3333…,
/// 4.25) and whole means on the exclusive edges (2, 3, 4 belong to the band below).
struct ScoreBandColumnsTests {
    @Test(arguments: [1, 2])
    func bandLabelsAreTheTablesBands(_ threads: Int) throws {
        let instrument = try loadCatalog().resolve("trivsel-4-9@1.0.0")
        let folder = try makeTemporaryFolder("kortlaeg-bands")
        defer { try? FileManager.default.removeItem(at: folder) }
        var random = SplitMix(state: 4_9)
        let header = ["elev"] + instrument.items.map(\.variable)
        var lines = [header.joined(separator: ";")]
        for row in 1...400 {
            // Every answer alike now and then (whole means 1…5), otherwise mixed, some unanswered.
            let same = random.next(4) == 0 ? String(1 + random.next(5)) : nil
            let answers = instrument.items.map { _ in same ?? (random.next(8) == 0 ? "" : String(1 + random.next(5))) }
            lines.append((["elev-\(row)"] + answers).joined(separator: ";"))
        }
        let input = folder.appendingPathComponent("trivsel.csv").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: input, atomically: true, encoding: .utf8)
        // Its indicators' item membership is not published: scored only when opted in.
        var configuration = ScoreJob.Configuration(inputPath: input, instrument: instrument,
                                                   options: ScoringOptions(includeUnverifiedScores: true), idColumn: "elev")
        configuration.threads = threads
        configuration.chunkRows = 7
        let output = folder.appendingPathComponent("scores.csv").path
        let summary = try ScoreJob(configuration).run(output: try CSVWriter(path: output), rejected: { _ in })
        #expect(summary.rowsRead == 400)

        let reader = try CSVReader(path: output)
        let columns = reader.header
        let lookup = BandLookup(instrument: instrument)
        var checked = 0, wholeEdges = 0, fractions = 0
        while let record = try reader.next() {
            for table in instrument.bandTables ?? [] {
                for (scoreID, entry) in table.scores {
                    let variable = try #require(instrument.scales.first { $0.id == scoreID }?.variable)
                    let scoreColumn = try #require(columns.firstIndex(of: variable))
                    let bandColumn = try #require(columns.firstIndex(of: "\(variable)_\(table.columnSuffix)"))
                    let text = record.fields[scoreColumn]
                    guard let value = Double(text) else {
                        #expect(record.fields[bandColumn].isEmpty, "no score, no band")
                        continue
                    }
                    let band = entry.bands.first { band in
                        let aboveMinimum = band.minimumExclusive == true ? value > band.minimum : value >= band.minimum
                        return aboveMinimum && value <= band.maximum
                    }
                    #expect(record.fields[bandColumn] == band.map { lookup.label(of: $0, language: .english) } ?? "",
                            "row \(record.number): \(variable) = \(text)")
                    checked += 1
                    if value == value.rounded(), [2.0, 3.0, 4.0].contains(value) { wholeEdges += 1 }
                    if value != value.rounded() { fractions += 1 }
                }
            }
        }
        // The file really went through both paths.
        #expect(checked > 1500, "\(checked) checked")
        #expect(wholeEdges > 50 && fractions > 500, "\(wholeEdges) on an edge, \(fractions) fractions")
    }
}

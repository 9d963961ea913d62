import Foundation
@testable import KortlaegDomain

/// The repository's Instruments folder.
let instrumentsDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Instruments").path

func loadInstrument(_ reference: String) throws -> Instrument {
    try InstrumentCatalog.load(directory: instrumentsDirectory).resolve(reference)
}

/// Answers by variable name (official SDQ names) → the scorer's item-ordered array.
func answers(_ instrument: Instrument, _ values: [String: Int]) -> [AnswerValue?] {
    instrument.items.map { item in values[item.variable].map { .code($0) } }
}

func score(_ scorer: Scorer, _ values: [String: Int]) -> [String: Double?] {
    let set = scorer.score(answers(scorer.instrument, values))
    var result: [String: Double?] = [:]
    for (index, definition) in scorer.scores.enumerated() { result[definition.variable] = set.values[index] }
    return result
}

import Foundation
@testable import KortlaegDomain
import KortlaegTestSupport

/// The repository's Instruments folder.
let instrumentsDirectory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Instruments").path

/// The shipped definition files (instruments, batteries, profiles, reference data), read here:
/// the folder reader is KortlaegReaders', which the domain tests do not depend on.
func shippedFiles() throws -> [DefinitionFile] {
    try jsonFiles(below: instrumentsDirectory).map { DefinitionFile(path: $0.path, relativePath: $0.relativePath, data: $0.data) }
}

/// The shipped instruments, decoded by the domain.
func shippedCatalog() throws -> InstrumentCatalog {
    try InstrumentCatalog(files: shippedFiles())
}

func loadInstrument(_ reference: String) throws -> Instrument {
    try shippedCatalog().resolve(reference)
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

import Foundation
import KortlaegTestSupport
import KortlaegDomain
import KortlaegReaders
@testable import KortlaegExport

/// The real SDQ parent form from the repository's Instruments folder.
func sdqParent() throws -> Instrument {
    try InstrumentCatalog.load(directory: repositoryRoot.appendingPathComponent("Instruments").path).resolve("sdq-p4-17@1.0.0")
}

/// A fixed key and a stable salt, so pseudonyms are reproducible (checked against Python's hmac).
func fixedPseudonymizer() throws -> Pseudonymizer {
    Pseudonymizer(key: try PseudonymKey(bytes: Array("0123456789abcdef0123456789abcdef".utf8)), salt: .named("evaluering-2026"))
}

/// Ids shaped like CPR numbers on purpose: they must never appear in an output.
let cprShapedIDs = ["010190-1234", "2902001234", "311299-9999"]

/// Three children, T1 and T2, emotion scores only (hand-chosen), and one item answer:
/// child 1: emotion 4 → 2 (change −2); child 2: 7 at T1, no T2 response; child 3: not computed at T1, 5 at T2.
func fixtureSource(instrument: Instrument) -> ExportSource {
    ExportSource(instrument: instrument, occasions: ["T1", "T2"], responses: [
        ExportResponse(childID: cprShapedIDs[0], occasion: "T1", scores: ["emotion": 4], answers: ["worries": .code(2)]),
        ExportResponse(childID: cprShapedIDs[0], occasion: "T2", scores: ["emotion": 2], answers: ["worries": .code(1)]),
        ExportResponse(childID: cprShapedIDs[1], occasion: "T1", scores: ["emotion": 7]),
        ExportResponse(childID: cprShapedIDs[2], occasion: "T1", scores: ["emotion": Double?.none]),
        ExportResponse(childID: cprShapedIDs[2], occasion: "T2", scores: ["emotion": 5]),
    ])
}

/// RCI with SD 2 and reliability 0.8 (test values, not norms): S_diff = √2·2·√0.2.
let testRCI: DatasetBuilder.ReliableChangeFunction = { _, scoreID, first, last in
    scoreID == "emotion" ? (last - first) / (2.0.squareRoot() * 2 * 0.2.squareRoot()) : nil
}

func temporaryFolder() throws -> URL { try makeTemporaryFolder("kortlaeg-export") }

/// Every byte run in the files below `folder` that is CPR-shaped, as "file" names. Hex SHA-256
/// checksums in manifests are removed first (64 random hex digits can hold ten digits in a row).
func cprShapedFiles(in folder: URL) throws -> [String] {
    var hits: [String] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        var bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        if name.hasSuffix(".manifest.json") {
            let text = String(decoding: bytes, as: UTF8.self)
            let cleaned = text.replacingOccurrences(of: "\"(sha256|keyFingerprint)\" : \"[0-9a-f]+\"", with: "", options: .regularExpression)
            bytes = Array(cleaned.utf8)
        }
        if CPRNumber.firstMatch(in: bytes) != nil { hits.append(name) }
    }
    return hits
}

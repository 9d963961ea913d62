import Foundation
import KortlaegDomain
import KortlaegReaders

/// Reads files written by `kortlaeg score` (id, score variables, band columns, `status`) into
/// ``ExportResponse``s. Band columns are ignored: bands are recomputed from the scores and the
/// instrument's band tables, so they are coded by level whatever language the file was written in.
public struct ScoreFileReader {
    /// The responses of one file and what the manifest records about it.
    public struct Result {
        public var responses: [ExportResponse]
        public var input: ExportManifest.Input
    }

    private let instrument: Instrument
    private let idColumn: String?

    /// Creates a reader for score files of `instrument`.
    /// - Parameter idColumn: the id column's name (default: the first column).
    public init(instrument: Instrument, idColumn: String?) {
        self.instrument = instrument
        self.idColumn = idColumn
    }

    /// Reads `path` as the scores of `occasion`.
    /// - Throws: ``ExportError/input(file:reason:)`` naming the file and the column or row.
    public func read(path: String, occasion: String) throws -> Result {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw ExportError.input(file: path, reason: "\(error)") }
        let header = reader.header.map { $0.trimmingCharacters(in: [" ", "\u{FEFF}"]).lowercased() }
        let idIndex: Int
        if let idColumn {
            guard let index = header.firstIndex(of: idColumn.lowercased()) else {
                throw ExportError.input(file: path, reason: "no id column '\(idColumn)'. The header has: \(reader.header.prefix(6).joined(separator: ", ")).")
            }
            idIndex = index
        } else {
            idIndex = 0
        }
        let scorer: Scorer
        do {
            scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
        } catch {
            throw ExportError.input(file: path, reason: "\(error)")
        }
        let columns = scorer.scores.map { definition in (definition.id, header.firstIndex(of: definition.variable.lowercased())) }
        guard columns.contains(where: { $0.1 != nil }) else {
            let expected = scorer.scores.prefix(3).map(\.variable).joined(separator: ", ")
            throw ExportError.input(file: path, reason: "no score column of \(instrument.reference) (expected e.g. \(expected)). Is this a file written by 'kortlaeg score' with --instrument \(instrument.id)?")
        }
        let statusIndex = header.firstIndex(of: "status")
        let decimalComma = reader.dialect.delimiter == .semicolon
        var responses: [ExportResponse] = []
        do {
            while let record = try reader.next() {
                let id = (record[safe: idIndex] ?? "").trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else {
                    throw ExportError.input(file: path, reason: "row \(record.number) has an empty id.")
                }
                let rejected = statusIndex.flatMap { record[safe: $0] }?.lowercased() == "rejected"
                var scores: [String: Double?] = [:]
                for (scoreID, index) in columns {
                    guard let index else { continue }
                    var text = (record[safe: index] ?? "").trimmingCharacters(in: .whitespaces)
                    if decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
                    if text.isEmpty || rejected {
                        scores[scoreID] = .some(nil)
                    } else if let value = Double(text) {
                        scores[scoreID] = value
                    } else {
                        throw ExportError.input(file: path, reason: "row \(record.number), column '\(reader.header[index])': expected a number.")
                    }
                }
                responses.append(ExportResponse(childID: id, occasion: occasion, scores: scores))
            }
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError.input(file: path, reason: "\(error)")
        }
        let checksum = try FileChecksum.sha256(path: path)
        return Result(responses: responses,
                      input: ExportManifest.Input(name: (path as NSString).lastPathComponent, occasion: occasion,
                                                  rows: responses.count, sha256: checksum.hex))
    }
}

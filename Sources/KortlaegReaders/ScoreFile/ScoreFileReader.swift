import Foundation
import KortlaegDomain

/// Reads files written by `kortlaeg score` (``ScoreFileFormat``) back into rows of scores.
///
/// Score columns are found by the instrument's official variable names (case-insensitive). Band
/// columns are not read: bands are recomputed from the scores and the instrument's band tables,
/// whatever language the file was written in. Values are keyed by the score ids of a target
/// instrument: the same one, or another version linked through declared equivalence keys (a
/// follow-up version read against the base version).
public struct ScoreFileReader: Sendable {
    private let instrument: Instrument
    private let target: Instrument
    private let idColumn: String?

    /// Creates a reader for score files of `instrument`.
    /// - Parameters:
    ///   - target: the instrument whose score ids key the values (default: `instrument`).
    ///   - idColumn: the id column's name (default: the first column).
    public init(instrument: Instrument, target: Instrument? = nil, idColumn: String? = nil) {
        self.instrument = instrument
        self.target = target ?? instrument
        self.idColumn = idColumn
    }

    /// Reads the file at `path`.
    /// - Throws: ``ScoreFileError`` naming the file and, for a bad cell, the row and column.
    public func read(path: String) throws(ScoreFileError) -> ScoreFileContents {
        let reader: CSVReader
        do { reader = try CSVReader(path: path) } catch { throw .unreadable(file: path, reason: "\(error)") }
        let header = reader.header.map { $0.trimmingCharacters(in: [" ", "\t", "\u{FEFF}"]) }
        let lowered = header.map { $0.lowercased() }
        guard !header.isEmpty else { throw .emptyFile(file: path) }
        let idIndex: Int
        if let idColumn {
            guard let index = lowered.firstIndex(of: idColumn.lowercased()) else {
                throw .missingIDColumn(file: path, name: idColumn, suggestion: closestMatch(to: idColumn, in: header), header: header)
            }
            idIndex = index
        } else {
            idIndex = 0
        }
        let scorer: Scorer, targetScorer: Scorer
        do {
            scorer = try Scorer(instrument: instrument, options: ScoringOptions(includeUnverifiedScores: true))
            targetScorer = try Scorer(instrument: target, options: ScoringOptions(includeUnverifiedScores: true))
        } catch {
            throw .unreadable(file: path, reason: "\(error)")
        }
        // Column → target score id, through equal ids (same instrument) or equivalence keys.
        var scoreColumns: [(index: Int, id: String)] = []
        for score in scorer.scores {
            guard let column = lowered.firstIndex(of: score.variable.lowercased()) else { continue }
            if instrument.reference == target.reference {
                scoreColumns.append((column, score.id))
            } else if let key = score.equivalenceKey, let match = targetScorer.scores.first(where: { $0.equivalenceKey == key }) {
                scoreColumns.append((column, match.id))
            }
        }
        guard !scoreColumns.isEmpty else {
            throw .noScoreColumns(file: path, instrument: instrument.reference.description, instrumentID: instrument.id,
                                  expected: scorer.scores.prefix(3).map(\.variable))
        }
        let variables = Set(scorer.scores.map { $0.variable.lowercased() })
        let statusIndex = lowered.firstIndex(of: ScoreFileFormat.statusColumn)
        // The site column: `site` as `kortlaeg score` writes it, or a column named kommune,
        // municipality or sted in a file made otherwise.
        let siteIndex = SiteName.headers.lazy.compactMap { name in lowered.firstIndex(of: name) }.first { $0 != idIndex }
        let scoreIndices = Set(scoreColumns.map(\.index))
        let attributeIndices = header.indices.filter { index in
            guard index != idIndex, index != statusIndex, index != siteIndex, !scoreIndices.contains(index) else { return false }
            // Band columns (<variable>_<suffix>) and unmatched score columns are not attributes.
            let name = lowered[index]
            if variables.contains(name) { return false }
            if let underscore = name.lastIndex(of: "_"), variables.contains(String(name[..<underscore])) { return false }
            return true
        }
        var rows: [ScoreFileContents.Row] = []
        let attributeNames = attributeIndices.map { header[$0] }
        do {
            // Fields as bytes: a String per kept field, none per score cell (a score file of
            // 200k rows has 2.4M score cells).
            while let (number, _) = try reader.nextRaw() {
                let row = try reader.withRawRecord { record throws -> ScoreFileContents.Row in
                    let status = statusIndex.flatMap { index in index < record.count ? record[index] : nil }
                        .flatMap { ScoreFileFormat.Status(rawValue: ScoreCell.trimmed($0).lowercased()) }
                    var scores: [String: Double?] = Dictionary(minimumCapacity: scoreColumns.count)
                    for (index, id) in scoreColumns {
                        let cell = index < record.count ? ScoreCell(record[index]) : .empty
                        switch cell {
                        case .empty: scores[id] = .some(nil)
                        case _ where status == .rejected: scores[id] = .some(nil)
                        case let .value(value): scores[id] = value
                        case .invalid:
                            let text = ScoreCell.trimmed(record[index])
                            throw ScoreFileError.notANumber(file: path, row: number, column: header[index],
                                                            value: CPRGuard.masked(text.count > 40 ? String(text.prefix(40)) + "…" : text))
                        }
                    }
                    var attributes: [String: String] = Dictionary(minimumCapacity: attributeIndices.count)
                    for (index, name) in zip(attributeIndices, attributeNames) { attributes[name] = record.string(index) ?? "" }
                    let id = idIndex < record.count ? ScoreCell.trimmed(record[idIndex]) : ""
                    var row = ScoreFileContents.Row(number: number, id: id, attributes: attributes, scores: scores, status: status)
                    row.site = siteIndex.flatMap { record.string($0) }.flatMap(SiteName.display)
                    return row
                }
                rows.append(row)
            }
        } catch let error as ScoreFileError {
            throw error
        } catch {
            throw .unreadable(file: path, reason: "\(error)")
        }
        var contents = ScoreFileContents(rows: rows, idColumn: header[idIndex], attributeColumns: attributeIndices.map { header[$0] })
        contents.siteColumn = siteIndex.map { header[$0] }
        return contents
    }
}

/// One score cell read from bytes as the String path read it: spaces and tabs trimmed, a decimal
/// comma taken as a point, then Swift's `Double(_:)` — for plain decimal text only (digits, sign,
/// one separator, exponent) with a finite result: "nan", "inf" or "0x1p3", which `Double(_:)`
/// also reads, are not scores.
enum ScoreCell: Equatable {
    case empty
    case value(Double)
    case invalid

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let text = Self.trimmed(bytes)
        if text.isEmpty {
            self = .empty
        } else if text.utf8.allSatisfy(Self.isDecimalByte),
                  let value = Double(text.utf8.contains(UInt8(ascii: ",")) ? text.replacingOccurrences(of: ",", with: ".") : text),
                  value.isFinite {
            self = .value(value)
        } else {
            self = .invalid
        }
    }

    /// A byte of plain decimal notation: a digit, `+`, `-`, `.`, `,`, `e` or `E`.
    static func isDecimalByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ","),
             UInt8(ascii: "e"), UInt8(ascii: "E"): true
        default: false
        }
    }

    /// The field's text without leading and trailing whitespace (`CharacterSet.whitespaces`): a
    /// byte scan for ASCII text, Foundation for the rare field with other bytes.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var low = 0, high = bytes.count
        if bytes.contains(where: { $0 >= 0x80 }) {
            return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        while low < high, bytes[low] == 0x20 || bytes[low] == 0x09 { low += 1 }
        while high > low, bytes[high - 1] == 0x20 || bytes[high - 1] == 0x09 { high -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[low..<high]), as: UTF8.self)
    }
}

import Foundation
import KortlaegDomain
import KortlaegReaders

/// A file written by `kortlaeg score`, as a report or an export reads it: its path, the occasion
/// its rows belong to and the instrument it was scored with.
public struct ScoreFileInput: Sendable {
    /// The file's path.
    public var path: String
    /// The occasion label (`T1`, `F1`, `T2`, …); nil = `T<position>` (T1, T2, … in the order given).
    public var occasion: String?
    /// The instrument the file was scored with.
    public var instrument: Instrument

    /// Creates an input.
    public init(path: String, occasion: String? = nil, instrument: Instrument) {
        self.path = path
        self.occasion = occasion
        self.instrument = instrument
    }

    /// The occasion of each file: as given, else `T1`, `T2`, … by position.
    static func occasions(_ files: [ScoreFileInput]) -> [String] {
        files.enumerated().map { $0.element.occasion ?? "T\($0.offset + 1)" }
    }

    /// Stops with ``Severity/notFound`` when one of the files is missing.
    static func requireExisting(_ files: [ScoreFileInput]) throws(KortlaegError) {
        for file in files where !FileManager.default.fileExists(atPath: file.path) {
            throw KortlaegError(.notFound, "\(file.path): no such file.")
        }
    }

    /// The file's rows, keyed by the score ids of its instrument.
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) naming the file, row and column.
    func read(idColumn: String?) throws(KortlaegError) -> ScoreFileContents {
        do {
            return try ScoreFileReader(instrument: instrument, idColumn: idColumn).read(path: path)
        } catch {
            throw KortlaegError(.invalidInput, error.description)
        }
    }
}

/// One import batch as `kortlaeg imports` lists it: the file, who imported it when, what it
/// stored then and what of it is stored now, and whether it was removed.
///
/// The counts `accepted`, `rejected` and `replaced` are those of the import itself. `responses`,
/// `unchanged` and `trivselFigures` are counted now: a later removal or `--replace` changes them.
public struct StoredImport: Hashable, Sendable {
    /// The batch's id (`kortlaeg imports remove ID`).
    public var id: Int64
    /// The file's name.
    public var fileName: String
    /// SHA-256 of the file, lowercase hex.
    public var sha256: String
    /// The profile or reader.
    public var profile: String
    /// When (ISO 8601, UTC).
    public var importedAt: String
    /// Who imported.
    public var `operator`: String
    /// Responses the import stored.
    public var accepted: Int
    /// Rejections in its rejects report.
    public var rejected: Int
    /// Earlier responses the import replaced (`--replace`).
    public var replaced: Int
    /// Responses stored now under this import (it is their source).
    public var responses: Int
    /// Responses the file re-delivered unchanged that an earlier import still holds.
    public var unchanged: Int
    /// Trivselsmåling figures stored now under this import.
    public var trivselFigures: Int
    /// The instruments (`id@version`) of the responses this import holds or re-delivered.
    public var instruments: [String]
    /// Their occasions (T1, F1, …), in course order.
    public var occasions: [String]
    /// Their informants.
    public var informants: [String]
    /// When the import was removed (ISO 8601, UTC), if it was.
    public var removedAt: String?
    /// Who removed it, if it was removed.
    public var removedBy: String?

    /// Whether the import was removed (`kortlaeg imports remove`).
    public var isRemoved: Bool { removedAt != nil }

    /// Creates the value from its parts.
    package init(id: Int64, fileName: String, sha256: String, profile: String, importedAt: String, operator: String,
                 accepted: Int, rejected: Int, replaced: Int, responses: Int, unchanged: Int, trivselFigures: Int,
                 instruments: [String] = [], occasions: [String] = [], informants: [String] = [],
                 removedAt: String? = nil, removedBy: String? = nil) {
        self.id = id
        self.fileName = fileName
        self.sha256 = sha256
        self.profile = profile
        self.importedAt = importedAt
        self.operator = `operator`
        self.accepted = accepted
        self.rejected = rejected
        self.replaced = replaced
        self.responses = responses
        self.unchanged = unchanged
        self.trivselFigures = trivselFigures
        self.instruments = instruments
        self.occasions = occasions
        self.informants = informants
        self.removedAt = removedAt
        self.removedBy = removedBy
    }
}

/// What an import's responses are about, one row per combination: the backends hand these to
/// ``StoredImport`` (instrument, occasion in course order, informant).
package struct ImportContents: Hashable, Sendable {
    package var batchID: Int64
    package var instrument: String
    package var occasion: String
    package var sequence: Int
    package var informant: String

    package init(batchID: Int64, instrument: String, occasion: String, sequence: Int, informant: String) {
        self.batchID = batchID
        self.instrument = instrument
        self.occasion = occasion
        self.sequence = sequence
        self.informant = informant
    }

    /// `imports` with the instruments, occasions and informants of `contents` filled in.
    package static func fill(_ imports: [StoredImport], from contents: [ImportContents]) -> [StoredImport] {
        let byBatch = Dictionary(grouping: contents, by: \.batchID)
        return imports.map { batch in
            var batch = batch
            let rows = byBatch[batch.id] ?? []
            batch.instruments = distinct(rows.map(\.instrument).sorted())
            batch.occasions = distinct(rows.sorted { ($0.sequence, $0.occasion) < ($1.sequence, $1.occasion) }.map(\.occasion))
            batch.informants = distinct(rows.map(\.informant).sorted())
            return batch
        }
    }

    private static func distinct(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

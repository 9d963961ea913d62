/// The file an import comes from.
public struct ImportBatch: Hashable, Sendable {
    /// The file's name (the last path component is stored).
    public var fileName: String
    /// SHA-256 of the file's bytes, lowercase hex: the same file is imported only once.
    public var sha256: String
    /// The mapping profile used (e.g. `official-variables-csv`); an importer that chooses the
    /// profile from the file names it with ``ImportSink/useProfile(_:)``.
    public var profile: String

    /// Creates a batch description.
    public init(fileName: String, sha256: String, profile: String) {
        self.fileName = fileName
        self.sha256 = sha256
        self.profile = profile
    }
}

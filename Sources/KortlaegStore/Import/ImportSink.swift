/// Receives the records and rejections of one file during ``ProjectStore/importFile(_:options:produce:)``.
public protocol ImportSink {
    /// Stores an accepted record (or notes it as a conflict or an in-file duplicate).
    /// - Returns: the rejection when the store refused the record itself (an in-file duplicate,
    ///   an empty child id); it is already kept with the batch, and the caller reports it too
    ///   (stderr, the rejects file). Nil when stored or noted as a conflict.
    /// - Throws: ``StoreError`` when the record cannot be stored at all (the file is rolled back).
    @discardableResult
    func add(_ record: PreparedResponse) throws -> ImportReject?
    /// Prepares records for ``add(_:)-(PreparedResponse)`` on any thread (the import's reading one).
    func preparer() -> ResponsePreparer
    /// Adds a rejection to the batch's rejects report.
    func reject(_ rejection: ImportReject) throws
    /// Names the mapping profile applied, once it is known (an importer may choose it from the
    /// file's first record); it replaces ``ImportBatch/profile`` in the stored batch.
    func useProfile(_ profile: String)
}

extension ImportSink {
    /// Prepares and stores an accepted record (see ``add(_:)-(PreparedResponse)``).
    @discardableResult
    public func add(_ record: StoredResponseInput) throws -> ImportReject? {
        try add(preparer().prepare(record))
    }
}

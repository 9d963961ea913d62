import KortlaegStore

extension SQLiteProjectStore {
    public func importFile(_ batch: ImportBatch, options: ImportOptions,
                           produce: (any ImportSink) throws -> Void) throws -> ImportOutcome {
        try ResponseImport<SQLiteImportBackend>.importFile(batch, options: options, pseudonymizer: pseudonymizer,
                                                           store: self, produce: produce)
    }
}

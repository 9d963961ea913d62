import KortlaegReaders

extension ProgressUpdate {
    /// An update from an import job's progress.
    init(subject: String, _ progress: ImportJob.Progress) {
        self.init(subject: subject, records: progress.records, bytes: progress.bytes, totalBytes: progress.totalBytes)
    }
}

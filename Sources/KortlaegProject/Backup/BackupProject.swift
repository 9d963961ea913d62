import KortlaegStore

/// `kortlaeg backup --project P FILE`: a consistent copy of the project, also while it is in use.
public enum BackupProject {
    /// Copies `project` to the new file `destination` (never overwritten) and checks the copy.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` without a project, ``Severity/cannotWrite``
    ///   when the copy cannot be written (nothing is left behind then).
    public static func run(project: String, destination: String, sink: any ProgressSink) throws(KortlaegError) {
        let store = try ProjectLocation.open(project)
        do { try store.backup(to: destination) } catch let error as StoreError {
            throw KortlaegError(.cannotWrite, error.description)
        } catch {
            throw KortlaegError(.cannotWrite, "cannot write \(destination): \(error)")
        }
        // The copy must open as a project and pass the full check.
        let copy = try ProjectLocation.open(destination)
        let problems = (try? copy.checkIntegrity(full: true)) ?? ["the copy cannot be read"]
        guard problems.isEmpty else {
            throw KortlaegError(.cannotWrite, "\(destination): the copy failed its integrity check (\(problems.prefix(3).joined(separator: "; "))).")
        }
        sink.note("backed up \(project) to \(destination) (checked). Restore it by copying it back while no one uses the project.")
    }
}

import KortlaegStore

/// `kortlaeg check --project P`: the store's full integrity check, and what to do when it fails.
public enum CheckProject {
    /// What the check found.
    public struct Result: Hashable, Sendable {
        /// The problems, in the store's words; empty when the project is intact.
        public var problems: [String]
        /// ``Severity/success`` when intact, else ``Severity/invalidInput``.
        public var severity: Severity
    }

    /// Runs the full check on `project` (reads only, never repairs) and reports through `sink`.
    /// - Throws: ``KortlaegError``: ``Severity/notFound`` without a project, ``Severity/invalidInput``
    ///   when it cannot be opened at all.
    public static func run(project: String, sink: any ProgressSink) throws(KortlaegError) -> Result {
        let store = try ProjectLocation.open(project)
        let problems: [String]
        do { problems = try store.checkIntegrity(full: true) } catch {
            throw KortlaegError(.invalidInput, "\(project): the integrity check could not run (\(error)). "
                                + "Restore the last backup ('kortlaeg backup' makes one) and import the newer files again.")
        }
        guard problems.isEmpty else {
            for problem in problems.prefix(20) { sink.error("\(project): \(problem)") }
            if problems.count > 20 { sink.note("… and \(problems.count - 20) more") }
            sink.note("\(project) is damaged: do not import into it. Restore the last backup "
                      + "(made with 'kortlaeg backup --project P FILE'), then import the files delivered since then again; "
                      + "the same file is never imported twice.")
            return Result(problems: problems, severity: .invalidInput)
        }
        sink.note("\(project): the integrity check found no problems.")
        return Result(problems: [], severity: .success)
    }
}

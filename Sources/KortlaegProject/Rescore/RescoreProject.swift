import KortlaegDomain
import KortlaegStore

/// Recomputes every stored score with the current instrument files (`kortlaeg rescore`), after an
/// instrument's rules or bands were corrected. Each response is rescored with the exact instrument
/// version it was collected with and the rule choices recorded at import; the run is recorded in
/// the audit log.
public enum RescoreProject {
    /// What to rescore.
    public struct Request: Sendable {
        /// The project, as the user names it (`--project`).
        public var project: String
        /// The current instrument files.
        public var instruments: InstrumentCatalog
        /// Who rescores (for the audit log).
        public var `operator`: String
        /// Report the changes, but store nothing.
        public var dryRun: Bool

        /// A request.
        public init(project: String, instruments: InstrumentCatalog, operator: String, dryRun: Bool = false) {
            self.project = project
            self.instruments = instruments
            self.operator = `operator`
            self.dryRun = dryRun
        }
    }

    /// Rescores the project; `changed` is called for every score whose value or band changed, in
    /// the store's order, while the rescoring runs (the project is never held in memory). The counts
    /// go to `sink` as a note.
    /// - Returns: the counts of responses and changed scores.
    /// - Throws: ``KortlaegError`` when the project cannot be opened or rescored; then nothing was changed.
    @discardableResult
    public static func run(_ request: Request, sink: any ProgressSink,
                           changed: (ScoreChange) -> Void) throws(KortlaegError) -> RescoreSummary {
        let store = try ProjectLocation.open(request.project)
        let summary: RescoreSummary
        do {
            summary = try store.rescore(instruments: request.instruments, operator: request.operator, dryRun: request.dryRun) {
                changed($0)
            }
        } catch {
            throw KortlaegError(.invalidInput, "\(error) Nothing was changed.")
        }
        sink.note("\(request.dryRun ? "dry run, nothing stored: " : "")rescored \(summary.responses) responses; "
                  + "\(summary.changedScores) scores changed in \(summary.changedResponses) responses")
        return summary
    }
}

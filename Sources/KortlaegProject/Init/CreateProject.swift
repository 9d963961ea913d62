/// Creates a project store (`kortlaeg init`): one file, nothing to install or start. It keeps a
/// random pseudonymisation key, so it must be kept as safe as the data it came from.
public enum CreateProject {
    /// The project to create.
    public struct Request: Sendable {
        /// Where to create it (e.g. `NAME.kortlaeg`); an existing file is never overwritten.
        public var location: String
        /// The municipality, intervention model and mapping-tool version.
        public var project: ProjectInfo
        /// Who creates it, for the audit log.
        public var `operator`: String

        /// Creates a request.
        public init(location: String, project: ProjectInfo = ProjectInfo(), operator: String) {
            self.location = location
            self.project = project
            self.operator = `operator`
        }
    }

    /// Creates the project and reports it through `sink`.
    /// - Returns: the new project, open.
    /// - Throws: ``KortlaegError`` with ``Severity/cannotWrite`` when something exists at the
    ///   location or the project cannot be created there.
    @discardableResult
    public static func run(_ request: Request, sink: any ProgressSink) throws(KortlaegError) -> any ProjectStore {
        let store = try ProjectLocation.create(request.location, project: request.project, operator: request.operator,
                                               note: { sink.note($0) })
        sink.note("created project \(ProjectLocation.display(request.location))")
        return store
    }
}

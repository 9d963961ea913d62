import Foundation
import KortlaegProject
import Logging

/// What `kortlaeg serve` runs: which project, which instrument files, where to listen.
public struct WebConfiguration: Sendable {
    /// The project (`--project`).
    public var project: String
    /// The instrument files the project was scored with.
    public var instruments: InstrumentLibrary
    /// The address to listen on (127.0.0.1 unless told otherwise).
    public var host: String
    /// The port (0: any free port; the address printed says which).
    public var port: Int
    /// Mark cookies `Secure` (behind a TLS reverse proxy).
    public var secureCookies: Bool
    /// The largest upload accepted, in bytes.
    public var uploadLimit: Int
    /// The tool and version written into export manifests (`kortlaeg 0.1.0`).
    public var tool: String
    /// Where the server logs (never a CPR number, never a request body).
    public var logger: Logger

    /// A configuration.
    public init(project: String, instruments: InstrumentLibrary, host: String = "127.0.0.1", port: Int = 8080,
                secureCookies: Bool = false, uploadLimit: Int = 20 * 1024 * 1024, tool: String, logger: Logger? = nil) {
        self.project = project
        self.instruments = instruments
        self.host = host
        self.port = port
        self.secureCookies = secureCookies
        self.uploadLimit = uploadLimit
        self.tool = tool
        var fallback = Logger(label: "kortlaeg.web")
        fallback.logLevel = .notice
        self.logger = logger ?? fallback
    }

    /// The project's folder (uploads are written only below it). A project in PostgreSQL has no
    /// folder: its uploads go below `KORTLAEG_UPLOAD_DIR`, else `~/.cache/kortlaeg` (the user's
    /// own, never a shared temporary folder).
    var projectFolder: String {
        if project.hasPrefix("postgres://") || project.hasPrefix("postgresql://") {
            if let folder = ProcessInfo.processInfo.environment["KORTLAEG_UPLOAD_DIR"], !folder.isEmpty { return folder }
            return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/kortlaeg").path
        }
        return (URL(fileURLWithPath: project).standardizedFileURL.path as NSString).deletingLastPathComponent
    }
}

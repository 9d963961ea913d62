import ArgumentParser
import Foundation
import KortlaegProject
import KortlaegWeb

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run Kortlæg in the browser for a project (overview, children, import, progress, exports).",
        discussion: """
            Starts a web server on the project and prints the address to open. It listens on \
            127.0.0.1 only, unless --host says otherwise; for a team, put a reverse proxy with TLS in \
            front (docs/deployment.md) and use --secure-cookies. Users are added with 'kortlaeg user add'. \
            On a project in PostgreSQL several servers may run at once (users and sessions are in the \
            database); uploads wait for their confirmation in KORTLAEG_UPLOAD_DIR (default ~/.cache/kortlaeg).

            Example:
              kortlaeg serve --project aarhus.kortlaeg
              kortlaeg serve --project aarhus.kortlaeg --port 8443 --host 0.0.0.0 --secure-cookies
              kortlaeg serve --project "postgres://ppr@db.kommune.local/kortlaeg?project=inklusion-2026"
            """)

    @OptionGroup var project: ProjectOptions
    @Option(help: "The port to listen on (0: any free port).") var port = 8080
    @Option(help: "The address to listen on.") var host = "127.0.0.1"
    @Flag(help: "Mark cookies Secure (when a TLS reverse proxy is in front).") var secureCookies = false
    @OptionGroup var instruments: InstrumentOptions

    func run() throws {
        let configuration = WebConfiguration(project: try project.required("serve"), instruments: try instruments.library(),
                                             host: host, port: port, secureCookies: secureCookies,
                                             tool: "kortlaeg \(KortlaegCommand.configuration.version)")
        do {
            try WebServer.serve(configuration) { address in
                // Written unbuffered: a script reading the address from a pipe gets it at once.
                FileHandle.standardOutput.write(Data("Kortlæg kører på \(address) – åbn adressen i en browser (Ctrl-C stopper).\n".utf8))
            }
        } catch let error as KortlaegError {
            throw KortlaegExit.fail(error)
        }
    }
}

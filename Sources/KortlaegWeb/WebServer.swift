import Foundation
import Hummingbird
import NIOCore
import KortlaegProject

/// The web application: Kortlæg in the browser, on the same use cases as the command line.
public enum WebServer {
    /// The application for `configuration` (tests run it through HummingbirdTesting).
    /// - Parameter onStart: called with the address once the server listens.
    /// - Throws: ``KortlaegError`` when the project or the instrument files cannot be opened.
    public static func application(_ configuration: WebConfiguration, onStart: @escaping @Sendable (String) -> Void = { _ in })
        throws(KortlaegError) -> some ApplicationProtocol {
        _ = try ProjectLocation.openWithUsers(configuration.project)
        let site = try Site(configuration: configuration)
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SafetyMiddleware(logger: configuration.logger))
        site.register(on: router)
        let host = configuration.host
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                onStart("http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
            },
            logger: configuration.logger
        )
    }

    /// Runs the server until it is stopped (SIGINT/SIGTERM).
    public static func run(_ configuration: WebConfiguration, onStart: @escaping @Sendable (String) -> Void) async throws {
        try await application(configuration, onStart: onStart).runService()
    }

    /// Runs the server from synchronous code (the command line) until it is stopped.
    public static func serve(_ configuration: WebConfiguration, onStart: @escaping @Sendable (String) -> Void) throws {
        let app = try application(configuration, onStart: onStart)
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await app.runService() } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }
}

private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ error: any Error) { lock.lock(); stored = error; lock.unlock() }
    var error: (any Error)? { lock.lock(); defer { lock.unlock() }; return stored }
}

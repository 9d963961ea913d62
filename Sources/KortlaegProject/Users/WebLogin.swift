import Crypto
import Foundation
import HummingbirdBcrypt
import KortlaegDomain
import KortlaegStore

/// Log-in, sessions and log-out for the web application, over a project's ``UserStore``.
///
/// A session id is 32 random bytes (hex) that only the browser keeps; the store keeps its SHA-256.
/// After ``maximumFailures`` failed log-ins in a row the user is locked for ``lockDuration``.
public struct WebLogin {
    /// A logged-in user, as every page sees it.
    public struct Session: Sendable, Hashable {
        /// The user's name.
        public var user: String
        /// The user's role.
        public var role: UserRole
        /// The token every form of the session must carry.
        public var csrfToken: String
        /// SHA-256 of the session id.
        public var idHash: String
    }

    /// How a log-in ended.
    public enum Outcome: Sendable {
        /// Logged in: `cookie` is the session id for the browser.
        case success(cookie: String, session: Session)
        /// Wrong name or password (the two are never told apart).
        case refused
        /// Too many failures: refused until then, even with the right password.
        case locked(until: Date)
    }

    /// Failed log-ins in a row before the user is locked.
    public static let maximumFailures = 5
    /// How long a locked user waits.
    public static let lockDuration: TimeInterval = 15 * 60
    /// How long a session lasts.
    public static let sessionDuration: TimeInterval = 8 * 3600

    /// The project.
    public let store: any ProjectStore & UserStore

    /// Log-ins for the project at `location`.
    public init(project location: String) throws(KortlaegError) {
        store = try ProjectLocation.openWithUsers(location)
    }

    /// Checks the name and password and opens a session.
    public func logIn(name: String, password: String, now: Date = Date()) throws(KortlaegError) -> Outcome {
        do {
            guard let user = try store.user(named: name), let role = UserRole(rawValue: user.role) else {
                // The same work as for a real user, so that timing does not tell names apart.
                _ = Bcrypt.verify(password, hash: Self.dummyHash)
                return .refused
            }
            if let until = user.lockedUntil, until > now { return .locked(until: until) }
            guard Bcrypt.verify(password, hash: user.passwordHash) else {
                let lock = user.failedLogins + 1 >= Self.maximumFailures ? now.addingTimeInterval(Self.lockDuration) : nil
                try store.recordLogin(name: name, succeeded: false, lockUntil: lock)
                return lock.map { .locked(until: $0) } ?? .refused
            }
            try store.recordLogin(name: name, succeeded: true, lockUntil: nil)
            let cookie = Self.randomToken()
            let session = Session(user: user.name, role: role, csrfToken: Self.randomToken(), idHash: Self.hash(cookie))
            try store.saveSession(StoredSession(idHash: session.idHash, user: user.name, csrfToken: session.csrfToken,
                                                expiresAt: now.addingTimeInterval(Self.sessionDuration)))
            return .success(cookie: cookie, session: session)
        } catch {
            throw KortlaegError(.invalidInput, "The log-in could not be checked (\(error)).",
                                danish: "Log-ind kunne ikke kontrolleres. Prøv igen.")
        }
    }

    /// The session of a cookie, or nil when it is unknown, expired or its user is gone.
    public func session(cookie: String, now: Date = Date()) throws(KortlaegError) -> Session? {
        guard cookie.count == 64, cookie.allSatisfy(\.isHexDigit) else { return nil }
        do {
            guard let stored = try store.session(idHash: Self.hash(cookie), now: now),
                  let user = try store.user(named: stored.user), let role = UserRole(rawValue: user.role) else { return nil }
            return Session(user: stored.user, role: role, csrfToken: stored.csrfToken, idHash: stored.idHash)
        } catch {
            throw KortlaegError(.invalidInput, "The session could not be read (\(error)).",
                                danish: "Sessionen kunne ikke læses. Log ind igen.")
        }
    }

    /// Ends the session.
    public func logOut(_ session: Session) throws(KortlaegError) {
        do { try store.deleteSession(idHash: session.idHash) } catch {
            throw KortlaegError(.cannotWrite, "The session could not be ended (\(error)).",
                                danish: "Sessionen kunne ikke afsluttes. Prøv igen.")
        }
    }

    /// 32 random bytes as 64 hex digits (the system's cryptographic generator). A token that
    /// happens to hold a CPR-shaped run of digits (about one in 400) is drawn again: tokens go
    /// into cookies, forms, upload folders and their paths, where a CPR-shaped number must never
    /// appear (and an upload's path with one would be refused as a file name).
    public static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let token = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
            if !CPRNumber.containsCPR(token) { return token }
        }
    }

    /// Two tokens compared in time that does not depend on where they differ.
    public static func sameToken(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    private static let dummyHash = Bcrypt.hash("kortlaeg-no-such-user", cost: 12)
}

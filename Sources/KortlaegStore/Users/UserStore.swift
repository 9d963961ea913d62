import Foundation

/// The people who may use a project in the browser (`kortlaeg serve`) and their sessions.
///
/// Kept apart from ``ProjectStore`` so that a backend adds it on its own: the SQLite store
/// implements it (migration `v4`), the PostgreSQL store will. Passwords arrive here already hashed
/// (bcrypt, in KortlaegProject); session ids arrive as their SHA-256, so the store never holds a
/// password or a token that could be replayed.
public protocol UserStore {
    /// Adds a user, or replaces the role and password of the user of that name.
    /// - Throws: ``StoreError``.
    func saveUser(_ user: StoredUser) throws

    /// The user of that name (names compare exactly), or nil.
    func user(named name: String) throws -> StoredUser?

    /// Records a log-in attempt: a success clears the failures and the lock, a failure counts and
    /// locks the user until `lockUntil` when it is given.
    func recordLogin(name: String, succeeded: Bool, lockUntil: Date?) throws

    /// Stores a new session.
    func saveSession(_ session: StoredSession) throws

    /// The session whose id hashes to `idHash`, or nil (also when it has expired).
    func session(idHash: String, now: Date) throws -> StoredSession?

    /// Ends a session (log-out); ending an unknown session does nothing.
    func deleteSession(idHash: String) throws
}

/// A user of the web application.
public struct StoredUser: Hashable, Sendable {
    /// The log-in name.
    public var name: String
    /// `ppr`, `researcher` or `admin` (checked by the caller).
    public var role: String
    /// The bcrypt hash of the password.
    public var passwordHash: String
    /// Failed log-ins since the last success.
    public var failedLogins: Int
    /// Refused until then after too many failures.
    public var lockedUntil: Date?

    /// A user.
    public init(name: String, role: String, passwordHash: String, failedLogins: Int = 0, lockedUntil: Date? = nil) {
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
    }
}

/// A logged-in browser.
public struct StoredSession: Hashable, Sendable {
    /// SHA-256 (lowercase hex) of the random id in the cookie.
    public var idHash: String
    /// The user's name.
    public var user: String
    /// The token every form of this session carries (CSRF).
    public var csrfToken: String
    /// When the session ends.
    public var expiresAt: Date

    /// A session.
    public init(idHash: String, user: String, csrfToken: String, expiresAt: Date) {
        self.idHash = idHash
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

import Foundation
import KortlaegStore
import PostgresNIO

/// The users of the web application and their sessions in the shared database, so that several
/// `kortlaeg serve` processes can run against one project: a log-in on one is a session on all,
/// and failed log-ins count (and lock) across all of them.
///
/// User writes do not take the project's import lock: a long import never holds up a log-in.
/// Each write is one short transaction of its own (the failure count is incremented by the server,
/// so two processes counting at once lose nothing).
extension PostgresProjectStore: UserStore {
    public func saveUser(_ user: StoredUser) throws {
        try inShortTransaction {
            try connection.query("""
                INSERT INTO web_user (name, role, password_hash, failed_logins, locked_until) VALUES ($1, $2, $3, 0, NULL)
                ON CONFLICT (name) DO UPDATE SET role = excluded.role, password_hash = excluded.password_hash,
                  failed_logins = 0, locked_until = NULL
                """, [user.name, user.role, user.passwordHash])
            // A changed password or role ends the user's sessions.
            try connection.query("DELETE FROM web_session WHERE user_name = $1", [user.name])
        }
    }

    public func user(named name: String) throws -> StoredUser? {
        try serialised {
            guard let row = try connection.query("""
                SELECT name, role, password_hash, failed_logins, locked_until FROM web_user WHERE name = $1
                """, [name]).first else { return nil }
            let (name, role, hash, failures, lockedUntil) = try row.decode((String, String, String, Int, Double?).self)
            return StoredUser(name: name, role: role, passwordHash: hash, failedLogins: failures,
                              lockedUntil: lockedUntil.map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func recordLogin(name: String, succeeded: Bool, lockUntil: Date?) throws {
        try serialised {
            if succeeded {
                try connection.query("UPDATE web_user SET failed_logins = 0, locked_until = NULL WHERE name = $1", [name])
            } else {
                try connection.query("""
                    UPDATE web_user SET failed_logins = failed_logins + 1, locked_until = coalesce($1, locked_until) WHERE name = $2
                    """, [lockUntil?.timeIntervalSince1970, name])
            }
        }
    }

    public func saveSession(_ session: StoredSession) throws {
        try inShortTransaction {
            try connection.query("DELETE FROM web_session WHERE expires_at < $1", [Date().timeIntervalSince1970])
            try connection.query("""
                INSERT INTO web_session (id_hash, user_name, csrf_token, expires_at) VALUES ($1, $2, $3, $4)
                """, [session.idHash, session.user, session.csrfToken, session.expiresAt.timeIntervalSince1970])
        }
    }

    public func session(idHash: String, now: Date) throws -> StoredSession? {
        try serialised {
            guard let row = try connection.query("""
                SELECT id_hash, user_name, csrf_token, expires_at FROM web_session WHERE id_hash = $1 AND expires_at >= $2
                """, [idHash, now.timeIntervalSince1970]).first else { return nil }
            let (hash, user, token, expires) = try row.decode((String, String, String, Double).self)
            return StoredSession(idHash: hash, user: user, csrfToken: token, expiresAt: Date(timeIntervalSince1970: expires))
        }
    }

    public func deleteSession(idHash: String) throws {
        try serialised {
            try connection.query("DELETE FROM web_session WHERE id_hash = $1", [idHash])
        }
    }

    /// Runs `body` in a transaction of its own, without the project's import lock.
    private func inShortTransaction(_ body: () throws -> Void) throws {
        try serialised {
            guard readDepth == 0 else {
                throw StoreError.database("the project cannot be changed while it is being read (a write inside a read of \(address))")
            }
            try connection.query("BEGIN")
            do {
                try body()
                try connection.query("COMMIT")
            } catch {
                _ = try? connection.query("ROLLBACK")
                throw error
            }
        }
    }
}

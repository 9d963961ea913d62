import Foundation
import GRDB
import KortlaegStore

extension SQLiteProjectStore: UserStore {
    public func saveUser(_ user: StoredUser) throws {
        try wrap {
            try dbQueue.write { db in
                try db.execute(sql: """
                    INSERT INTO webUser (name, role, passwordHash, failedLogins, lockedUntil) VALUES (?, ?, ?, 0, NULL)
                    ON CONFLICT(name) DO UPDATE SET role = excluded.role, passwordHash = excluded.passwordHash,
                      failedLogins = 0, lockedUntil = NULL
                    """, arguments: [user.name, user.role, user.passwordHash])
                // A changed password or role ends the user's sessions.
                try db.execute(sql: "DELETE FROM webSession WHERE user = ?", arguments: [user.name])
            }
        }
    }

    public func user(named name: String) throws -> StoredUser? {
        try wrap {
            try dbQueue.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM webUser WHERE name = ?", arguments: [name]).map { row in
                    StoredUser(name: row["name"], role: row["role"], passwordHash: row["passwordHash"],
                               failedLogins: row["failedLogins"],
                               lockedUntil: (row["lockedUntil"] as Double?).map(Date.init(timeIntervalSince1970:)))
                }
            }
        }
    }

    public func recordLogin(name: String, succeeded: Bool, lockUntil: Date?) throws {
        try wrap {
            try dbQueue.write { db in
                if succeeded {
                    try db.execute(sql: "UPDATE webUser SET failedLogins = 0, lockedUntil = NULL WHERE name = ?", arguments: [name])
                } else {
                    try db.execute(sql: "UPDATE webUser SET failedLogins = failedLogins + 1, lockedUntil = coalesce(?, lockedUntil) WHERE name = ?",
                                   arguments: [lockUntil?.timeIntervalSince1970, name])
                }
            }
        }
    }

    public func saveSession(_ session: StoredSession) throws {
        try wrap {
            try dbQueue.write { db in
                try db.execute(sql: "DELETE FROM webSession WHERE expiresAt < ?", arguments: [Date().timeIntervalSince1970])
                try db.execute(sql: "INSERT INTO webSession (idHash, user, csrfToken, expiresAt) VALUES (?, ?, ?, ?)",
                               arguments: [session.idHash, session.user, session.csrfToken, session.expiresAt.timeIntervalSince1970])
            }
        }
    }

    public func session(idHash: String, now: Date) throws -> StoredSession? {
        try wrap {
            try dbQueue.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM webSession WHERE idHash = ? AND expiresAt >= ?",
                                 arguments: [idHash, now.timeIntervalSince1970]).map { row in
                    StoredSession(idHash: row["idHash"], user: row["user"], csrfToken: row["csrfToken"],
                                  expiresAt: Date(timeIntervalSince1970: row["expiresAt"]))
                }
            }
        }
    }

    public func deleteSession(idHash: String) throws {
        try wrap { try dbQueue.write { db in try db.execute(sql: "DELETE FROM webSession WHERE idHash = ?", arguments: [idHash]) } }
    }
}

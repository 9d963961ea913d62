import Foundation

/// The behaviours every ``UserStore`` backend must show (users, log-in failures and lock-out,
/// sessions), as one suite that the SQLite and the PostgreSQL tests run against their own factory,
/// as ``ProjectStoreContract`` does for the project itself.
package enum UserStoreContract {
    /// How the suite gets stores of one backend.
    package struct Backend: Sendable {
        /// The backend's name, for messages.
        package var name: String
        /// A fresh project store with no users.
        package var makeStore: @Sendable () throws -> any ProjectStore & UserStore

        package init(name: String, makeStore: @escaping @Sendable () throws -> any ProjectStore & UserStore) {
            self.name = name
            self.makeStore = makeStore
        }
    }

    /// One behaviour, run on a fresh store.
    package struct Check: Sendable, CustomStringConvertible {
        /// What the behaviour is, in words.
        package let name: String
        let body: @Sendable (any ProjectStore & UserStore) throws -> Void

        /// Runs the check on a fresh store of `backend`.
        /// - Throws: ``ProjectStoreContract/ContractFailure`` when the store behaves otherwise.
        package func run(on backend: Backend) throws {
            try body(try backend.makeStore())
        }

        package var description: String { name }
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) throws {
        try ProjectStoreContract.expect(condition, message(), line: line)
    }

    static func expectEqual<T: Equatable>(_ actual: T, _ expected: T, _ what: String, line: UInt = #line) throws {
        try ProjectStoreContract.expectEqual(actual, expected, what, line: line)
    }

    /// A fixed moment (whole and fractional seconds must both survive the store).
    static let now = Date(timeIntervalSince1970: 1_800_000_000.25)

    static func session(_ id: String, user: String, expires: Date) -> StoredSession {
        StoredSession(idHash: String(repeating: id, count: 64 / id.count), user: user, csrfToken: "csrf-" + id, expiresAt: expires)
    }

    /// Every check, in a stable order.
    package static let checks: [Check] = [
        Check(name: "a saved user is found by its exact name, an unknown name is not") { store in
            try expect(try store.user(named: "mette") == nil, "no user before any is saved")
            try store.saveUser(StoredUser(name: "mette", role: "ppr", passwordHash: "$2b$04$hash-one"))
            try store.saveUser(StoredUser(name: "Mette.Holm@kommune.dk", role: "admin", passwordHash: "$2b$04$hash-two"))
            try expectEqual(try store.user(named: "mette"),
                            StoredUser(name: "mette", role: "ppr", passwordHash: "$2b$04$hash-one"), "the user read back")
            try expectEqual(try store.user(named: "Mette.Holm@kommune.dk")?.role, "admin", "the second user's role")
            try expect(try store.user(named: "Mette") == nil, "names compare exactly (case)")
            try expect(try store.user(named: "mette ") == nil, "names compare exactly (space)")
        },
        Check(name: "saving a user again replaces role and password, clears the lock and ends the sessions") { store in
            try store.saveUser(StoredUser(name: "mette", role: "ppr", passwordHash: "old"))
            try store.recordLogin(name: "mette", succeeded: false, lockUntil: now.addingTimeInterval(900))
            try store.saveSession(session("a", user: "mette", expires: now.addingTimeInterval(3600)))
            try store.saveUser(StoredUser(name: "mette", role: "researcher", passwordHash: "new"))
            try expectEqual(try store.user(named: "mette"),
                            StoredUser(name: "mette", role: "researcher", passwordHash: "new"), "the changed user")
            try expect(try store.session(idHash: session("a", user: "mette", expires: now).idHash, now: now) == nil,
                       "the old session ended with the change")
        },
        Check(name: "failed log-ins count up and lock until the given time; a success clears both") { store in
            try store.saveUser(StoredUser(name: "mette", role: "ppr", passwordHash: "h"))
            try store.saveUser(StoredUser(name: "anden", role: "ppr", passwordHash: "h"))
            for _ in 0..<3 { try store.recordLogin(name: "mette", succeeded: false, lockUntil: nil) }
            try expectEqual(try store.user(named: "mette")?.failedLogins, 3, "failures counted")
            try expect(try store.user(named: "mette")?.lockedUntil == nil, "no lock without a time")
            let until = now.addingTimeInterval(15 * 60)
            try store.recordLogin(name: "mette", succeeded: false, lockUntil: until)
            // A further failure without a time keeps the lock that was set.
            try store.recordLogin(name: "mette", succeeded: false, lockUntil: nil)
            try expectEqual(try store.user(named: "mette")?.failedLogins, 5, "failures counted")
            try expectEqual(try store.user(named: "mette")?.lockedUntil, until, "locked until the time given, to the fraction")
            try expectEqual(try store.user(named: "anden")?.failedLogins, 0, "another user's count")
            try store.recordLogin(name: "mette", succeeded: true, lockUntil: nil)
            try expectEqual(try store.user(named: "mette")?.failedLogins, 0, "a success clears the failures")
            try expect(try store.user(named: "mette")?.lockedUntil == nil, "a success clears the lock")
            // A log-in recorded for nobody changes nothing and is no error.
            try store.recordLogin(name: "ingen", succeeded: false, lockUntil: until)
            try expect(try store.user(named: "ingen") == nil, "no user made by a failed log-in")
        },
        Check(name: "a session is found until it expires and ends with log-out") { store in
            try store.saveUser(StoredUser(name: "mette", role: "ppr", passwordHash: "h"))
            let saved = session("ab", user: "mette", expires: now.addingTimeInterval(8 * 3600))
            try store.saveSession(saved)
            try expectEqual(try store.session(idHash: saved.idHash, now: now), saved, "the session read back")
            try expectEqual(try store.session(idHash: saved.idHash, now: saved.expiresAt), saved, "still valid at its last moment")
            try expect(try store.session(idHash: saved.idHash, now: saved.expiresAt.addingTimeInterval(1)) == nil,
                       "an expired session is not found")
            try expect(try store.session(idHash: session("cd", user: "mette", expires: now).idHash, now: now) == nil,
                       "an unknown session is not found")
            try store.deleteSession(idHash: saved.idHash)
            try expect(try store.session(idHash: saved.idHash, now: now) == nil, "log-out ends the session")
            try store.deleteSession(idHash: saved.idHash)
        },
        Check(name: "saving a session removes the expired ones") { store in
            try store.saveUser(StoredUser(name: "mette", role: "ppr", passwordHash: "h"))
            // Expired by the clock (in 1970 + a day), but still found when asked as of 1970.
            let old = session("0e", user: "mette", expires: Date(timeIntervalSince1970: 86_400))
            try store.saveSession(old)
            let asOf1970 = Date(timeIntervalSince1970: 0)
            try expectEqual(try store.session(idHash: old.idHash, now: asOf1970), old, "stored while it was the newest")
            try store.saveSession(session("1f", user: "mette", expires: Date().addingTimeInterval(3600)))
            try expect(try store.session(idHash: old.idHash, now: asOf1970) == nil, "the expired session was removed")
        },
        Check(name: "a session needs a stored user") { store in
            do {
                try store.saveSession(session("ee", user: "ingen", expires: now.addingTimeInterval(60)))
            } catch {
                return
            }
            throw ProjectStoreContract.ContractFailure(description: "a session of a user who does not exist was stored")
        },
    ]
}

import Foundation
import KortlaegDomain
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `AddUser` and `WebLogin`: bcrypt-hashed passwords, the audit log, sessions, the lock-out after
/// ``WebLogin/maximumFailures`` failed log-ins for ``WebLogin/lockDuration``.
@Suite struct AddUserTests {
    static let password = "korrekt-hest-batteri"

    func add(_ path: String, _ name: String = "mette", role: UserRole = .ppr, password: String = password) throws(KortlaegError) -> AddUser.Result {
        try AddUser.run(.init(project: path, name: name, role: role, password: password, operator: "admin", cost: 4), sink: CollectingSink())
    }

    @Test func aUserIsStoredHashedAndAudited() throws {
        let (path, project) = try makeProject()
        #expect(try add(path).added)
        let user = try #require(try project.user(named: "mette"))
        #expect(user.role == "ppr")
        #expect(user.passwordHash.hasPrefix("$2") && !user.passwordHash.contains(Self.password))
        #expect(try project.auditLog().last?.summary == "user mette added with role ppr")
        // Again: a changed role, and the old sessions end.
        guard case let .success(cookie, _) = try WebLogin(project: path).logIn(name: "mette", password: Self.password) else {
            Issue.record("no log-in"); return
        }
        #expect(!(try add(path, role: .admin).added))
        #expect(try project.user(named: "mette")?.role == "admin")
        #expect(try project.auditLog().last?.summary == "user mette changed with role admin")
        #expect(try WebLogin(project: path).session(cookie: cookie) == nil)
    }

    @Test(arguments: [("", "korrekt-hest-batteri"), ("mette hansen", "korrekt-hest-batteri"), ("0101901234", "korrekt-hest-batteri"),
                      ("mette", "kort")])
    func badNamesAndShortPasswordsAreRefused(name: String, password: String) throws {
        let (path, project) = try makeProject()
        let error = expectFailure { () throws(KortlaegError) in try add(path, name, password: password) }
        #expect(error?.severity == .usage)
        #expect(!(error?.message.contains("0101901234") ?? true))
        #expect(try project.user(named: name) == nil)
    }

    @Test func logInSessionAndLogOut() throws {
        let (path, _) = try makeProject()
        _ = try add(path)
        let login = try WebLogin(project: path)
        guard case let .success(cookie, session) = try login.logIn(name: "mette", password: Self.password) else {
            Issue.record("no log-in"); return
        }
        #expect(cookie.count == 64 && session.csrfToken.count == 64 && session.role == .ppr)
        #expect(try login.session(cookie: cookie)?.user == "mette")
        // A session ends after its duration, and at log-out.
        #expect(try login.session(cookie: cookie, now: Date().addingTimeInterval(WebLogin.sessionDuration + 60)) == nil)
        try login.logOut(session)
        #expect(try login.session(cookie: cookie) == nil)
        #expect(try login.session(cookie: "not-hex") == nil)
        guard case .refused = try login.logIn(name: "nobody", password: Self.password) else { Issue.record("an unknown user"); return }
    }

    @Test func repeatedFailuresLockTheUserForAQuarterOfAnHour() throws {
        let (path, _) = try makeProject()
        _ = try add(path)
        let login = try WebLogin(project: path)
        let now = Date()
        for _ in 1..<WebLogin.maximumFailures {
            guard case .refused = try login.logIn(name: "mette", password: "forkert-kodeord", now: now) else { Issue.record("not refused"); return }
        }
        guard case let .locked(until) = try login.logIn(name: "mette", password: "forkert-kodeord", now: now) else {
            Issue.record("not locked after \(WebLogin.maximumFailures) failures"); return
        }
        #expect(abs(until.timeIntervalSince(now) - WebLogin.lockDuration) < 1)
        // Locked even with the right password, until the lock ends.
        guard case .locked = try login.logIn(name: "mette", password: Self.password, now: now.addingTimeInterval(60)) else {
            Issue.record("the right password opened a locked user"); return
        }
        guard case .success = try login.logIn(name: "mette", password: Self.password, now: until.addingTimeInterval(1)) else {
            Issue.record("still locked after the lock"); return
        }
        // A success clears the failures: one more failure does not lock again.
        guard case .refused = try login.logIn(name: "mette", password: "forkert-kodeord", now: until.addingTimeInterval(2)) else {
            Issue.record("locked again after one failure"); return
        }
    }

    @Test func tokensAreComparedWhole() {
        #expect(WebLogin.sameToken("abc", "abc"))
        #expect(!WebLogin.sameToken("abc", "abd") && !WebLogin.sameToken("abc", "abcd") && !WebLogin.sameToken("", ""))
        #expect(WebLogin.randomToken() != WebLogin.randomToken())
    }

    /// A token goes into a cookie, a form and an upload's folder name: it is 64 hex digits and never
    /// holds a CPR-shaped run (about one raw token in 400 would: an upload in such a folder was
    /// refused as a file name with a CPR number).
    @Test func tokensHoldNoCPRNumber() {
        let tokens = (0..<20_000).map { _ in WebLogin.randomToken() }
        #expect(tokens.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) && !CPRNumber.containsCPR($0) })
    }
}

import Foundation
import Hummingbird
import KortlaegProject
import KortlaegReports

extension Site {
    func registerLogin(on router: Router<BasicRequestContext>) {
        router.get("/login") { request, _ in try loginPage(try visit(request), problem: nil) }
        router.post("/login") { request, _ in try await logIn(request) }
        router.post("/logout") { request, _ in
            try await page(.anyUser, request) { visit, session in
                _ = try await form(visit, session)
                try WebLogin(project: configuration.project).logOut(session)
                return Self.redirect("/login", cookies: [cookie(Self.sessionCookie, "", maxAge: 0)])
            }
        }
        router.get("/lang/{code}") { request, context in
            let code = context.parameters.get("code") == "en" ? "en" : "da"
            return Self.redirect("/", cookies: [cookie(Self.languageCookie, code, maxAge: 365 * 24 * 3600)])
        }
    }

    /// The log-in form; a random token in a cookie and in the form guards it against forged posts.
    func loginPage(_ visit: Visit, problem: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let l = visit.language
        let token = WebLogin.randomToken()
        var visit = visit
        visit.session = nil
        let content = (problem.map { "<p class=\"error\" role=\"alert\">\(HTML.e($0))</p>" } ?? "") + """
            <form method="post" action="/login" class="stack">
            <input type="hidden" name="csrf" value="\(token)">
            <label for="name">\(HTML.e(T.userName(l)))</label>
            <input id="name" name="name" autocomplete="username" required>
            <label for="password">\(HTML.e(T.password(l)))</label>
            <input id="password" name="password" type="password" autocomplete="current-password" required>
            <button type="submit">\(HTML.e(T.logIn(l)))</button>
            </form>
            """
        return try html(T.logIn(l), content, visit, status: status, cookies: [cookie(Self.loginCookie, token, maxAge: 3600)])
    }

    func logIn(_ request: Request) async throws -> Response {
        let visit = try visit(request)
        let l = visit.language
        let fields = try await Self.fields(request)
        guard let expected = visit.cookies[Self.loginCookie], WebLogin.sameToken(fields["csrf"] ?? "", expected) else {
            throw HTTPError(.forbidden)
        }
        let outcome = try WebLogin(project: configuration.project).logIn(name: fields["name"] ?? "", password: fields["password"] ?? "")
        switch outcome {
        case let .success(cookie: id, session: _):
            return Self.redirect("/", cookies: [cookie(Self.sessionCookie, id), cookie(Self.loginCookie, "", maxAge: 0)])
        case .refused:
            return try loginPage(visit, problem: T.refused(l), status: .unauthorized)
        case .locked:
            return try loginPage(visit, problem: T.locked(WebLogin.maximumFailures, Int(WebLogin.lockDuration / 60))(l), status: .tooManyRequests)
        }
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import KortlaegProject
import KortlaegReports

/// The routes and what they share: the configuration, the instrument files, the session check,
/// forms with their CSRF token, and the page frame.
struct Site: Sendable {
    typealias T = Phrasebook.Web
    let configuration: WebConfiguration
    let catalog: InstrumentCatalog

    init(configuration: WebConfiguration) throws(KortlaegError) {
        self.configuration = configuration
        catalog = try configuration.instruments.instruments()
    }

    /// One request as the pages see it.
    struct Visit {
        var request: Request
        var language: Language
        var cookies: [String: String]
        var session: WebLogin.Session?
    }

    /// Who may open a page.
    enum Need {
        case anyUser, children, dataEntry, auditLog
        func allows(_ role: UserRole) -> Bool {
            switch self {
            case .anyUser: true
            case .children: role.seesChildren
            case .dataEntry: role.entersData
            case .auditLog: role.readsAuditLog
            }
        }
    }

    static let sessionCookie = "kortlaeg_session"
    static let loginCookie = "kortlaeg_login"
    static let languageCookie = "kortlaeg_lang"

    func register(on router: Router<BasicRequestContext>) {
        router.get("/assets/kortlaeg.css") { _, _ in try Self.asset("kortlaeg", "css", type: "text/css; charset=utf-8") }
        registerLogin(on: router)
        registerOverview(on: router)
        registerChild(on: router)
        registerGroups(on: router)
        registerExports(on: router)
        registerImport(on: router)
        registerUndo(on: router)
        registerEntry(on: router)
        registerAudit(on: router)
    }

    // MARK: - Requests

    func visit(_ request: Request) throws -> Visit {
        var cookies: [String: String] = [:]
        for header in request.headers[values: .cookie] {
            for part in header.split(separator: ";") {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if pair.count == 2 { cookies[pair[0]] = pair[1] }
            }
        }
        let language: Language = cookies[Self.languageCookie] == "en" ? .english : .danish
        var session: WebLogin.Session?
        if let cookie = cookies[Self.sessionCookie] {
            session = try WebLogin(project: configuration.project).session(cookie: cookie)
        }
        return Visit(request: request, language: language, cookies: cookies, session: session)
    }

    /// A page for logged-in users with `need`: the log-in page for a visitor without a session, 403 for the wrong role.
    func page(_ need: Need, _ request: Request, _ body: (Visit, WebLogin.Session) async throws -> Response) async throws -> Response {
        let visit = try visit(request)
        guard let session = visit.session else { return Self.redirect("/login") }
        guard need.allows(session.role) else { throw HTTPError(.forbidden) }
        return try await body(visit, session)
    }

    /// The fields of a posted form (URL-encoded), after checking its CSRF token against the session's.
    func form(_ visit: Visit, _ session: WebLogin.Session) async throws -> [String: String] {
        let fields = try await Self.fields(visit.request)
        guard WebLogin.sameToken(fields["csrf"] ?? "", session.csrfToken) else { throw HTTPError(.forbidden) }
        return fields
    }

    static func fields(_ request: Request) async throws -> [String: String] {
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: 1 << 20) } catch { throw HTTPError(.contentTooLarge) }
        return Self.decodeForm(String(buffer: buffer))
    }

    static func decodeForm(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "" }
            let name = decode(parts[0])
            if fields[name] == nil { fields[name] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return fields
    }

    func query(_ visit: Visit, _ name: String) -> String? {
        // Hummingbird percent-decodes query values already.
        visit.request.uri.queryParameters[Substring(name)].map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: - Responses

    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> String {
        var text = "\(name)=\(value); Path=/; HttpOnly; SameSite=Strict"
        if let maxAge { text += "; Max-Age=\(maxAge)" }
        if configuration.secureCookies { text += "; Secure" }
        return text
    }

    /// A page in the site's frame. A page holding a CPR-shaped number is never sent; one in the title
    /// (e.g. typed as a class name) is shown as ``CPRGuard/marker``.
    func html(_ title: String, _ content: String, _ visit: Visit, status: HTTPResponse.Status = .ok, head: String = "",
              cookies: [String] = []) throws -> Response {
        let l = visit.language
        var nav = ""
        if let session = visit.session {
            var links = [("/", T.overview(l))]
            if session.role.entersData { links += [("/import", T.importTitle(l)), ("/entry", T.entryTitle(l))] }
            links += [("/progress", T.progressTitle(l)), ("/exports", T.exportsTitle(l))]
            if session.role.readsAuditLog { links.append(("/audit", T.auditTitle(l))) }
            nav = "<nav aria-label=\"\(HTML.e(T.menu(l)))\"><ul>" + links.map { "<li><a href=\"\($0.0)\">\(HTML.e($0.1))</a></li>" }.joined()
                + "</ul><form method=\"post\" action=\"/logout\" class=\"inline\">\(csrfField(session))"
                + "<span class=\"who\">\(HTML.e(session.user)) (\(HTML.e(session.role.rawValue)))</span> "
                + "<button type=\"submit\">\(HTML.e(T.logOut(l)))</button></form></nav>"
        }
        let switchTo = l == .danish ? ("en", "English") : ("da", "Dansk")
        let page = """
            <!DOCTYPE html>
            <html lang="\(l.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.message(title)) – Kortlæg</title>
            <link rel="stylesheet" href="/assets/kortlaeg.css">
            \(head)
            </head>
            <body>
            <a class="skip" href="#main">\(HTML.e(T.skip(l)))</a>
            <header><span class="brand">Kortlæg</span>\(nav)<a class="lang" href="/lang/\(switchTo.0)" lang="\(switchTo.0)">\(switchTo.1)</a></header>
            <main id="main">
            <h1>\(HTML.message(title))</h1>
            \(content)
            </main>
            </body>
            </html>
            """
        guard HTML.isFreeOfCPR(page) else {
            configuration.logger.error("a page held a CPR-shaped number and was not sent", metadata: ["path": .string(visit.request.uri.path)])
            throw HTTPError(.internalServerError)
        }
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8"]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    func csrfField(_ session: WebLogin.Session) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(HTML.e(session.csrfToken))\">"
    }

    /// A use case's error as a short paragraph in the page's language (CPR-shaped numbers removed),
    /// with the server's logger.
    func problem(_ error: KortlaegError, _ l: Language) -> String {
        Self.problem(error, l, logger: configuration.logger)
    }

    /// A use case's error as a short paragraph in `l` (CPR-shaped numbers removed): the error's own
    /// text in `l`, or, when it has none, ``Phrasebook/WebProblem/sentence(_:)`` for its severity.
    /// When the page does not show the English message and the error is not the user's own choice
    /// (no text in `l`, or data that cannot be read or written), the English message goes to
    /// `logger`, CPR-masked, for whoever runs the server.
    static func problem(_ error: KortlaegError, _ l: Language, logger: Logger) -> String {
        let own = error.message(in: l)
        if own == nil || (l != .english && [.invalidInput, .cannotWrite].contains(error.severity)) {
            logger.notice("a use case failed", metadata: ["severity": .string("\(error.severity)"),
                                                         "detail": .string(CPRGuard.masked(error.message))])
        }
        let text = own ?? Phrasebook.WebProblem.sentence(error.severity)(l)
        return "<p class=\"error\" role=\"alert\">\(HTML.message(text))</p>"
    }

    static func asset(_ name: String, _ ext: String, type: String) throws -> Response {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Assets"),
              let data = try? Data(contentsOf: url) else { throw HTTPError(.notFound) }
        return Response(status: .ok, headers: [.contentType: type], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KortlaegProject
import KortlaegTestSupport
import KortlaegWeb
import NIOCore
import Testing
@testable import KortlaegStore
@testable import KortlaegStorePostgres

/// `kortlaeg user add` and `kortlaeg serve` on a project in PostgreSQL: the user added on the
/// command line logs in over HTTP (a real listening server, as `serve` runs it), sees the
/// overview, and the session is good on a second server on the same database.
@Suite(.serialized, .enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct PostgresWebTests {
    static let password = "korrekt-hest-batteri"

    /// What a test keeps of a response.
    struct Page {
        var status: HTTPResponse.Status
        var headers: HTTPFields
        var body: String
    }

    /// Sends a request with `cookies`; a form is URL-encoded.
    static func request(_ client: any TestClientProtocol, _ uri: String, _ method: HTTPRequest.Method = .get,
                        cookies: [String: String], form: [String: String]? = nil) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        var body: ByteBuffer?
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
            body = ByteBuffer(string: form.map {
                "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
            }.joined(separator: "&"))
        }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body) {
            Page(status: $0.status, headers: $0.headers, body: String(buffer: $0.body))
        }
    }

    /// The value of cookie `name` set by `page`.
    static func cookie(_ name: String, in page: Page) -> String? {
        for header in page.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2, pair[0] == name { return pair[1] }
        }
        return nil
    }

    /// Logs in through the form and returns the session cookie.
    static func logIn(_ client: any TestClientProtocol, _ name: String, _ password: String) async throws -> Page {
        let form = try await request(client, "/login", cookies: [:])
        let token = try #require(cookie("kortlaeg_login", in: form))
        #expect(form.body.contains("value=\"\(token)\""))
        return try await request(client, "/login", .post, cookies: ["kortlaeg_login": token],
                                 form: ["csrf": token, "name": name, "password": password])
    }

    @Test func aUserAddedOnTheCommandLineLogsInSeesTheOverviewAndTheSessionHoldsOnASecondServer() async throws {
        let server = try PostgresTestServer.server()
        let folder = try makeTemporaryFolder("pg-web")
        let name = PostgresTestServer.uniqueProject("web")
        let address = server.address(project: name).description
        let environment = server.environment.merging(["KORTLAEG_UPLOAD_DIR": folder.path]) { _, new in new }
        var result = try runKortlaeg(["init", address, "--municipality", "Jammerbugt", "--tool-version", "kv-inklusion@0.1.0"],
                                     environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.appendingPathComponent("klasse.csv")
        try writeParentCSV(file, rows: 8) { "elev-\(String(format: "%04d", $0))" }
        result = try runKortlaeg(["import", file.path, "--project", address, "--occasion", "T1"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        result = try runKortlaeg(["user", "add", "mette", "--project", address, "--role", "admin", "--password-stdin"],
                                 environment: environment, input: Data((Self.password + "\n").utf8))
        #expect(result.status == 0 && result.stderr.contains("added user mette (admin)"), "\(result.stderr)")
        // The user is in the database, with a bcrypt hash and never the password.
        let schema = ProjectName.schema(name)
        let stored = try server.psql("SELECT name || ' ' || role || ' ' || left(password_hash, 4) FROM \(schema).web_user")
        #expect(stored.hasPrefix("mette admin $2"), "\(stored)")
        #expect(!ProjectStoreContract.contains(try server.dump(), Self.password))

        let configuration = WebConfiguration(project: address, instruments: try InstrumentLibrary.find(option: instrumentsDirectory),
                                             port: 0, tool: "kortlaeg test")
        // `.live`: a real listening server, so the store is used from the server's own tasks, as `serve` does.
        let session = try await WebServer.application(configuration).test(.live) { client -> String in
            let wrong = try await Self.logIn(client, "mette", "forkert-adgangskode")
            #expect(wrong.status == .unauthorized)
            let done = try await Self.logIn(client, "mette", Self.password)
            #expect(done.status == .seeOther && done.headers[.location] == "/", "\(done.status) \(done.body)")
            let session = try #require(Self.cookie("kortlaeg_session", in: done))
            let overview = try await Self.request(client, "/", cookies: ["kortlaeg_session": session])
            #expect(overview.status == .ok)
            #expect(overview.body.contains("Jammerbugt"), "\(overview.body)")
            #expect(overview.body.contains("mette (admin)"))
            #expect(overview.body.contains("T1"))
            return session
        }
        // The failed log-in was counted in the database, the good one cleared it.
        #expect(try server.psql("SELECT failed_logins FROM \(schema).web_user") == "0")
        // A second server on the same database knows the session (several processes, one store).
        try await WebServer.application(configuration).test(.router) { client in
            let overview = try await Self.request(client, "/", cookies: ["kortlaeg_session": session])
            #expect(overview.status == .ok && overview.body.contains("Jammerbugt"))
            let audit = try await Self.request(client, "/audit", cookies: ["kortlaeg_session": session])
            #expect(audit.status == .ok && audit.body.contains("user mette added with role admin"), "\(audit.body)")
        }
    }

    @Test func fiveFailuresOnTwoServersLockTheUser() async throws {
        let server = try PostgresTestServer.server()
        let address = server.address(project: PostgresTestServer.uniqueProject("web")).description
        _ = try ProjectLocation.create(address, project: ProjectInfo(municipality: "Jammerbugt"), operator: "test")
        _ = try AddUser.run(.init(project: address, name: "mette", role: .ppr, password: Self.password, operator: "test", cost: 4),
                            sink: CollectingSink())
        let configuration = WebConfiguration(project: address, instruments: try InstrumentLibrary.find(option: instrumentsDirectory),
                                             port: 0, tool: "kortlaeg test")
        let one = try WebServer.application(configuration), two = try WebServer.application(configuration)
        try await one.test(.router) { client in
            for _ in 0..<3 {
                let page = try await Self.logIn(client, "mette", "forkert-adgangskode")
                #expect(page.status == .unauthorized)
            }
        }
        try await two.test(.router) { client in
            let fourth = try await Self.logIn(client, "mette", "forkert-adgangskode")
            #expect(fourth.status == .unauthorized)
            let fifth = try await Self.logIn(client, "mette", "forkert-adgangskode")
            #expect(fifth.status == .tooManyRequests)
            // Locked: the right password is refused too, on either server.
            let right = try await Self.logIn(client, "mette", Self.password)
            #expect(right.status == .tooManyRequests)
        }
        try await one.test(.router) { client in
            let right = try await Self.logIn(client, "mette", Self.password)
            #expect(right.status == .tooManyRequests)
        }
    }
}

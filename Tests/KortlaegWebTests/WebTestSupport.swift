import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import KortlaegProject
import KortlaegTestSupport
import KortlaegWeb
import Logging

/// Every log line of the server under test (to check that none holds a CPR number).
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
}

struct CollectingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String, function: String, line: UInt) {
        lines.add("\(level) \(message) \(metadata ?? [:]) \(self.metadata)")
    }
}

/// A project with three users and the sample's parent forms at T1 (ids shaped like CPR numbers),
/// teacher forms at T1 for half of them, and the web application on it.
struct WebFixture {
    let project: String
    let folder: URL
    let log = LogLines()
    /// The raw ids imported: CPR-shaped (valid dates, never shown anywhere).
    let ids: [String]
    static let password = "korrekt-hest-batteri"

    init(className: (Int) -> String = { $0 % 2 == 0 ? "4A" : "5B" }) throws {
        folder = try makeTemporaryFolder("kortlaeg-web")
        project = folder.appendingPathComponent("ppr.kortlaeg").path
        _ = try ProjectLocation.create(project, project: ProjectInfo(municipality: "Jammerbugt", toolVersion: "kv-inklusion@0.1.0"), operator: "test")
        for (name, role) in [("mette", UserRole.ppr), ("admin", .admin), ("forsker", .researcher)] {
            _ = try AddUser.run(.init(project: project, name: name, role: role, password: Self.password, operator: "test", cost: 4), sink: CollectingSink())
        }
        let ids = (1...12).map { String(format: "0101%02d%04d", 10 + $0, 1000 + $0 * 7) }
        self.ids = ids
        let parent = folder.appendingPathComponent("foraeldre.csv")
        try Self.writeCSV(parent, prefix: "p", ids: ids, className: className)
        let teacher = folder.appendingPathComponent("laerer.csv")
        try Self.writeCSV(teacher, prefix: "t", ids: Array(ids.prefix(6)), className: className)
        let library = try InstrumentLibrary.find(option: instrumentsDirectory)
        for (file, instrument) in [(parent, "sdq-p4-17"), (teacher, "sdq-t4-17")] {
            var request = ProjectImport.Request(project: project, files: [file.path], instruments: try library.instruments(),
                                                profilesDirectory: library.profilesDirectory, operator: "test")
            request.instrument = instrument
            request.occasion = Occasion("T1")
            // The fixture's imports must be stored: a failure names itself here, not as an empty
            // import list in some later expectation.
            for result in try ProjectImport.run(request, sink: CollectingSink()).files {
                guard case .stored = result.outcome else {
                    throw FixtureError(message: "fixture import of \(file.lastPathComponent): \(result.outcome)")
                }
            }
        }
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// A CSV in the sample's layout (`barn_id,klasse,koen,` then the 25 items and the impact items with `prefix`).
    static func writeCSV(_ url: URL, prefix: String, ids: [String], className: (Int) -> String) throws {
        let items = sdqItems
        var text = "barn_id,klasse,koen," + items.map { prefix + $0 }.joined(separator: ",") + "\n"
        for (index, id) in ids.enumerated() {
            text += "\(id),\"\(className(index))\",pige," + items.enumerated().map { String(($0.offset + index) % 3) }.joined(separator: ",") + "\n"
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func configuration() throws -> WebConfiguration {
        var logger = Logger(label: "test") { _ in CollectingLogHandler(lines: log) }
        logger.logLevel = .trace
        return WebConfiguration(project: project, instruments: try InstrumentLibrary.find(option: instrumentsDirectory),
                                port: 0, uploadLimit: 1 << 20, tool: "kortlaeg test", logger: logger)
    }
}

extension WebFixture {
    /// Runs `body` with a browser logged in as `user` on a fresh application over this fixture
    /// (the set-up most route tests share).
    func browse(as user: String = "mette", _ body: @escaping @Sendable (Browser) async throws -> Void) async throws {
        let app = try WebServer.application(try configuration())
        try await app.test(.router) { client in
            let browser = Browser(client)
            try await browser.logIn(user)
            try await body(browser)
        }
    }
}

/// What a test keeps of a response.
struct Page {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String
    var location: String? { headers[.location] }
    var cookies: [String] { headers[values: .setCookie] }
}

/// A browser: keeps cookies, reads the CSRF token of the last page.
final class Browser: @unchecked Sendable {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var csrf = ""
    var seen: [Page] = []

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func request(_ uri: String, _ method: HTTPRequest.Method = .get, form: [String: String]? = nil,
                 body: ByteBuffer? = nil, contentType: String? = nil) async throws -> Page {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        var buffer = body
        if let form {
            headers[.contentType] = "application/x-www-form-urlencoded"
            buffer = ByteBuffer(string: form.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&"))
        }
        if let contentType { headers[.contentType] = contentType }
        let page = try await client.execute(uri: uri, method: method, headers: headers, body: buffer) { response in
            Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
        }
        for cookie in page.cookies {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if pair.count == 2 { if pair[1].isEmpty || cookie.contains("Max-Age=0") { cookies[pair[0]] = nil } else { cookies[pair[0]] = pair[1] } }
        }
        if let range = page.body.range(of: "name=\"csrf\" value=\"") {
            csrf = String(page.body[range.upperBound...].prefix { $0 != "\"" })
        }
        seen.append(page)
        return page
    }

    func logIn(_ name: String, _ password: String = WebFixture.password) async throws -> Page {
        try await request("/login")
        return try await request("/login", .post, form: ["csrf": csrf, "name": name, "password": password])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? ""
    }
}

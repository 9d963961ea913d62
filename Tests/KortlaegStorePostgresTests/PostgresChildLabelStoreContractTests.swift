import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KortlaegProject
import KortlaegTestSupport
import KortlaegWeb
import Testing
@testable import KortlaegStore
@testable import KortlaegStorePostgres

/// The shared ``ChildLabelStoreContract`` on the PostgreSQL store, each check on a fresh project;
/// and what only a shared store shows: two connections see one set of labels, an older project
/// gets the table when opened, and the web overview finds a child by its label.
@Suite(.enabled(if: PostgresTestServer.enabled, "no PostgreSQL server could be started (see the test log's first lines)"))
struct PostgresChildLabelStoreContractTests {
    static func makeStore(_ name: String) throws -> PostgresProjectStore {
        try PostgresUserStoreContractTests.makeStore(name)
    }

    @Test(arguments: ChildLabelStoreContract.checks)
    func contract(_ check: ChildLabelStoreContract.Check) throws {
        try check.run(on: ChildLabelStoreContract.Backend(name: "PostgreSQL") {
            try Self.makeStore(PostgresTestServer.uniqueProject("labels"))
        })
    }

    @Test func twoConnectionsShareTheLabels() throws {
        let name = PostgresTestServer.uniqueProject("labels")
        let one = try Self.makeStore(name), two = try PostgresUserStoreContractTests.open(name)
        let pseudonym = String(repeating: "c", count: 64)
        try one.setChildLabel("Anna 4.b", pseudonym: pseudonym)
        #expect(try two.childLabels() == [pseudonym: "Anna 4.b"])
        try two.setChildLabel(nil, pseudonym: pseudonym)
        #expect(try one.childLabels().isEmpty)
        // Labels are kept per project.
        #expect(try Self.makeStore(PostgresTestServer.uniqueProject("labels")).childLabels().isEmpty)
    }

    @Test func aProjectMadeBeforeLabelsGetsThemWhenOpened() throws {
        let server = try PostgresTestServer.server()
        let name = PostgresTestServer.uniqueProject("labels")
        let old = try Self.makeStore(name)
        // As an older Kortlæg left it: no child_label table and v7 not recorded.
        let schema = ProjectName.schema(name)
        try server.psql("DROP TABLE \(schema).child_label; DELETE FROM \(schema).kortlaeg_migrations WHERE identifier = 'v7'")
        withExtendedLifetime(old) {}
        let reopened = try PostgresUserStoreContractTests.open(name)
        try reopened.setChildLabel("Bo", pseudonym: String(repeating: "d", count: 64))
        #expect(try reopened.childLabels().count == 1)
        #expect(try server.psql("SELECT identifier FROM \(schema).kortlaeg_migrations ORDER BY identifier") == "v1\nv2\nv3\nv4\nv5\nv6\nv7")
    }

    /// The overview's search by label (issue 16) on a PostgreSQL project: a label set on the child
    /// page is found, case- and diacritic-insensitive, and one match opens the child's page.
    @Test func theOverviewFindsAChildByItsLabel() async throws {
        let server = try PostgresTestServer.server()
        let folder = try makeTemporaryFolder("pg-labels")
        let name = PostgresTestServer.uniqueProject("labels")
        let address = server.address(project: name).description
        let environment = server.environment
        var result = try runKortlaeg(["init", address, "--municipality", "Jammerbugt"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.appendingPathComponent("klasse.csv")
        try writeParentCSV(file, rows: 3) { "elev-\($0)" }
        result = try runKortlaeg(["import", file.path, "--project", address, "--occasion", "T1"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        _ = try AddUser.run(.init(project: address, name: "mette", role: .ppr, password: PostgresWebTests.password,
                                  operator: "test", cost: 4), sink: CollectingSink())
        let store = try PostgresUserStoreContractTests.open(name)
        let first = try store.pseudonym(for: "elev-1"), second = try store.pseudonym(for: "elev-2")

        let configuration = WebConfiguration(project: address, instruments: try InstrumentLibrary.find(option: instrumentsDirectory),
                                             port: 0, tool: "kortlaeg test")
        try await WebServer.application(configuration).test(.router) { client in
            let done = try await PostgresWebTests.logIn(client, "mette", PostgresWebTests.password)
            let session = try #require(PostgresWebTests.cookie("kortlaeg_session", in: done))
            let cookies = ["kortlaeg_session": session]
            let overview = try await PostgresWebTests.request(client, "/", cookies: cookies)
            #expect(overview.body.contains("name=\"label\""), "the label search is offered on PostgreSQL")
            let range = try #require(overview.body.range(of: "name=\"csrf\" value=\""))
            let csrf = String(overview.body[range.upperBound...].prefix { $0 != "\"" })
            for (pseudonym, label) in [(first, "Åse 4.b"), (second, "Åsa")] {
                let set = try await PostgresWebTests.request(client, "/child/\(pseudonym)/label", .post, cookies: cookies,
                                                             form: ["csrf": csrf, "label": label])
                #expect(set.status == .seeOther, "\(set.status) \(set.body)")
            }
            // "ase 4" matches "Åse 4.b" alone (diacritics and case folded): straight to the child's page.
            let one = try await PostgresWebTests.request(client, "/search", .post, cookies: cookies, form: ["csrf": csrf, "label": "ase 4"])
            #expect(one.status == .seeOther && one.headers[.location] == "/child/\(first)", "\(one.status) \(one.body)")
            // "ås" matches both: a list of the two (the overview's grid links every child too, so the list items are checked).
            let two = try await PostgresWebTests.request(client, "/search", .post, cookies: cookies, form: ["csrf": csrf, "label": "ås"])
            #expect(two.status == .ok, "\(two.status)")
            #expect(two.body.contains("<li><a href=\"/child/\(first)\">Åse 4.b</a>"), "\(two.body)")
            #expect(two.body.contains("<li><a href=\"/child/\(second)\">Åsa</a>"), "\(two.body)")
            let none = try await PostgresWebTests.request(client, "/search", .post, cookies: cookies, form: ["csrf": csrf, "label": "Karl"])
            #expect(none.status == .notFound)
        }
        #expect(try store.childLabels() == [first: "Åse 4.b", second: "Åsa"])
    }
}

extension ChildLabelStoreContract.Check: CustomTestStringConvertible {
    public var testDescription: String { name }
}

import Foundation
import KortlaegReports
import KortlaegStore
import KortlaegStoreSQLite
import Testing
@testable import KortlaegProject

/// `ChildLookup`: by the child's own id, or by its pseudonym (whole, a prefix of 8+ characters, with
/// or without the dashes of its label); messages never repeat the id given.
@Suite struct ChildLookupTests {
    static let cpr = "0102031234"

    func project() throws -> (path: String, store: any ProjectStore) {
        let (path, project) = try makeProject()
        try store([parentSDQ(Self.cpr, .initial, emotion(3)), parentSDQ("barn-2", .initial, emotion(1), row: 2)],
                  as: "t1.csv", in: project)
        try store([parentSDQ(Self.cpr, .final, emotion(2))], as: "t2.csv", in: project)
        return (path, project)
    }

    @Test func findsAChildByItsOwnIdAndByItsPseudonym() throws {
        let (_, project) = try project()
        let pseudonym = try project.pseudonym(for: Self.cpr)
        let lookup = ChildLookup(store: project)
        let byID = try lookup.find(Self.cpr)
        #expect(byID.pseudonym == pseudonym)
        #expect(byID.responses.map(\.occasion) == [.initial, .final])
        for given in [pseudonym, String(pseudonym.prefix(8)), ChildLookup.label(pseudonym: pseudonym), pseudonym.uppercased()] {
            #expect(try lookup.find(given).pseudonym == pseudonym, "\(given)")
        }
    }

    /// The label is the first 12 characters in groups of four: never more than four digits in a row.
    @Test func labelGroupsTwelveCharacters() {
        #expect(ChildLookup.label(pseudonym: "3f2a09bc77de1234abcd") == "3f2a-09bc-77de")
        #expect(ChildLookup.label(pseudonym: "0102031234") == "0102-0312-34")
    }

    @Test(arguments: ["barn-9999", "1234567", "ffffffffffff"])
    func anUnknownChildIsNotFoundAndNotRepeated(_ given: String) throws {
        let (_, project) = try project()
        do {
            _ = try ChildLookup(store: project).find(given)
            Issue.record("expected an error")
        } catch {
            #expect(error.severity == .notFound)
            #expect(error.message == ChildLookup.Problem.childNotFound.description)
            #expect(!error.message.contains(given))
        }
    }
}

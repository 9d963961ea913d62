import Foundation
import KortlaegTestSupport
import Testing

/// Issue 13 on the command line: what an import detected is printed before it reads the records,
/// `profile suggest` writes a draft that `import --profile` uses unchanged, templates for every
/// informant with Danish informant names, and the age column.
struct RealFilesCommandTests {
    static func fixture(_ name: String) -> String { repositoryRoot.appendingPathComponent("SampleData/realfiles/\(name)").path }

    /// The detected format, encoding, profile, instrument and id column come before the first
    /// rejected record (printed as it is found in a dry run) and before the counts.
    @Test func detectionIsPrintedBeforeTheRecordsAreRead() throws {
        let result = try runKortlaeg(["import", Self.fixture("dansk-skema.csv"), "--dry-run"])
        #expect(result.status == 3, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        func index(_ text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
        let kind = try #require(index("dansk-skema.csv: plain CSV (CSV header"))
        let encoding = try #require(index("Windows-1252"))
        let profile = try #require(index("profile official-variables-csv (chosen for this kind of file), instrument sdq-p4-17@1.0.0"))
        let id = try #require(index("child id: column 'CPR'"))
        let rejection = try #require(lines.firstIndex { $0.hasPrefix("error: ") && $0.contains("pworries") })
        let counts = try #require(index("records read 6, accepted 5, rejected 1"))
        #expect(kind < profile && profile < rejection && encoding < rejection && id < rejection && rejection < counts)
        #expect(lines.filter { $0.contains("plain CSV (CSV header") }.count == 1, "announced once, not again after the import")
        #expect(lines.filter { $0.contains("child id: column 'CPR'") }.count == 1)
    }

    @Test func suggestedProfileIsUsedByImportUnchanged() throws {
        let folder = try temporaryFolder()
        let draft = folder.appendingPathComponent("skema-profil.json").path
        let suggest = try runKortlaeg(["profile", "suggest", Self.fixture("dansk-skema.csv"), "--output", draft])
        #expect(suggest.status == 0, "\(suggest.stderr)")
        #expect(suggest.stdout.isEmpty)
        #expect(suggest.stderr.contains("warning: check: columns not read (not imported): 'Barnets navn'"))
        #expect(suggest.stderr.contains("wrote the draft profile \(draft)"))
        #expect(!suggest.stderr.contains("Anna") && !suggest.stderr.contains("elev-0001"))

        let validate = try runKortlaeg(["import", Self.fixture("dansk-skema.csv"), "--profile", draft, "--dry-run"])
        #expect(validate.status == 0, "NA is a missing code in the draft: \(validate.stderr)")
        #expect(validate.stderr.contains("profile skema-profil, instrument sdq-p4-17@1.0.0"))

        // Without --output the draft goes to stdout.
        let printed = try runKortlaeg(["profile", "suggest", Self.fixture("dansk-skema.xlsx")])
        #expect(printed.status == 0)
        #expect(printed.stdout.contains("\"id\" : \"draft-dansk-skema\""))
        #expect(printed.stdout.contains("\"source\" : \"xlsx\""))
    }

    @Test func suggestOnAMissingFileIs66() throws {
        let result = try runKortlaeg(["profile", "suggest", "/nonexistent/skema.csv"])
        #expect(result.status == 66)
    }

    @Test func templatesForEveryInformantWithDanishNames() throws {
        let folder = try temporaryFolder()
        let danish = try runKortlaeg(["template", "kv-inklusion", "--informant", "forælder", "--occasion", "T1", "--output", folder.path])
        #expect(danish.status == 0, "\(danish.stderr)")
        #expect(danish.stdout.contains("kv-inklusion-T1-parent-sdq-p4-17.csv"))
        let ascii = try runKortlaeg(["template", "kv-inklusion", "--informant", "laerer", "--occasion", "T1", "--output", folder.path])
        #expect(ascii.status == 0 && ascii.stdout.contains("kv-inklusion-T1-teacher-sdq-t4-17.csv"))
        let all = try runKortlaeg(["template", "kv-inklusion", "--informant", "all", "--occasion", "T1", "--age", "12",
                                   "--output", folder.appendingPathComponent("alle").path])
        #expect(all.status == 0, "\(all.stderr)")
        for name in ["parent-sdq-p4-17", "teacher-sdq-t4-17", "child-sdq-s11-17"] {
            #expect(all.stdout.contains("kv-inklusion-T1-\(name).csv"), "\(name)")
        }
        let unknown = try runKortlaeg(["template", "kv-inklusion", "--informant", "mor", "--occasion", "T1"])
        #expect(unknown.status == 64)
    }

    @Test func anAgeOutsideTheInstrumentsRangeIsWarnedAbout() throws {
        let folder = try temporaryFolder()
        let project = folder.appendingPathComponent("p.kortlaeg").path
        #expect(try runKortlaeg(["init", project, "--municipality", "Jammerbugt"]).status == 0)
        let file = folder.appendingPathComponent("alder.csv").path
        let items = ["consid", "restles", "somatic", "shares", "tantrum"].map { "p" + $0 }
        try ((["elev_id", "Alder", "Årgang"] + items).joined(separator: ";") + "\n"
            + "elev-0001;3;2022;1;1;1;1;1\nelev-0002;10 år;4;0;0;0;0;0\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runKortlaeg(["import", file, "--project", project, "--occasion", "T1", "--instrument", "sdq-p4-17"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: \(file): 1 response(s) give an age (alder) outside the age range of sdq-p4-17@1.0.0"))
    }
}

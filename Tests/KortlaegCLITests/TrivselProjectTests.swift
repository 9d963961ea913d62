import Foundation
import KortlaegTestSupport
import KortlaegDomain
import KortlaegStore
import KortlaegStoreSQLite
import Testing

/// End-to-end: `kortlaeg trivsel FILE --project P --store` and `kortlaeg trivsel --project P` on the
/// built binary (issue 6). Expected figures by hand from shared/specs/trivsel.md: group figures are
/// pupil-weighted means, groups under 5 pupils are not published (nor combined), suppressed cells
/// are absent; national means 2017/18: Social 4.1, Faglig 3.7.
@Suite(.serialized) struct TrivselProjectTests {
    /// Two schools, Danish numbers (`4,1`; `2.351` = 2351 pupils in a `;` file).
    ///
    /// Byskolen, all trin, Social 2017/18: (20 × 4.1 + 30 × 3.6) / 50 = 190 / 50 = 3.8 (the 6. klasse
    /// has 4 pupils: left out); 2018/19: 4.0 (n=25). Faglig 2017/18: the 5. klasse cell is empty
    /// (suppressed) and the 6. klasse is too small, so 3.7 (n=20); 2018/19: 3.8 (n=25).
    /// Municipality (both schools), Social 2017/18: (82 + 108 + 2351 × 3.9) / 2401 = 9358.9 / 2401
    /// = 3.898 → 3,9 (n=2401); 2018/19: (25 × 4.0 + 40 × 3.5) / 65 = 240 / 65 = 3.692 → 3,7 (n=65).
    /// Faglig 2017/18: (20 × 3.7 + 2351 × 3.5) / 2371 = 8302.5 / 2371 = 3.502 → 3,5 (n=2371);
    /// 2018/19: (25 × 3.8 + 40 × 3.6) / 65 = 239 / 65 = 3.677 → 3,7 (n=65).
    static let kommune = """
        År;Skolenavn;Trin;Antal elever;Social trivsel;Faglig trivsel;Social trivsel andel >4
        2018;Byskolen;4. klasse;20;4,1;3,7;45,5
        2018;Byskolen;5. klasse;30;3,6;;30
        2018;Byskolen;6. klasse;4;2,0;2,0;
        2019;Byskolen;4. klasse;25;4,0;3,8;
        2018;Åskolen;4. klasse;2.351;3,9;3,5;
        2019;Åskolen;4. klasse;40;3,5;3,6;

        """

    static let sample = repositoryRoot.appendingPathComponent("Tests/KortlaegReadersTests/Fixtures/trivsel/skoler_2024-08-14.csv").path

    func project(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("p.kortlaeg").path
        _ = try SQLiteProjectStore.create(at: path, project: ProjectInfo(municipality: "Jammerbugt"), operator: "test")
        return path
    }

    func write(_ text: String, _ name: String, in folder: URL) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// The public sample's counts (TrivselResultsReaderTests, checked with Python): 1346 rows, 1346
    /// schools, no empty indicator cell, no problem → 1346 × 5 = 6730 figures.
    @Test func publicSampleImportsWithTheFileCountsAndOnlyOnce() throws {
        let folder = try temporaryFolder()
        let path = try project(in: folder)
        var result = try runKortlaeg(["trivsel", Self.sample, "--project", path, "--store"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1346 rows read, 1346 results stored (6730 figures), 1346 new schools, 0 problems"))
        let store = try SQLiteProjectStore.open(at: path)
        let counts = try store.rowCounts()
        #expect(counts["trivselFigure"] == 6730 && counts["school"] == 1346 && counts["importReject"] == 0)
        #expect(try store.status(recentImports: 1).recentImports.first?.profile == "trivsel-results")
        #expect(try store.auditLog().last?.summary.contains("1346 results (6730 figures) stored") == true)

        let digest = try store.contentDigest()
        result = try runKortlaeg(["trivsel", Self.sample, "--project", path, "--store"])
        #expect(result.status == 0 && result.stderr.contains("already imported") && result.stderr.contains("nothing changed"))
        #expect(try SQLiteProjectStore.open(at: path).contentDigest() == digest)

        // Aabybro's Social trivsel is 3.99333055263157 in the file: shown as 4,0; no school year in the sample.
        result = try runKortlaeg(["trivsel", "--project", path, "--school", "Aabybro Skole"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Trivselsmåling: Aabybro Skole (Jammerbugt), alle trin"))
        #expect(result.stdout.contains("Social trivsel         4,0"))
        #expect(result.stdout.contains("alle projektets 1346 skoler samlet"))
        // No pupil counts in the sample: the municipality is the plain mean of school means, marked *.
        #expect(result.stdout.contains("* Uvægtet gennemsnit"))
    }

    @Test func storedViewShowsTheSameNumbersAsTheFile() throws {
        let folder = try temporaryFolder()
        let path = try project(in: folder)
        let file = try write(Self.kommune, "kommune.csv", in: folder)
        let stored = try runKortlaeg(["trivsel", file, "--project", path, "--store"])
        #expect(stored.status == 0, "\(stored.stderr)")
        // 6 rows; figures 2 + 1 + 2 + 2 + 2 + 2 = 11 (the empty Faglig cell is not stored).
        #expect(stored.stderr.contains("6 rows read, 6 results stored (11 figures), 2 new schools, 0 problems"))

        for selection in [["--school", "Byskolen"], ["--school", "Byskolen", "--trin", "4"], ["--trin", "4. klasse"], []] {
            let fromFile = try runKortlaeg(["trivsel", file, "--format", "csv"] + selection)
            let fromProject = try runKortlaeg(["trivsel", "--project", path, "--format", "csv"] + selection)
            #expect(fromFile.status == 0 && fromProject.status == 0, "\(selection): \(fromProject.stderr)")
            let fileRows = fromFile.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(14) }
            let projectRows = fromProject.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(14) }
            #expect(fileRows.count > 1 && fileRows == projectRows, "\(selection)")
        }

        let table = try runKortlaeg(["trivsel", "--project", path, "--school", "Byskolen"])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Trivselsmåling: Byskolen, alle trin")
        #expect(lines[2] == "Indikator                      2017/18     2018/19     Kommune 2017/18  Kommune 2018/19  Landsplan 2017/18")
        #expect(lines[3] == "Social trivsel                 3,8 (n=50)  4,0 (n=25)  3,9 (n=2401)     3,7 (n=65)       4,1")
        #expect(lines[4] == "Faglig trivsel                 3,7 (n=20)  3,8 (n=25)  3,5 (n=2371)     3,7 (n=65)       3,7")
        #expect(table.stdout.contains("inden for den tilfældige variation"), "the noise warning")
        #expect(table.stdout.contains("under 5 elever vises ikke"))
        #expect(table.stdout.contains("Kommune: alle projektets 2 skoler samlet efter de samme regler."))
        #expect(table.stdout.contains("Flere grupper er vægtet med antal elever."))
        // The school columns are exactly those of the file view.
        let fileTable = try runKortlaeg(["trivsel", file, "--school", "Byskolen"])
        let fileLines = fileTable.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(fileLines[3] == "Social trivsel                 3,8 (n=50)  4,0 (n=25)  4,1")

        // The municipality in CSV: unrounded, with its pupils.
        let csv = try runKortlaeg(["trivsel", "--project", path, "--school", "Byskolen", "--format", "csv", "--lang", "en"])
        let social2018 = try #require(csv.stdout.split(separator: "\n").first { $0.hasPrefix("Byskolen,,2017/18,social,") })
        let fields = social2018.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(abs(Double(fields[14])! - 9358.9 / 2401) < 1e-12 && fields[15] == "2401" && fields[16] == "pupils" && fields[17] == "1")
    }

    /// The 6. klasse has 4 pupils: neither the school's nor the municipality's figure is shown.
    @Test func smallGroupsAreSuppressedFromTheStore() throws {
        let folder = try temporaryFolder()
        let path = try project(in: folder)
        _ = try runKortlaeg(["trivsel", try write(Self.kommune, "kommune.csv", in: folder), "--project", path, "--store"])
        let result = try runKortlaeg(["trivsel", "--project", path, "--school", "Byskolen", "--trin", "6", "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Social well-being    n<5      n<5                   4.1"))
    }

    /// Danish numbers are stored as numbers: `4,1` is 4.1, `2.351` pupils is 2351.
    @Test func danishNumbersAreStoredAsNumbers() throws {
        let folder = try temporaryFolder()
        let path = try project(in: folder)
        _ = try runKortlaeg(["trivsel", try write(Self.kommune, "kommune.csv", in: folder), "--project", path, "--store"])
        let results = try SQLiteProjectStore.open(at: path).trivselResults()
        let byskolen = try #require(results.first { $0.school == "Byskolen" && $0.grade == "4. klasse" })
        #expect(byskolen.figures[TrivselIndicator(rawValue: "social")] == TrivselFigure(mean: 4.1, pupils: 20, highestWellBeing: [.above4: 45.5]))
        #expect(byskolen.schoolYear == SchoolYear(endYear: 2018) && byskolen.location == "kommune.csv:2")
        #expect(results.first { $0.school == "Åskolen" }?.figures[TrivselIndicator(rawValue: "social")]?.pupils == 2351)
        #expect(results.first { $0.grade == "5. klasse" }?.figures[TrivselIndicator(rawValue: "faglig")] == nil, "a suppressed cell stays absent")
    }

    @Test func badRowsGoToTheRejectsReportAndTheRestIsStored() throws {
        let folder = try temporaryFolder()
        let path = try project(in: folder)
        let file = try write("""
            År;Skolenavn;Trin;Antal elever;Social trivsel
            2018;Byskolen;4. klasse;20;4,1
            2018;;5. klasse;30;3,6
            2018;Byskolen;5. klasse;22;3,x

            """, "bad.csv", in: folder)
        let result = try runKortlaeg(["trivsel", file, "--project", path, "--store"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("bad.csv:4: column 'Social trivsel': '3,x' is not valid"))
        #expect(result.stderr.contains("bad.csv:3: row 2: error: (row): the row names no school"))
        #expect(result.stderr.contains("3 rows read, 1 results stored (1 figures), 1 new schools, 2 problems"))
        let store = try SQLiteProjectStore.open(at: path)
        #expect(try store.rowCounts()["importReject"] == 2 && store.rowCounts()["trivselFigure"] == 1)
        #expect(try store.status(recentImports: 1).recentImports.first?.rejected == 2)
    }

    @Test func aCorrectedFileIsAConflictUntilReplaced() throws {
        let folder = try temporaryFolder()
        let path = try project(in: folder)
        _ = try runKortlaeg(["trivsel", try write(Self.kommune, "kommune.csv", in: folder), "--project", path, "--store"])
        let corrected = try write("År;Skolenavn;Trin;Antal elever;Social trivsel\n2018;Byskolen;4;21;4,2\n", "rettet.csv", in: folder)
        let digest = try SQLiteProjectStore.open(at: path).contentDigest()
        var result = try runKortlaeg(["trivsel", corrected, "--project", path, "--store"])
        #expect(result.status == 4, "\(result.stderr)")
        #expect(result.stderr.contains("line 2: Byskolen 4 2017/18 Social trivsel: already from kommune.csv"))
        #expect(result.stderr.contains("--replace"))
        #expect(try SQLiteProjectStore.open(at: path).contentDigest() == digest)
        result = try runKortlaeg(["trivsel", corrected, "--project", path, "--store", "--replace", "--operator", "KB"])
        #expect(result.status == 0 && result.stderr.contains("1 figures replaced"), "\(result.stderr)")
        let audit = try SQLiteProjectStore.open(at: path).auditLog()
        #expect(audit.filter { $0.action == .replace }.count == 1 && audit.last?.operator == "KB")
    }

    @Test func messagesSayHowToStoreAndShow() throws {
        let folder = try temporaryFolder()
        let path = try project(in: folder)
        let file = try write(Self.kommune, "kommune.csv", in: folder)
        var result = try runKortlaeg(["trivsel", file, "--project", path])
        #expect(result.status == 64 && result.stderr.contains("To store the FILE in the project add --store"))
        result = try runKortlaeg(["trivsel", file, "--store"])
        #expect(result.status == 64 && result.stderr.contains("--store needs the project"))
        result = try runKortlaeg(["trivsel", "--project", path])
        #expect(result.status == 66 && result.stderr.contains("holds no trivselsmåling results yet"))
        _ = try runKortlaeg(["trivsel", file, "--project", path, "--store"])
        result = try runKortlaeg(["trivsel", "--project", path, "--school", "Bysklen"])
        #expect(result.status == 64 && result.stderr.contains("No school in the project matches --school 'Bysklen'. Did you mean 'Byskolen'?"))
    }
}

import Foundation
import KortlaegTestSupport
import Testing

/// End-to-end: `kortlaeg trivsel` on the built binary. Expected figures by hand from the rules in
/// shared/specs/trivsel.md (pupil-weighted, n ≥ 5) and the national means 2017/18 given there.
@Suite(.serialized) struct TrivselCommandTests {
    // 2017/18: 4. klasse 20 pupils Social 4,1; 5. klasse 30 pupils Social 3,6; 6. klasse 4 pupils (not shown).
    //   Social = (20 × 4.1 + 30 × 3.6) / 50 = 190 / 50 = 3.8 -> "3,8 (n=50)".
    // 2018/19: 4. klasse 25 pupils Social 4,0 -> "4,0 (n=25)".
    static let input = """
        År;Skolenavn;Trin;Antal elever;Social trivsel;Faglig trivsel
        2018;Byskolen;4. klasse;20;4,1;3,7
        2018;Byskolen;5. klasse;30;3,6;
        2018;Byskolen;6. klasse;4;2,0;2,0
        2019;Byskolen;4. klasse;25;4,0;3,8

        """

    func write(_ text: String) throws -> URL {
        let url = try temporaryFolder().appendingPathComponent("trivsel.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func tableAgainstNationalFigures() throws {
        let result = try runKortlaeg(["trivsel", try write(Self.input).path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Trivselsmåling: Byskolen, alle trin")
        #expect(lines[2] == "Indikator       2017/18     2018/19     Landsplan 2017/18")
        #expect(lines[3] == "Social trivsel  3,8 (n=50)  4,0 (n=25)  4,1")
        // Faglig 2017/18: 5. klasse empty (suppressed), 6. klasse under 5 -> only 4. klasse: 3,7 (n=20).
        #expect(lines[4] == "Faglig trivsel  3,7 (n=20)  3,8 (n=25)  3,7")
        #expect(result.stdout.contains("inden for den tilfældige variation"))
        #expect(result.stdout.contains("under 5 elever vises ikke"))
    }

    @Test func gradeFilterAndSmallGroup() throws {
        let result = try runKortlaeg(["trivsel", try write(Self.input).path, "--trin", "6", "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Social well-being    n<5      4.1"), "6. klasse has 4 pupils: not shown")
    }

    @Test func csvFormat() throws {
        let result = try runKortlaeg(["trivsel", try write(Self.input).path, "--format", "csv", "--trin", "4. klasse"])
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("school,grade,school_year,indicator,indicator_label,mean,pupils"))
        #expect(lines[0].hasSuffix(",municipality_mean,municipality_pupils,municipality_weighting,municipality_suppressed_groups"))
        // The municipality columns are filled only from a project (all its schools); empty for a file.
        #expect(lines[1] == "Byskolen,4. klasse,2017/18,social,Social trivsel,4.1,20,1,single,0,,,4.1,2017/18,,,,")
        #expect(result.stderr.contains("usually within noise") || result.stderr.contains("tilfældige variation"))
    }

    @Test func helpHasExamples() throws {
        let result = try runKortlaeg(["trivsel", "--help"])
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("--project aarhus.kortlaeg --store"))
    }

    /// `--sheet` by name or number; without it the first sheet, said on stderr; an unknown sheet
    /// lists the sheets (exit 65). `trivsel-to-ark.xlsx`: 'Resultater' (the figures), then 'Om'.
    @Test func sheetOfAWorkbook() throws {
        let workbook = sample("realfiles/trivsel-to-ark.xlsx")
        let first = try runKortlaeg(["trivsel", workbook, "--school", "Byskolen"])
        #expect(first.status == 3, "one cell (3,x) cannot be read: \(first.stderr)")
        #expect(first.stderr.contains("sheet 'Resultater' (1 of 2): the first sheet, as no --sheet was given"), "\(first.stderr)")
        let chosen = try runKortlaeg(["trivsel", workbook, "--school", "Byskolen", "--sheet", "1"])
        #expect(chosen.stdout == first.stdout && !chosen.stdout.isEmpty)
        #expect(chosen.stderr.contains("sheet 'Resultater' (1 of 2, chosen with --sheet)"), "\(chosen.stderr)")
        let unknown = try runKortlaeg(["trivsel", workbook, "--sheet", "Data"])
        #expect(unknown.status == 65, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("the workbook has no sheet 'Data'; its sheets are: 1 'Resultater', 2 'Om'."), "\(unknown.stderr)")
    }
}

import Foundation
import KortlaegTestSupport
import Testing

struct ImportCommandTests {
    let fixtures = repositoryRoot.appendingPathComponent("Tests/KortlaegReadersTests/Fixtures")

    @Test func recognisesReportsAndWritesRejects() throws {
        let folder = try temporaryFolder()
        let output = folder.appendingPathComponent("answers.csv").path
        let result = try runKortlaeg(["import", fixtures.appendingPathComponent("import/redcap-sdq-parent.csv").path,
                                      "--output", output])
        #expect(result.status == 3)
        #expect(result.stderr.contains("REDCap record CSV (CSV header with record_id/redcap_event_name)"))
        #expect(result.stderr.contains("profile redcap-sdq-parent (chosen for this kind of file), instrument sdq-p4-17@1.0.0"))
        #expect(result.stderr.contains("records read 5, accepted 2, rejected 2, without answers 1"))
        let rejects = try String(contentsOfFile: folder.appendingPathComponent("answers-rejects.csv").path, encoding: .utf8)
        #expect(rejects.hasPrefix("file,location,field,value,reason\n"))
        #expect(rejects.contains("row 5 (line 6),(occasion),unknown_arm_1,\"no occasion is defined"))
        #expect(!rejects.contains(",102,") && !rejects.contains(",103,"))
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        // Record 101/T1: 25 items coded 1 + ebddiff 0 = 26 answers; 101/T2: 25 zeros + 8 impact-section answers = 33; + header.
        #expect(lines.count == 60)
        #expect(lines[1] == "101,T1,parent,sdq-p4-17,1.0.0,consid,pconsid,1")
    }

    @Test func dryRunWritesNothing() throws {
        let folder = try temporaryFolder()
        let result = try runKortlaeg(["import", fixtures.appendingPathComponent("import/redcap-sdq-parent.csv").path,
                                      "--dry-run", "--output", folder.appendingPathComponent("x.csv").path], in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.contains("dry run: nothing written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test func hostileXMLAmongGoodFilesFailsAloneWithExit65() throws {
        let folder = try temporaryFolder()
        let hostile = try writeHostileXML(in: folder)
        let output = folder.appendingPathComponent("scores.csv").path
        let result = try runKortlaeg(["import", fixtures.appendingPathComponent("fhir/kl-children-QuestionnaireResponse-SDQ4-10AnswerLars.json").path,
                                      hostile, fixtures.appendingPathComponent("fhir/kl-children-QuestionnaireResponse-SDQ4-10AnswerLars.json").path,
                                      "--profile", "kl-children-sdq4-10", "--score", "--output", output])
        #expect(result.status == 65)
        #expect(result.stderr.contains("DOCTYPE"))
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        // Hand-computed in ResponseMapperTests: emotion 3, conduct 1, hyper 2, peer 0, prosocial 10, total 6, impact 0.
        #expect(lines[1].hasPrefix("Patient/Lars,,parent,sdq-p4-17,1.0.0,2024-04-23,3,1,2,0,10,6,0,3,3,"))
    }

    /// --project stores instead of writing: --output and --score do not go with it, and the
    /// project-only options do not go without it.
    @Test(arguments: [["--project", "p.kortlaeg", "--output", "o.csv"], ["--project", "p.kortlaeg", "--score"],
                      ["--output", "o.csv", "--occasion", "T1"], ["--output", "o.csv", "--replace"],
                      ["--project", "p.kortlaeg", "--occasion", "T3"]])
    func projectOptionsAreChecked(arguments: [String]) throws {
        let result = try runKortlaeg(["import", "x.csv"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--project") || result.stderr.contains("T1, F1, F2, … or T2"))
    }
}

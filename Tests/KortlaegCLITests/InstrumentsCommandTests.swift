import Foundation
import KortlaegTestSupport
import Testing

@Suite(.serialized) struct InstrumentsCommandTests {
    @Test func validateShippedInstruments() throws {
        let result = try runKortlaeg(["instruments", "validate"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("0 problem(s)"))
    }

    @Test func validateReportsFileAndPath() throws {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Instruments/schema/instrument.schema.json"),
                                         to: folder.appendingPathComponent("schema/instrument.schema.json"))
        var text = try String(contentsOf: repositoryRoot.appendingPathComponent("Instruments/sdq/sdq-p4-17@1.0.0.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"somatic\",\n        \"worries\"", with: "\"somatic\",\n        \"wories\"")
        let file = folder.appendingPathComponent("bad.json")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = try runKortlaeg(["instruments", "validate", "--instruments", folder.path])
        #expect(process.status == 65)
        #expect(process.stdout.contains("bad.json: $.scales[0].items[1]: error: unknown item 'wories'. Did you mean 'worries'?"))
    }

    @Test func listAndShow() throws {
        let list = try runKortlaeg(["instruments", "list"])
        #expect(list.stdout.contains("sdq-p4-17\t1.0.0\tparent\t4-17"))
        #expect(list.stdout.contains("sdq-s11-17-fu\t1.0.0\tchild\t11-17"))
        let show = try runKortlaeg(["instruments", "show", "sdq-t4-17@1.0.0"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("timpfrie"))
        #expect(show.stdout.contains("impact-when-ebddiff-missing"))
        let missing = try runKortlaeg(["instruments", "show", "sdq-t4-17@9.0.0"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("has no version 9.0.0"))
    }

    @Test func everyCommandHelpHasAnExample() throws {
        for command in [["score"], ["instruments", "list"], ["instruments", "show"], ["instruments", "validate"],
                        ["tool", "list"], ["tool", "show"], ["tool", "diff"], ["template"], ["progress"], ["import"], ["trivsel"]] {
            let help = try runKortlaeg(command + ["--help"])
            #expect(help.stdout.contains("kortlaeg "), "\(command)")
            #expect(help.stdout.contains("Example"), "\(command)")
        }
    }
}

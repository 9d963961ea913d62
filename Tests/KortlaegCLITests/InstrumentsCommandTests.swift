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

    /// An aligned table (it was tab-separated), Danish by default.
    @Test func listAndShow() throws {
        let list = try runKortlaeg(["instruments", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.hasPrefix("id                version  informant     alder  titel\n"))
        #expect(list.stdout.contains("\nsdq-p4-17         1.0.0    parent        4-17   SDQ forældreskema 4-17 år\n"))
        #expect(list.stdout.contains("\nsdq-s11-17-fu     1.0.0    child         11-17  "))
        let english = try runKortlaeg(["instruments", "list", "--lang", "en"])
        #expect(english.stdout.hasPrefix("id                version  informant     ages   title\n"))
        let show = try runKortlaeg(["instruments", "show", "sdq-t4-17@1.0.0"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("timpfrie"))
        #expect(show.stdout.contains("impact-when-ebddiff-missing"))
        let missing = try runKortlaeg(["instruments", "show", "sdq-t4-17@9.0.0"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("has no version 9.0.0"))
        let showEnglish = try runKortlaeg(["instruments", "show", "sdq-t4-17@1.0.0", "--lang", "en"])
        #expect(showEnglish.stdout.contains("\nItems:\n"))
        #expect(show.stdout.contains("\nSpørgsmål:\n"))
    }

    /// No definitions is an error that says where it looked, never an empty table.
    @Test func listWithoutDefinitionsIsAnError() throws {
        let folder = try temporaryFolder()
        let result = try runKortlaeg(["instruments", "list", "--instruments", folder.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: No instrument definitions in \(folder.path) (from --instruments):"))
        let missing = try runKortlaeg(["instruments", "list", "--instruments", folder.path + "/missing"])
        #expect(missing.status == 65)
        #expect(missing.stderr == "error: The instruments folder \(folder.path)/missing (from --instruments) does not exist.\n")
    }

    /// The program finds the instruments shipped with it from any working directory: copied
    /// alone (the package it was built from), or installed as PREFIX/bin/kortlaeg with
    /// PREFIX/share/kortlaeg/Instruments (here a folder with one instrument, so the list shows
    /// which folder was read).
    @Test func aCopiedProgramFindsItsInstruments() throws {
        let folder = try temporaryFolder()
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let environment = ["KORTLAEG_INSTRUMENTS": ""]

        let alone = folder.appendingPathComponent("kortlaeg")
        try FileManager.default.copyItem(at: kortlaegBinary(), to: alone)
        let list = try runProcess(alone, ["instruments", "list"], in: elsewhere, environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("\nsdq-p4-17 ") && list.stdout.contains("\ntrivsel-4-9 "))

        let prefix = folder.appendingPathComponent("prefix")
        let share = prefix.appendingPathComponent("share/kortlaeg/Instruments")
        try FileManager.default.createDirectory(at: share.appendingPathComponent("sdq"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Instruments/schema"), to: share.appendingPathComponent("schema"))
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Instruments/sdq/sdq-t2-4@1.0.0.json"),
                                         to: share.appendingPathComponent("sdq/sdq-t2-4@1.0.0.json"))
        try FileManager.default.moveItem(at: alone, to: prefix.appendingPathComponent("bin/kortlaeg"))
        let installed = try runProcess(prefix.appendingPathComponent("bin/kortlaeg"), ["instruments", "list", "--lang", "en"],
                                       in: elsewhere, environment: environment)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" } == ["id", "sdq-t2-4"])
    }

    @Test func everyCommandHelpHasAnExample() throws {
        for command in [["score"], ["instruments"], ["tool"], ["instruments", "list"], ["instruments", "show"], ["instruments", "validate"],
                        ["tool", "list"], ["tool", "show"], ["tool", "diff"], ["template"], ["progress"], ["import"], ["trivsel"]] {
            let help = try runKortlaeg(command + ["--help"])
            #expect(help.stdout.contains("kortlaeg "), "\(command)")
            #expect(help.stdout.contains("Example"), "\(command)")
        }
    }
}

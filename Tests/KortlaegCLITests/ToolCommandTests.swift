import Foundation
import KortlaegTestSupport
import Testing

@Suite(.serialized) struct ToolCommandTests {
    /// Template → filled sample → score: the template's columns are read back without a mapping.
    /// Row R1: emotion items (psomatic, pworries, punhappy, pclingy, pafraid) = 2,2,1,1,0 -> 6;
    /// ebddiff 0 -> impact 0. Source: shared/specs/sdq.md.
    @Test func templateRoundTrip() throws {
        let folder = try temporaryFolder()
        let result = try runKortlaeg(["template", "kv-inklusion", "--informant", "parent", "--occasion", "T1",
                                      "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasSuffix("kv-inklusion-T1-parent-sdq-p4-17.csv"))
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // UTF-8 with BOM and ';' for Danish Excel (Foundation drops the BOM when decoding, so check bytes).
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(text.hasPrefix("child_id;occasion;date;klasse;køn;fødselsdato;pconsid;"))
        let header = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").map(String.init)
        var row = [String](repeating: "", count: header.count)
        row[0] = "R1"; row[1] = "T1"; row[2] = "2026-09-01"
        for (variable, value) in ["psomatic": "2", "pworries": "2", "punhappy": "1", "pclingy": "1", "pafraid": "0", "pebddiff": "0"] {
            row[header.firstIndex(of: variable)!] = value
        }
        text += row.joined(separator: ";") + "\r\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let scored = try runKortlaeg(["score", path, "--instrument", "sdq-p4-17@1.0.0"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout.split(separator: "\n")[1].hasPrefix("R1,6,,,,,,0,"))
        let codebook = try String(contentsOfFile: path.replacingOccurrences(of: ".csv", with: "-codebook.csv"), encoding: .utf8)
        #expect(codebook.contains("pconsid;Hensynsfuld;0 = Passer ikke | 1 = Passer delvist | 2 = Passer godt | tom = ikke besvaret;sdq-p4-17@1.0.0"))
    }

    @Test func templateRefusesUnknownOccasion() throws {
        let result = try runKortlaeg(["template", "kv-inklusion", "--informant", "parent", "--occasion", "T3"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("has no occasion 'T3'"))
    }

    @Test func showByAge() throws {
        let result = try runKortlaeg(["tool", "show", "kv-inklusion@0.1.0", "--age", "12"])
        #expect(result.stdout.contains("\ntidspunkt T1: Indledende kortlægning\n  child: sdq-s11-17@1.0.0\n"))
        let young = try runKortlaeg(["tool", "show", "kv-inklusion@0.1.0", "--age", "9", "--lang", "en"])
        #expect(young.stdout.contains("\noccasion T1: Initial mapping\n"))
        #expect(!young.stdout.contains("child:"))
    }

    @Test func list() throws {
        let result = try runKortlaeg(["tool", "list"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("id            version  model                            alder  titel\n"))
        #expect(result.stdout.contains("\nkv-inklusion  0.1.0    tvaerfaglig-inklusion            9-14   Kortlægningsværktøj: "))
    }

    /// No batteries is an error naming the folder, never an empty table with exit 0.
    @Test func listWithoutBatteriesIsAnError() throws {
        let folder = try temporaryFolder()
        let result = try runKortlaeg(["tool", "list", "--instruments", folder.path])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("error: No battery (mapping tool) definitions in \(folder.path) (from --instruments):"))
    }

    /// The message says "batteries" (it said "batterys") and points at `tool list`.
    @Test func unknownBatteryNamesTheBatteries() throws {
        let result = try runKortlaeg(["tool", "show", "kv-inklusjon"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Unknown battery 'kv-inklusjon'. Did you mean 'kv-inklusion'? "
            + "Known batteries: kv-anbragte, kv-inklusion, kv-mestring. See 'kortlaeg tool list'.\n"))
        #expect(!result.stderr.contains("batterys"))
    }

    /// A second battery version in a temporary instruments folder: the diff names the change.
    @Test func diffTwoBatteryVersions() throws {
        let folder = try temporaryFolder()
        let instruments = folder.appendingPathComponent("Instruments")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Instruments"), to: instruments)
        let old = instruments.appendingPathComponent("batteries/kv-mestring@0.1.0.json")
        var json = try String(contentsOf: old, encoding: .utf8)
        json = json.replacingOccurrences(of: "\"version\": \"0.1.0\"", with: "\"version\": \"0.2.0\"")
        json = json.replacingOccurrences(of: "\"instrument\": \"sdq-p4-17@1.0.0\"", with: "\"instrument\": \"sdq-p4-17-fu@1.0.0\"")
        try json.write(to: instruments.appendingPathComponent("batteries/kv-mestring@0.2.0.json"), atomically: true, encoding: .utf8)
        let result = try runKortlaeg(["tool", "diff", "kv-mestring@0.1.0", "kv-mestring@0.2.0", "--instruments", instruments.path,
                                      "--lang", "en"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("removed: parent sdq-p4-17@1.0.0 at T1,T2"))
        #expect(result.stdout.contains("added: parent sdq-p4-17-fu@1.0.0 at T1,T2"))
        #expect(result.stdout.contains("sdq-p4-17@1.0.0 → sdq-p4-17-fu@1.0.0"))
        #expect(result.stdout.contains("comparable: pebdtot ↔ pebdtot"))
        let danish = try runKortlaeg(["tool", "diff", "kv-mestring@0.1.0", "kv-mestring@0.2.0", "--instruments", instruments.path])
        #expect(danish.stdout.contains("fjernet: parent sdq-p4-17@1.0.0 ved T1,T2"))
        #expect(danish.stdout.contains("sammenlignelig: pebdtot ↔ pebdtot"))
    }
}

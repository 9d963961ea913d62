import Foundation
import KortlaegTestSupport
import Testing

/// Whether the end-to-end browser test can run here: chromium, chromedriver and the Python packages.
let browserTestTools: Bool = {
    let manager = FileManager.default
    guard manager.isExecutableFile(atPath: "/usr/bin/chromium"), manager.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
    return (try? runPython("import selenium, pyreadstat", []))?.status == 0
}()

/// Starts `kortlaeg serve` on a free 127.0.0.1 port (port 0, the address read from its output),
/// drives it with Selenium in headless Chromium (scripts/e2e/web_e2e.py) and stops it.
/// Screenshots go to `.build/artefacts/web-e2e/`.
@Test(.enabled(if: browserTestTools, "chromium, chromium-driver and PyPI selenium + pyreadstat are needed (.ci/run installs them)"),
      .timeLimit(.minutes(10)))
func webEndToEndInChromium() throws {
    let folder = try makeTemporaryFolder("kortlaeg-web-e2e")
    let project = folder.appendingPathComponent("ppr.kortlaeg").path
    #expect(try runKortlaeg(["init", project, "--municipality", "Jammerbugt", "--tool-version", "kv-inklusion@0.1.0"]).status == 0)
    let added = try runKortlaeg(["user", "add", "mette", "--project", project, "--role", "admin", "--password-stdin"],
                                input: Data("korrekt-hest-batteri\n".utf8))
    #expect(added.status == 0, "\(added.stderr)")
    let scores = folder.appendingPathComponent("scores.csv").path
    let scored = try runKortlaeg(["score", sample("sdq-parent-T1.csv"), "--instrument", "sdq-p4-17", "--output", scores])
    #expect(scored.status == 0 || scored.status == 3, "\(scored.stderr)")  // 3: some sample rows are rejected on purpose

    let server = makeKortlaegProcess(["serve", "--project", project, "--port", "0"])
    let output = Pipe()
    server.standardOutput = output
    // The server's log (CPR-masked, as always) is kept, and shown when the browser run fails: the
    // page says only what to check, the log says why a dry run refused a file.
    let artefacts = repositoryRoot.appendingPathComponent(".build/artefacts/web-e2e").path
    try FileManager.default.createDirectory(atPath: artefacts, withIntermediateDirectories: true)
    let logPath = artefacts + "/server.log"
    FileManager.default.createFile(atPath: logPath, contents: nil)
    server.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
    try server.run()
    defer {
        server.terminate()
        server.waitUntilExit()
    }
    // The first line names the address: "Kortlæg kører på http://127.0.0.1:PORT/ – …".
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        line += chunk
    }
    let text = String(decoding: line, as: UTF8.self)
    let address = try #require(text.split(separator: " ").first { $0.hasPrefix("http://127.0.0.1:") }.map(String.init), "no address in \(text)")

    let script = repositoryRoot.appendingPathComponent("scripts/e2e/web_e2e.py").path
    let samples = repositoryRoot.appendingPathComponent("SampleData").path
    let result = try runProcess(URL(fileURLWithPath: "/usr/bin/env"),
                                ["python3", script, address, "mette", "korrekt-hest-batteri", samples, scores, artefacts])
    let log = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)\nserver log (last lines):\n\(log.split(separator: "\n").suffix(30).joined(separator: "\n"))")
}

import Foundation

/// Runs the built `kortlaeg` binary, as a user would.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func kortlaegBinary() -> URL {
    var directory = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = directory.appendingPathComponent("kortlaeg")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/kortlaeg")
}

func runKortlaeg(_ arguments: [String], in directory: URL? = nil) throws -> CLIResult {
    let process = Process()
    process.executableURL = kortlaegBinary()
    let explicit = arguments.contains("--instruments") || arguments.contains("--help")
    process.arguments = arguments + (explicit ? [] : ["--instruments", repositoryRoot.appendingPathComponent("Instruments").path])
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                     stderr: String(decoding: stderr, as: UTF8.self))
}

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kortlaeg-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

let parentHeader = ["id"] + ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring",
    "fidgety", "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
    "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome", "impfrie", "impclas",
    "impleis"].map { "p" + $0 }

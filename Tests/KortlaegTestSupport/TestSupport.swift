import Foundation
import KortlaegDomain

/// What a child process printed and how it ended.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// The repository's root folder (this file is `Tests/KortlaegTestSupport/TestSupport.swift`).
public let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The repository's `Instruments` folder.
public let instrumentsDirectory = repositoryRoot.appendingPathComponent("Instruments").path

/// The built `kortlaeg` binary next to the test bundle (or in `.build/debug`).
public func kortlaegBinary() -> URL {
    var directory = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = directory.appendingPathComponent("kortlaeg")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        directory.deleteLastPathComponent()
    }
    return repositoryRoot.appendingPathComponent(".build/debug/kortlaeg")
}

/// Runs `executable` with `arguments` and waits for it, collecting stdout and stderr.
///
/// Both pipes are drained at the same time (stderr on a second thread), so a child that writes
/// more than a pipe buffer to either never blocks.
/// - Parameter environment: variables added to (or replacing those of) the test's environment.
public func runProcess(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                       environment: [String: String] = [:], input: Data? = nil) throws -> ProcessResult {
    // A program a test has just copied can be "busy" for a moment: another test's thread may have
    // forked while the copy's file was open for writing, and the child holds it until it execs.
    // Start again then (ETXTBSY), for up to 5 s; any other failure is thrown at once.
    var attempt = 0
    var started: (process: Process, out: Pipe, err: Pipe, stdin: Pipe)?
    while started == nil {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        do {
            try process.run()
            started = (process, out, err, stdin)
        } catch let error as NSError where attempt < 100 && isTextFileBusy(error) {
            attempt += 1
            usleep(50_000)
        }
    }
    let (process, out, err, stdin) = started!
    if let input {
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
    }
    let collected = StderrCollector()
    let reader = Thread { collected.data = err.fileHandleForReading.readDataToEndOfFile(); collected.done.signal() }
    reader.start()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    collected.done.wait()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: collected.data, as: UTF8.self))
}

/// Whether starting a process failed because its program file is still open for writing (ETXTBSY).
private func isTextFileBusy(_ error: NSError) -> Bool {
    if error.domain == NSPOSIXErrorDomain, error.code == Int(ETXTBSY) { return true }
    return (error.userInfo[NSUnderlyingErrorKey] as? NSError).map(isTextFileBusy) ?? false
}

/// The second pipe's bytes, handed from the reading thread to the caller.
private final class StderrCollector: @unchecked Sendable {
    var data = Data()
    let done = DispatchSemaphore(value: 0)
}

/// Runs the built `kortlaeg` as a user would, as user `cli-tester` (for the audit log), with the
/// repository's instruments unless the arguments name a folder (or ask for help).
/// - Parameter instruments: false for commands that take no `--instruments` option.
public func runKortlaeg(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                        input: Data? = nil) throws -> ProcessResult {
    let takesNoInstruments = ["init", "status", "imports", "user", "serve", "store", "check", "backup"]
    let explicit = arguments.contains("--instruments") || arguments.contains("--help")
        || takesNoInstruments.contains(arguments.first ?? "")
    return try runProcess(kortlaegBinary(), arguments + (explicit ? [] : ["--instruments", instrumentsDirectory]),
                          in: directory, environment: ["USER": "cli-tester"].merging(environment) { _, new in new },
                          input: input)
}

/// A `kortlaeg` process that is set up but not started or awaited (e.g. to kill it mid-import).
public func makeKortlaegProcess(_ arguments: [String]) -> Process {
    let process = Process()
    process.executableURL = kortlaegBinary()
    process.arguments = arguments + ["--instruments", instrumentsDirectory]
    process.environment = ProcessInfo.processInfo.environment.merging(["USER": "cli-tester"]) { _, new in new }
    return process
}

/// A file of `SampleData/`.
public func sample(_ name: String) -> String {
    repositoryRoot.appendingPathComponent("SampleData/\(name)").path
}

/// The 31 parent SDQ item ids without the informant prefix, in questionnaire order.
public let sdqItems = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring",
                       "fidgety", "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied",
                       "helpout", "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome",
                       "impfrie", "impclas", "impleis"]

/// Writes a parent SDQ CSV with `rows` rows; ids from `id(row)`, answers `(item + row) % 3`.
public func writeParentCSV(_ url: URL, rows: Int, id: (Int) -> String, extra: String = "") throws {
    var text = (["id"] + sdqItems.map { "p" + $0 }).joined(separator: ",") + "\n"
    for row in 1...rows {
        text += id(row) + "," + sdqItems.enumerated().map { String(($0.offset + row) % 3) }.joined(separator: ",") + "\n"
    }
    try (text + extra).write(to: url, atomically: true, encoding: .utf8)
}

/// Runs `python3 -c script arguments…`.
public func runPython(_ script: String, _ arguments: [String]) throws -> ProcessResult {
    try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + arguments)
}

/// A fresh temporary folder named `prefix-UUID`, removed when the test process exits.
public func makeTemporaryFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(CPRGuard.uniqueName())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    TemporaryFolders.shared.register(url)
    return url
}

/// The folders the tests made, removed at exit (also after a failing test).
private final class TemporaryFolders: @unchecked Sendable {
    static let shared = TemporaryFolders()
    private let lock = NSLock()
    private var folders: [URL] = []

    private init() {
        atexit { TemporaryFolders.shared.removeAll() }
    }

    func register(_ url: URL) {
        lock.lock()
        folders.append(url)
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        for url in folders { try? FileManager.default.removeItem(at: url) }
        folders = []
    }
}

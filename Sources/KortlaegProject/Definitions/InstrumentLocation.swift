import Foundation

/// Where the instruments folder is, and how it was found.
///
/// The search, first match wins:
/// 1. the folder named by the user (`--instruments DIR`),
/// 2. `$KORTLAEG_INSTRUMENTS`,
/// 3. `Instruments` in the working directory,
/// 4. the data shipped with the program, beside the resolved executable (symbolic links
///    followed): `Instruments/` in its folder or a folder above it (the package's own
///    `Instruments/` for a `.build/debug/kortlaeg`), or `share/kortlaeg/Instruments` beside the
///    `bin/` it is installed in,
/// 5. the `Instruments/` folder of the package the program was built from (its path is recorded
///    at build time), so that a copied binary still works on the machine that built it.
///
/// Steps 4 and 5 accept a folder only when it has `schema/instrument.schema.json`, so an unrelated
/// folder named `Instruments` is never taken for Kortlæg's.
public struct InstrumentLocation: Hashable, Sendable, CustomStringConvertible {
    /// How the folder was found.
    public enum Origin: Hashable, Sendable {
        /// Named by the user (`--instruments`).
        case option
        /// `$KORTLAEG_INSTRUMENTS`.
        case environment
        /// `./Instruments`.
        case workingDirectory
        /// Shipped beside (or above) the program.
        case besideExecutable
        /// The package the program was built from.
        case buildFolder
    }

    /// The instruments folder.
    public var directory: String
    /// How it was found.
    public var origin: Origin

    /// A location (e.g. for a front end that knows its folder).
    public init(directory: String, origin: Origin = .option) {
        self.directory = directory
        self.origin = origin
    }

    /// The folder and how it was found, for messages: `/data/Instruments (from --instruments)`.
    public var description: String {
        switch origin {
        case .option: "\(directory) (from --instruments)"
        case .environment: "\(directory) (from KORTLAEG_INSTRUMENTS)"
        case .workingDirectory: "\(directory) (the Instruments folder in the working directory)"
        case .besideExecutable: "\(directory) (shipped with the program)"
        case .buildFolder: "\(directory) (the package the program was built from)"
        }
    }

    /// What the search looks at, taken from the running process by default.
    public struct Environment: Sendable {
        /// The environment variables (`KORTLAEG_INSTRUMENTS`).
        public var variables: [String: String]
        /// The working directory.
        public var currentDirectory: String
        /// The running program's path; symbolic links are resolved.
        public var executablePath: String?
        /// The instruments folder of the package the program was built from.
        public var buildFolder: String?

        /// What to look at (tests and front ends that know their own paths).
        public init(variables: [String: String], currentDirectory: String, executablePath: String?, buildFolder: String?) {
            self.variables = variables
            self.currentDirectory = currentDirectory
            self.executablePath = executablePath
            self.buildFolder = buildFolder
        }

        /// The running process's environment, working directory and executable.
        public static var current: Environment {
            Environment(variables: ProcessInfo.processInfo.environment,
                        currentDirectory: FileManager.default.currentDirectoryPath,
                        executablePath: runningExecutable ?? CommandLine.arguments.first,
                        buildFolder: InstrumentLocation.packageInstruments)
        }

        /// The running program's resolved path. On Linux the kernel's `/proc/self/exe` link (the
        /// same answer as `Bundle.main`, without setting up a bundle: about half a millisecond
        /// of every start).
        static var runningExecutable: String? {
            #if os(Linux)
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
            #endif
            return Bundle.main.executablePath
        }
    }

    /// The package's `Instruments/` as it was when the program was built (this file is
    /// `Sources/KortlaegProject/Definitions/InstrumentLocation.swift`).
    static let packageInstruments: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Instruments").path

    /// Finds the instruments folder.
    /// - Parameters:
    ///   - option: the folder the user named (`--instruments`), if any.
    ///   - environment: where to look (the running process by default).
    /// - Throws: ``KortlaegError`` (``Severity/invalidInput``) when the folder named by
    ///   `--instruments` or `KORTLAEG_INSTRUMENTS` does not exist, or when the search finds none;
    ///   the message lists every place looked at.
    public static func find(option: String?, environment: Environment = .current) throws(KortlaegError) -> InstrumentLocation {
        if let option, !option.isEmpty {
            return try existing(InstrumentLocation(directory: option, origin: .option))
        }
        if let variable = environment.variables["KORTLAEG_INSTRUMENTS"], !variable.isEmpty {
            return try existing(InstrumentLocation(directory: variable, origin: .environment))
        }
        let local = (environment.currentDirectory as NSString).appendingPathComponent("Instruments")
        if isDirectory(local) { return InstrumentLocation(directory: local, origin: .workingDirectory) }
        let shipped = shippedCandidates(executablePath: environment.executablePath)
        if let found = shipped.first(where: hasSchema) { return InstrumentLocation(directory: found, origin: .besideExecutable) }
        if let build = environment.buildFolder, hasSchema(build) { return InstrumentLocation(directory: build, origin: .buildFolder) }
        let looked = ["--instruments (not given)", "KORTLAEG_INSTRUMENTS (not set)", local] + shipped
            + (environment.buildFolder.map { [$0] } ?? [])
        throw KortlaegError(.invalidInput, "No instruments folder found. Looked at: \(looked.joined(separator: ", ")). "
            + "Name the folder with --instruments DIR or KORTLAEG_INSTRUMENTS.")
    }

    /// The folders beside and above the resolved executable that may hold the shipped data:
    /// `D/Instruments` and `D/share/kortlaeg/Instruments` for the executable's folder D and up
    /// to four folders above it.
    static func shippedCandidates(executablePath: String?) -> [String] {
        guard let executablePath, !executablePath.isEmpty else { return [] }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates: [String] = []
        for _ in 0...4 {
            candidates.append(folder.appendingPathComponent("Instruments").path)
            candidates.append(folder.appendingPathComponent("share/kortlaeg/Instruments").path)
            guard folder.path != "/" else { break }
            folder.deleteLastPathComponent()
        }
        return candidates
    }

    private static func existing(_ location: InstrumentLocation) throws(KortlaegError) -> InstrumentLocation {
        guard isDirectory(location.directory) else {
            throw KortlaegError(.invalidInput, "The instruments folder \(location) does not exist.")
        }
        return location
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func hasSchema(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("schema/instrument.schema.json"))
    }
}

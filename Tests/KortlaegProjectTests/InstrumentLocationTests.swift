import Foundation
import KortlaegTestSupport
import Testing
@testable import KortlaegProject

/// The search for the instruments folder: --instruments, $KORTLAEG_INSTRUMENTS, ./Instruments,
/// the data shipped beside the resolved executable, the package the program was built from.
struct InstrumentLocationTests {
    /// A folder that counts as shipped instrument data (it has the schema).
    func makeInstruments(at url: URL) throws {
        try FileManager.default.createDirectory(at: url.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: url.appendingPathComponent("schema/instrument.schema.json"))
    }

    func environment(_ root: URL, variables: [String: String] = [:], cwd: String? = nil, executable: String? = nil,
                     build: String? = nil) -> InstrumentLocation.Environment {
        InstrumentLocation.Environment(variables: variables, currentDirectory: cwd ?? root.appendingPathComponent("cwd").path,
                                       executablePath: executable, buildFolder: build)
    }

    @Test func eachStepWinsOverTheNext() throws {
        let root = try makeTemporaryFolder("location")
        let option = root.appendingPathComponent("option"), variable = root.appendingPathComponent("variable")
        let cwd = root.appendingPathComponent("cwd")
        for url in [option, variable, cwd.appendingPathComponent("Instruments")] {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        try makeInstruments(at: root.appendingPathComponent("app/Instruments"))
        let executable = root.appendingPathComponent("app/kortlaeg").path
        let all = environment(root, variables: ["KORTLAEG_INSTRUMENTS": variable.path], executable: executable)

        #expect(try InstrumentLocation.find(option: option.path, environment: all)
            == InstrumentLocation(directory: option.path, origin: .option))
        #expect(try InstrumentLocation.find(option: nil, environment: all)
            == InstrumentLocation(directory: variable.path, origin: .environment))
        // An empty variable counts as not set.
        let noVariable = environment(root, variables: ["KORTLAEG_INSTRUMENTS": ""], executable: executable)
        #expect(try InstrumentLocation.find(option: nil, environment: noVariable)
            == InstrumentLocation(directory: cwd.appendingPathComponent("Instruments").path, origin: .workingDirectory))
        let elsewhere = environment(root, cwd: root.path, executable: executable)
        #expect(try InstrumentLocation.find(option: nil, environment: elsewhere)
            == InstrumentLocation(directory: root.appendingPathComponent("app/Instruments").path, origin: .besideExecutable))
    }

    /// `swift build` puts the program in `.build/<triple>/debug/`: the package's `Instruments/`
    /// is three folders up. A symbolic link to the program (on PATH) is followed.
    @Test func aBuiltProgramFindsThePackagesInstrumentsThroughASymlink() throws {
        let root = try makeTemporaryFolder("location")
        try makeInstruments(at: root.appendingPathComponent("package/Instruments"))
        let debug = root.appendingPathComponent("package/.build/x86_64-unknown-linux-gnu/debug")
        try FileManager.default.createDirectory(at: debug, withIntermediateDirectories: true)
        try Data().write(to: debug.appendingPathComponent("kortlaeg"))
        let bin = root.appendingPathComponent("home/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: bin.appendingPathComponent("kortlaeg"), withDestinationURL: debug.appendingPathComponent("kortlaeg"))
        let found = try InstrumentLocation.find(option: nil, environment: environment(root, executable: bin.appendingPathComponent("kortlaeg").path))
        #expect(found.directory == root.appendingPathComponent("package/Instruments").resolvingSymlinksInPath().path
            || found.directory == root.appendingPathComponent("package/Instruments").path)
        #expect(found.origin == .besideExecutable)
    }

    /// Installed as PREFIX/bin/kortlaeg with the data in PREFIX/share/kortlaeg/Instruments.
    @Test func anInstalledProgramFindsShareKortlaeg() throws {
        let root = try makeTemporaryFolder("location")
        try makeInstruments(at: root.appendingPathComponent("prefix/share/kortlaeg/Instruments"))
        let found = try InstrumentLocation.find(option: nil, environment: environment(root, executable: root.appendingPathComponent("prefix/bin/kortlaeg").path))
        #expect(found.directory.hasSuffix("/prefix/share/kortlaeg/Instruments"))
        #expect(found.origin == .besideExecutable)
    }

    /// A folder named Instruments without the schema is not taken for the shipped data; the build
    /// folder is the last resort.
    @Test func aFolderWithoutTheSchemaIsSkipped() throws {
        let root = try makeTemporaryFolder("location")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("app/Instruments"), withIntermediateDirectories: true)
        try makeInstruments(at: root.appendingPathComponent("build/Instruments"))
        let found = try InstrumentLocation.find(option: nil, environment: environment(
            root, executable: root.appendingPathComponent("app/kortlaeg").path, build: root.appendingPathComponent("build/Instruments").path))
        #expect(found == InstrumentLocation(directory: root.appendingPathComponent("build/Instruments").path, origin: .buildFolder))
    }

    @Test func nothingFoundNamesEveryPlaceLookedAt() throws {
        let root = try makeTemporaryFolder("location")
        let executable = root.appendingPathComponent("a/b/kortlaeg").path
        let build = root.appendingPathComponent("gone/Instruments").path
        #expect {
            try InstrumentLocation.find(option: nil, environment: environment(root, executable: executable, build: build))
        } throws: { error in
            guard let error = error as? KortlaegError, error.severity == .invalidInput else { return false }
            return error.message.hasPrefix("No instruments folder found. Looked at: --instruments (not given), KORTLAEG_INSTRUMENTS (not set), "
                + root.appendingPathComponent("cwd/Instruments").path + ", " + root.appendingPathComponent("a/b/Instruments").path + ", "
                + root.appendingPathComponent("a/b/share/kortlaeg/Instruments").path + ", " + root.appendingPathComponent("a/Instruments").path)
                && error.message.hasSuffix(build + ". Name the folder with --instruments DIR or KORTLAEG_INSTRUMENTS.")
        }
    }

    @Test func aNamedFolderMustExist() throws {
        let root = try makeTemporaryFolder("location")
        let missing = root.appendingPathComponent("missing").path
        #expect {
            try InstrumentLocation.find(option: missing, environment: environment(root))
        } throws: { error in
            (error as? KortlaegError)?.message == "The instruments folder \(missing) (from --instruments) does not exist."
        }
        #expect {
            try InstrumentLocation.find(option: nil, environment: environment(root, variables: ["KORTLAEG_INSTRUMENTS": missing]))
        } throws: { error in
            (error as? KortlaegError)?.message == "The instruments folder \(missing) (from KORTLAEG_INSTRUMENTS) does not exist."
        }
    }

    /// The build-time path points at this package's own Instruments/.
    @Test func theBuildFolderIsThisPackagesInstruments() {
        #expect(InstrumentLocation.packageInstruments == instrumentsDirectory)
    }
}

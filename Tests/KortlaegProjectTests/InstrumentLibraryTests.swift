import Foundation
import KortlaegReaders
import KortlaegTestSupport
import Testing
@testable import KortlaegProject

struct InstrumentLibraryTests {
    let shipped = InstrumentLibrary(location: InstrumentLocation(directory: instrumentsDirectory))

    @Test func shippedDefinitions() throws {
        // Instruments/: 8 SDQ, 3 trivsel, 3 own forms; 3 batteries; 5 profiles.
        #expect(try shipped.instruments().entries.count == 14)
        #expect(try shipped.batteries().entries.map(\.battery.id) == ["kv-anbragte", "kv-inklusion", "kv-mestring"])
        #expect(try shipped.profiles().profiles.count == 5)
        #expect(try shipped.instrument("sdq-p4-17").reference.description == "sdq-p4-17@1.0.0")
        #expect(try shipped.nationalTrivselReference().years.isEmpty == false)
    }

    /// A folder without definitions is an error that names the folder and how it was found.
    @Test func anEmptyFolderIsAnError() throws {
        let folder = try makeTemporaryFolder("library")
        let library = InstrumentLibrary(location: InstrumentLocation(directory: folder.path, origin: .environment))
        #expect {
            try library.instruments()
        } throws: { error in
            guard let error = error as? KortlaegError else { return false }
            return error.severity == .invalidInput
                && error.message.hasPrefix("No instrument definitions in \(folder.path) (from KORTLAEG_INSTRUMENTS):")
        }
        #expect {
            try library.batteries()
        } throws: { error in
            guard let error = error as? KortlaegError else { return false }
            return error.severity == .invalidInput
                && error.message.hasPrefix("No battery (mapping tool) definitions in \(folder.path) (from KORTLAEG_INSTRUMENTS):")
        }
        // No profiles/ is no profiles, not an error.
        #expect(try library.profiles().profiles.isEmpty)
    }

    @Test func unknownReferencesAreUsageErrors() {
        #expect {
            try shipped.instrument("sdq-p4-71")
        } throws: { error in
            guard let error = error as? KortlaegError else { return false }
            return error.severity == .usage && error.message.hasPrefix("Unknown instrument 'sdq-p4-71'. Did you mean 'sdq-p4-17'?")
        }
        #expect {
            try shipped.battery("kv-inklusjon")
        } throws: { error in
            (error as? KortlaegError)?.message == "Unknown battery 'kv-inklusjon'. Did you mean 'kv-inklusion'? "
                + "Known batteries: kv-anbragte, kv-inklusion, kv-mestring. See 'kortlaeg tool list'."
        }
    }
}

struct ValidateDefinitionsTests {
    @Test func shippedDefinitionsAreValid() throws {
        let library = InstrumentLibrary(location: InstrumentLocation(directory: instrumentsDirectory))
        let result = try ValidateDefinitions.run(.init(library: library))
        #expect(result.findings.isEmpty, "\(result.findings)")
        #expect(result.severity == .success)
        // 14 instruments + 3 batteries; 5 profiles.
        #expect(result.summary == ["17 instrument file(s) checked, 0 problem(s).", "5 mapping profile(s) checked, 0 problem(s)."])
    }

    /// A copy of the folder with a broken profile and a typo in a scale: both are located.
    @Test func problemsAreLocated() throws {
        let folder = try makeTemporaryFolder("validate").appendingPathComponent("Instruments")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: instrumentsDirectory), to: folder)
        let sdq = folder.appendingPathComponent("sdq/sdq-p4-17@1.0.0.json")
        let text = try String(contentsOf: sdq, encoding: .utf8)
            .replacingOccurrences(of: "\"somatic\",\n        \"worries\"", with: "\"somatic\",\n        \"wories\"")
        try text.write(to: sdq, atomically: true, encoding: .utf8)
        let profile = folder.appendingPathComponent("profiles/official-variables-csv.json")
        try FileManager.default.moveItem(at: profile, to: folder.appendingPathComponent("profiles/renamed.json"))
        let result = try ValidateDefinitions.run(.init(library: InstrumentLibrary(location: InstrumentLocation(directory: folder.path))))
        #expect(result.severity == .invalidInput)
        #expect(result.findings.map(\.description) == [
            sdq.path + ": $.scales[0].items[1]: error: unknown item 'wories'. Did you mean 'worries'?",
            folder.appendingPathComponent("profiles/renamed.json").path
                + ": $.id: error: the id 'official-variables-csv' differs from the file name; expected renamed",
        ])
        #expect(result.summary == ["17 instrument file(s) checked, 1 problem(s).", "5 mapping profile(s) checked, 1 problem(s)."])
    }

    @Test func aFolderWithoutDefinitionsIsAnError() throws {
        let folder = try makeTemporaryFolder("validate")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("schema"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: URL(fileURLWithPath: instrumentsDirectory + "/schema/instrument.schema.json"),
                                         to: folder.appendingPathComponent("schema/instrument.schema.json"))
        #expect {
            try ValidateDefinitions.run(.init(library: InstrumentLibrary(location: InstrumentLocation(directory: folder.path))))
        } throws: { error in
            (error as? KortlaegError)?.message.hasPrefix("No instrument or battery definitions in \(folder.path) (from --instruments).") == true
        }
    }
}

struct CompareDefinitionsTests {
    let library = InstrumentLibrary(location: InstrumentLocation(directory: instrumentsDirectory))

    @Test func batteriesAreComparedAsBatteries() throws {
        guard case let .batteries(diff) = try CompareDefinitions.run(old: "kv-inklusion", new: "kv-inklusion@0.1.0", library: library) else {
            Issue.record("expected a battery comparison")
            return
        }
        #expect(diff.isEmpty)
    }

    /// The follow-up SDQ adds two questions and keeps every score comparable (shared keys).
    @Test func instrumentsAreComparedAsInstruments() throws {
        guard case let .instruments(diff) = try CompareDefinitions.run(old: "sdq-p4-17@1.0.0", new: "sdq-p4-17-fu@1.0.0", library: library) else {
            Issue.record("expected an instrument comparison")
            return
        }
        #expect(diff.addedItems.contains("fuchange") && diff.addedItems.contains("fuhelpful"))
        #expect(diff.comparability.contains(.comparable(old: "pebdtot", new: "pebdtot")))
    }
}

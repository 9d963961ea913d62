import Foundation
import KortlaegDomain
import Testing
@testable import KortlaegReaders

/// The one reader of definition folders, on the shipped `Instruments/` and on small folders
/// written by the tests.
struct DefinitionFolderTests {
    /// A fresh folder (removed when the test ends).
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kortlaeg-definitions-\(CPRGuard.uniqueName())")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(at: url) }
        var path: String { url.path }
        func write(_ relative: String, _ text: String) throws {
            let file = url.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
    }

    /// `Instruments/`: 8 SDQ, 3 trivsel and 3 own forms; 3 batteries; 5 profiles; the national
    /// trivsel reference; the schemas are not definitions.
    @Test func shippedFolder() throws {
        let folder = try DefinitionFolder(path: instrumentsFolder)
        #expect(folder.files.count == 14 + 3 + 5 + 1)
        #expect(!folder.files.contains { $0.relativePath.hasPrefix("schema/") })
        #expect(folder.files.files(of: Instrument.self).count == 14)
        #expect(folder.files.files(of: Battery.self).map(\.relativePath)
            == ["batteries/kv-anbragte@0.1.0.json", "batteries/kv-inklusion@0.1.0.json", "batteries/kv-mestring@0.1.0.json"])
        #expect(folder.files.map(\.relativePath) == folder.files.map(\.relativePath).sorted())
        #expect(try InstrumentCatalog.load(directory: instrumentsFolder).entries.count == 14)
        #expect(try BatteryCatalog.load(directory: instrumentsFolder).entries.count == 3)
        #expect(try MappingProfileCatalog.load(directory: instrumentsFolder + "/profiles").profiles.count == 5)
    }

    @Test func shippedFilesValidate() throws {
        let validator = try InstrumentValidator(schemaPath: instrumentsFolder + "/schema/instrument.schema.json")
        let (files, findings) = try validator.validateDirectory(instrumentsFolder)
        #expect(files == 17)
        #expect(findings.isEmpty, "\(findings)")
        let profiles = ProfileValidator.validate(directory: instrumentsFolder, catalog: try loadCatalog())
        #expect(profiles.files == 5)
        #expect(profiles.findings.isEmpty, "\(profiles.findings)")
    }

    @Test func aMissingFolderIsAnError() {
        #expect(throws: InstrumentError.missingDirectory("/nonexistent/Instruments")) {
            try DefinitionFolder(path: "/nonexistent/Instruments")
        }
        #expect(throws: InstrumentError.missingDirectory("/nonexistent/Instruments")) {
            try BatteryCatalog.load(directory: "/nonexistent/Instruments")
        }
    }

    /// Each kind keeps its own files; other JSON (reference data) is left alone.
    @Test func kindsAreRecognised() throws {
        let folder = try Folder()
        try folder.write("b/one.json", #"{"kind": "battery"}"#)
        try folder.write("a/two.json", #"{"items": [], "answerScales": []}"#)
        try folder.write("a/data.json", #"{"years": []}"#)
        try folder.write("notes.txt", "not JSON")
        try folder.write("schema/x.json", #"{"items": [], "answerScales": []}"#)
        let files = try DefinitionFolder(path: folder.path).files
        #expect(files.map(\.relativePath) == ["a/data.json", "a/two.json", "b/one.json"])
        #expect(files.files(of: Instrument.self).map(\.relativePath) == ["a/two.json"])
        #expect(files.files(of: Battery.self).map(\.relativePath) == ["b/one.json"])
        #expect(try DefinitionFolder(path: folder.path, recursive: false).files.isEmpty)
    }

    /// A file that is recognised but does not decode names the file and the JSON path.
    @Test func aBrokenInstrumentNamesFileAndPath() throws {
        let folder = try Folder()
        try folder.write("x.json", #"{"items": [], "answerScales": [], "id": 3}"#)
        #expect {
            try InstrumentCatalog.load(directory: folder.path)
        } throws: { error in
            guard case let .unreadableFile(path, reason)? = error as? InstrumentError else { return false }
            return path == folder.path + "/x.json" && reason.hasPrefix("$: missing required key")
        }
    }

    /// Every file of a profiles folder is a profile: one that does not decode is an error.
    @Test func aBrokenProfileIsAnError() throws {
        let folder = try Folder()
        try folder.write("p.json", #"{"format": 1}"#)
        #expect(throws: MappingProfileError.unreadable(path: folder.path + "/p.json", reason: "$: missing required key 'id'")) {
            try MappingProfileCatalog.load(directory: folder.path)
        }
        // No profiles folder: no profiles.
        #expect(try MappingProfileCatalog.load(directory: folder.path + "/profiles").profiles.isEmpty)
    }

    @Test func nationalReferenceFile() throws {
        let indicators = TrivselIndicators(catalog: try InstrumentCatalog.load(directory: instrumentsFolder))
        let reference = try NationalTrivselReference.load(path: instrumentsFolder + "/trivsel/national-reference.json",
                                                          indicators: indicators)
        #expect(!reference.years.isEmpty)
        #expect(throws: InstrumentError.unreadableFile(path: "/nonexistent.json", reason: "the national reference file cannot be opened")) {
            try NationalTrivselReference.load(path: "/nonexistent.json", indicators: indicators)
        }
    }
}

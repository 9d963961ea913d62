import Foundation
import KortlaegDomain
import Testing

@testable import KortlaegReaders

/// `loadByFileName` must give the instrument the full catalog resolves, or nil (never another).
@Suite struct InstrumentByFileNameTests {
    private let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Instruments").standardized.path

    @Test(arguments: ["sdq-p4-17", "sdq-p4-17@1.0.0", "sdq-t4-17-fu", "sdq-s11-17@1.0.0"])
    func theSameInstrumentAsTheWholeFolder(reference: String) throws {
        let full = try InstrumentCatalog.load(directory: directory).resolve(reference)
        let one = try #require(InstrumentCatalog.loadByFileName(directory: directory, reference: reference))
        #expect(one == full)
    }

    @Test(arguments: ["sdq-p4-17@9.9.9", "no-such-instrument", "sdq-p4-17@", "@1.0.0", "a@b@c"])
    func nilWhenTheNamesCannotSettleIt(reference: String) {
        #expect(InstrumentCatalog.loadByFileName(directory: directory, reference: reference) == nil)
    }

    @Test func nilWhenTheFileHoldsAnotherInstrument() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byname-\(CPRGuard.uniqueName())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = FileManager.default.contents(atPath: directory + "/sdq/sdq-p4-17@1.0.0.json")!
        try source.write(to: folder.appendingPathComponent("sdq-p4-17@2.0.0.json"))
        #expect(InstrumentCatalog.loadByFileName(directory: folder.path, reference: "sdq-p4-17") == nil)
    }
}

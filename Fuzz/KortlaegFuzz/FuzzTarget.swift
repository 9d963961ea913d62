import Foundation
import KortlaegReaders

// libFuzzer entry point for the CSV, XML (ODM) and FHIR JSON readers. Built only by
// scripts/fuzz.sh (KORTLAEG_FUZZ=1, -sanitize=fuzzer); `KORTLAEG_FUZZ_TARGET` = csv, xml or fhir
// picks the reader. A reader may throw on any input (that is its job); it must never crash,
// hang or grow without bound.

private let target = ProcessInfo.processInfo.environment["KORTLAEG_FUZZ_TARGET"] ?? "csv"
private let scratch = FileManager.default.temporaryDirectory
    .appendingPathComponent("kortlaeg-fuzz-\(getpid()).\(target == "csv" ? "csv" : target == "xml" ? "xml" : "json")").path

@_cdecl("LLVMFuzzerTestOneInput")
public func kortlaegFuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard FileManager.default.createFile(atPath: scratch, contents: Data(bytes)) else { return 0 }
    switch target {
    case "xml":
        _ = try? ODMReader(path: scratch).read { _ in }
    case "fhir":
        _ = try? FHIRQuestionnaireResponseReader.read(path: scratch)
    default:
        if let reader = try? CSVReader(path: scratch) {
            while let record = try? reader.next() { _ = try? reader.checkFieldCount(record) }
        }
        _ = try? SourceRecognizer.recognize(scratch)
    }
    return 0
}

// SwiftPM links an executable's entry point as `KortlaegFuzz_main`; hand control to libFuzzer's
// driver from there (libFuzzer's own `main` is then not linked).
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(_ argc: UnsafeMutablePointer<CInt>,
                       _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                       _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("KortlaegFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in kortlaegFuzz(data, size) }
}

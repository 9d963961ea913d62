import Foundation
import Testing

/// The in-house JSON Schema subset validator is checked against an independent implementation:
/// Python's `jsonschema` (Draft 2020-12) must also accept every shipped instrument and reject
/// the same broken document. Skipped (visibly) where python3 with jsonschema is not installed.
struct SchemaCrossCheckTests {
    static let pythonHasJSONSchema: Bool = {
        (try? python(["-c", "import jsonschema"]).status) == 0
    }()

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let script = """
        import json, sys, glob, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        bad = 0
        for f in sorted(glob.glob(sys.argv[2] + '/**/*.json', recursive=True)):
            if '/schema/' in f: continue
            d = json.load(open(f))
            if 'items' not in d or 'answerScales' not in d: continue
            errors = list(v.iter_errors(d))
            bad += len(errors)
            for e in errors: print(f, list(e.path), e.message)
        broken = json.load(open(glob.glob(sys.argv[2] + '/sdq/sdq-p4-17@*.json')[0]))
        broken['scoreOrdr'] = []
        broken['version'] = 1
        print('broken-errors', len(list(v.iter_errors(broken))))
        sys.exit(1 if bad else 0)
        """

    @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema is not installed"))
    func pythonJSONSchemaAgrees() throws {
        let result = try Self.python(["-c", Self.script, instrumentsDirectory + "/schema/instrument.schema.json",
                                      instrumentsDirectory])
        #expect(result.status == 0, "\(result.output)")
        // Unknown key and wrong type: two errors, as InstrumentValidatorTests finds with the Swift validator.
        #expect(result.output.contains("broken-errors 2"))
    }
}

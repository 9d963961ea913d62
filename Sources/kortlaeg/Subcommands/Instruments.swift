import ArgumentParser
import Foundation
import KortlaegDomain

struct Instruments: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, show and validate instrument definitions.",
        subcommands: [List.self, Show.self, Validate.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the instruments and their versions.",
            discussion: "Example:\n  kortlaeg instruments list --lang da"
        )
        @OptionGroup var instruments: InstrumentOptions
        @Option(help: "Language of titles: da or en.") var lang: Language = .english

        func run() throws {
            let catalog = try instruments.catalog()
            var lines = ["id\tversion\tinformant\tages\ttitle"]
            for entry in catalog.entries {
                let instrument = entry.instrument
                let ages = instrument.ageRange.map { "\($0.minimum)-\($0.maximum)" } ?? ""
                lines.append("\(instrument.id)\t\(instrument.version)\t\(instrument.informant.rawValue)\t\(ages)\t\(instrument.title.text(lang))")
            }
            print(lines.joined(separator: "\n"))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one instrument: items, scales, rules and bands.",
            discussion: "Example:\n  kortlaeg instruments show sdq-p4-17@1.0.0"
        )
        @OptionGroup var instruments: InstrumentOptions
        @Argument(help: "The instrument as ID or ID@VERSION.") var reference: String
        @Option(help: "Language of labels: da or en.") var lang: Language = .english
        @Flag(help: "Print the definition as JSON.") var json = false

        func run() throws {
            let instrument = try instruments.resolve(reference)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(instrument), as: UTF8.self))
                return
            }
            print(InstrumentDescription(instrument: instrument, language: lang).text)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every instrument file against the schema and for semantic errors.",
            discussion: "Prints one line per problem as FILE: JSON-PATH: error: MESSAGE; exit 65 when any.\n\nExample:\n  kortlaeg instruments validate --instruments Instruments"
        )
        @OptionGroup var instruments: InstrumentOptions
        @Option(help: "The JSON Schema (default: schema/instrument.schema.json in the instruments folder).")
        var schema: String?

        func run() throws {
            let directory = instruments.resolvedDirectory()
            let validator: InstrumentValidator
            do {
                validator = try InstrumentValidator(schemaPath: schema ?? directory + "/schema/instrument.schema.json")
            } catch {
                Diagnostics.error("\(error)")
                throw KortlaegExit.dataError
            }
            let (files, findings) = validator.validateDirectory(directory)
            for finding in findings { print(finding.description) }
            Diagnostics.note("\(files) instrument file(s) checked, \(findings.count) problem(s).")
            let profiles = ProfileValidation.problems(directory: directory, catalog: try? InstrumentCatalog.load(directory: directory))
            for problem in profiles.problems { print(problem) }
            if profiles.files > 0 {
                Diagnostics.note("\(profiles.files) mapping profile(s) checked, \(profiles.problems.count) problem(s).")
            }
            if !findings.isEmpty || !profiles.problems.isEmpty { throw KortlaegExit.dataError }
        }
    }
}


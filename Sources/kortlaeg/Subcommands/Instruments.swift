import ArgumentParser
import Foundation
import KortlaegProject
import KortlaegReports

struct Instruments: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instruments",
        abstract: "List, show and validate instrument definitions.",
        discussion: """
            Instruments are found with --instruments DIR, then $KORTLAEG_INSTRUMENTS, then ./Instruments, \
            then the Instruments folder shipped with the program.

            Examples:
              kortlaeg instruments list
              kortlaeg instruments show sdq-p4-17@1.0.0 --lang en
              kortlaeg instruments validate --instruments Instruments
            """,
        subcommands: [List.self, Show.self, Validate.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the instruments and their versions.",
            discussion: "Example:\n  kortlaeg instruments list --lang en"
        )
        @OptionGroup var instruments: InstrumentOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let catalog: InstrumentCatalog
            do { catalog = try instruments.library().instruments() } catch let error as KortlaegError { throw InstrumentOptions.failure(error) }
            print(InstrumentListText(catalog: catalog, language: language.language).text, terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one instrument: items, scales, rules and bands.",
            discussion: "Example:\n  kortlaeg instruments show sdq-p4-17@1.0.0"
        )
        @OptionGroup var instruments: InstrumentOptions
        @Argument(help: "The instrument as ID or ID@VERSION.") var reference: String
        @OptionGroup var language: LanguageOption
        @Flag(help: "Print the definition as JSON.") var json = false

        func run() throws {
            let instrument: Instrument
            do { instrument = try instruments.library().instrument(reference) } catch let error as KortlaegError { throw InstrumentOptions.failure(error) }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(instrument), as: UTF8.self))
                return
            }
            print(InstrumentDescriptionText(instrument: instrument, language: language.language).text)
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check every instrument, battery and mapping profile file against its schema and for semantic errors.",
            discussion: "Prints one line per problem as FILE: JSON-PATH: error: MESSAGE; exit 65 when any.\n\nExample:\n  kortlaeg instruments validate --instruments Instruments"
        )
        @OptionGroup var instruments: InstrumentOptions
        @Option(help: "The JSON Schema (default: schema/instrument.schema.json in the instruments folder).")
        var schema: String?

        func run() throws {
            let result: ValidateDefinitions.Result
            do {
                result = try ValidateDefinitions.run(.init(library: try instruments.library(), schemaPath: schema))
            } catch let error as KortlaegError {
                throw InstrumentOptions.failure(error)
            }
            for finding in result.findings { print(finding.description) }
            for line in result.summary { StderrSink.shared.note(line) }
            try KortlaegExit.finish(result.severity)
        }
    }
}

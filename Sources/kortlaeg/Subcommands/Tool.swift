import ArgumentParser
import Foundation
import KortlaegProject
import KortlaegReports

struct Tool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tool",
        abstract: "The mapping tool (kortlægningsværktøj) per intervention model: list, show, diff versions.",
        discussion: """
            Each intervention model's mapping tool is a versioned battery in the instruments folder (batteries/).

            Examples:
              kortlaeg tool list
              kortlaeg tool show kv-inklusion@0.1.0 --age 12
              kortlaeg tool diff kv-inklusion@0.1.0 kv-inklusion@0.2.0
            """,
        subcommands: [List.self, Show.self, Diff.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the mapping-tool batteries and their versions.",
            discussion: "Example:\n  kortlaeg tool list --lang en")
        @OptionGroup var instruments: InstrumentOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let batteries: BatteryCatalog
            do { batteries = try instruments.library().batteries() } catch let error as KortlaegError { throw InstrumentOptions.failure(error) }
            print(BatteryListText(catalog: batteries, language: language.language).text, terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show which instruments each informant answers at each occasion, by age.",
            discussion: "Example:\n  kortlaeg tool show kv-inklusion@0.1.0 --age 10")
        @OptionGroup var instruments: InstrumentOptions
        @Argument(help: "The battery as ID or ID@VERSION.") var battery: String
        @Option(help: "Only what a child of this age (whole years) answers.") var age: Int?
        @OptionGroup var language: LanguageOption

        func run() throws {
            let found: Battery
            do { found = try instruments.library().battery(battery) } catch let error as KortlaegError { throw InstrumentOptions.failure(error) }
            print(BatteryDescriptionText(battery: found, age: age, language: language.language).text)
        }
    }

    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Compare two versions of a battery or an instrument: added, removed and changed items and scales, and which scores stay comparable.",
            discussion: """
                Scores are comparable across versions only through equivalences declared in the instrument data \
                (equivalenceKey); a declared equivalence whose definition changed is flagged.

                Examples:
                  kortlaeg tool diff kv-inklusion@0.1.0 kv-inklusion@0.2.0
                  kortlaeg tool diff sdq-p4-17@1.0.0 sdq-p4-17-fu@1.0.0 --lang en
                """)
        @OptionGroup var instruments: InstrumentOptions
        @Argument(help: "The old version (battery or instrument, ID@VERSION).") var old: String
        @Argument(help: "The new version.") var new: String
        @OptionGroup var language: LanguageOption

        func run() throws {
            let comparison: CompareDefinitions.Comparison
            do {
                comparison = try CompareDefinitions.run(old: old, new: new, library: try instruments.library())
            } catch let error as KortlaegError {
                throw InstrumentOptions.failure(error)
            }
            switch comparison {
            case let .batteries(diff): print(BatteryDiffText(diff: diff, language: language.language).text)
            case let .instruments(diff): print(InstrumentDiffText(diff: diff, language: language.language).text)
            }
        }
    }
}

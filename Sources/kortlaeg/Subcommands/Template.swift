import ArgumentParser
import KortlaegProject

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write collection templates (CSV + codebook) for one informant at one occasion of a mapping tool.",
        discussion: """
            One CSV per instrument the informant answers (by the child's age when --age is given), with \
            the official variable names as columns, so a school can fill it in (Danish Excel: ';', UTF-8 \
            with BOM) or load it into a survey tool, and 'kortlaeg score' / 'kortlaeg import' read it \
            back without a hand-written mapping. A codebook (CSV and Markdown) lists every column with its \
            labels and codes.

            Example:
              kortlaeg template kv-inklusion --informant parent --occasion T1 --output skabeloner/
            """)

    @OptionGroup var instruments: InstrumentOptions
    @Argument(help: "The mapping tool (battery) as ID or ID@VERSION.") var tool: String
    @Option(help: "Who answers: child, parent, teacher or professional.") var informant: Informant
    @Option(help: "The occasion: T1, F1, F2, … or T2.") var occasion: String
    @Option(help: "Only the instruments for a child of this age (whole years).") var age: Int?
    @Option(name: .shortAndLong, help: "The folder to write to (created if needed).") var output: String = "."
    @OptionGroup var language: LanguageOption

    func run() throws {
        let request = WriteTemplates.Request(battery: try instruments.resolveBattery(tool), instruments: try instruments.catalog(),
                                             informant: informant, occasion: occasion, age: age, folder: output, language: language.language)
        let templates = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try WriteTemplates.run(request, sink: StderrSink.shared) }
        for template in templates { print(template.csv) }
    }
}

extension Informant: ExpressibleByArgument {}

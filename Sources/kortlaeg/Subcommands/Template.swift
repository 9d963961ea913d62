import ArgumentParser
import KortlaegProject

struct Template: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write collection templates (CSV + codebook) for one informant, or all, at one occasion of a mapping tool.",
        discussion: """
            One CSV per instrument the informant answers (by the child's age when --age is given), with \
            the columns child_id, occasion, date, klasse, køn and fødselsdato and then the official \
            variable names, so a school can fill it in (Danish Excel: ';', UTF-8 with BOM) or load it \
            into a survey tool, and 'kortlaeg score' / 'kortlaeg import' read it back without a \
            hand-written mapping. A codebook (CSV and Markdown) lists every column with its labels and \
            codes. With --informant all every informant's templates for the occasion are written to \
            the folder; the file names carry the informant \
            (kv-inklusion-T1-parent-sdq-p4-17.csv). Informants may be named in English or Danish \
            (child/barn, parent/forælder/foraelder, teacher/lærer/laerer, professional/fagperson).

            Examples:
              kortlaeg template kv-inklusion --informant parent --occasion T1 --output skabeloner/
              kortlaeg template kv-inklusion --informant all --occasion T1 --age 12 --output skabeloner/
              kortlaeg template kv-mestring --informant forælder --occasion F1
            """)

    @OptionGroup var instruments: InstrumentOptions
    @Argument(help: "The mapping tool (battery) as ID or ID@VERSION.") var tool: String
    @Option(help: "Who answers: child (barn), parent (forælder), teacher (lærer), professional (fagperson), or all.")
    var informant: InformantChoice
    @Option(help: "The occasion: T1, F1, F2, … or T2.") var occasion: String
    @Option(help: "Only the instruments for a child of this age (whole years).") var age: Int?
    @Option(name: .shortAndLong, help: "The folder to write to (created if needed).") var output: String = "."
    @OptionGroup var language: LanguageOption

    func run() throws {
        let request = WriteTemplates.Request(battery: try instruments.resolveBattery(tool), instruments: try instruments.catalog(),
                                             informant: informant.informant, occasion: occasion, age: age, folder: output,
                                             language: language.language)
        let templates = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try WriteTemplates.run(request, sink: StderrSink.shared) }
        for template in templates { print(template.csv) }
    }
}

/// `--informant`: one informant, by its English or Danish name, or `all` (where a command can
/// take every informant).
struct InformantChoice: ExpressibleByArgument {
    /// The informant; nil for `all`.
    var informant: Informant?

    init?(argument: String) {
        if ["all", "alle"].contains(argument.lowercased()) {
            informant = nil
        } else if let informant = Informant(argument: argument) {
            self.informant = informant
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { Informant.allValueStrings + ["all"] }
}

extension Informant: ExpressibleByArgument {
    /// An informant by its English id or its Danish name (`forælder`, `foraelder`, `lærer`,
    /// `laerer`, `barn`, `fagperson`).
    public init?(argument: String) {
        self.init(name: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

import ArgumentParser
import Foundation
import KortlaegProject

/// `kortlaeg report`: a self-contained HTML report for one child or a class, from a project store
/// (`--project`) or from score files (`--scores`).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML report: one child's profiles at each occasion, or a class overview.",
        usage: """
            kortlaeg report --project <project> (--child <id> | --class <name> [--school <school>]) [--output <output>] [<options>]
            kortlaeg report --scores <file[:occasion]> ... --instrument <id> (--child <id> | --class <name>) [<options>]
            """,
        discussion: """
            With --project: --child ID (the child's own id, e.g. its CPR number, or its pseudonym as \
            'kortlaeg status' shows it) shows each questionnaire's profile per informant, side by side, at \
            every occasion against the band ranges (the sections and headings come from the instrument \
            files), the questions answered and the goals with their ratings. The heading shows a short \
            pseudonym unless --child-label is given; the id itself is never written. --class NAME \
            (optionally --school) summarises the class (n, mean, share per band; groups under 5 shown as \
            'n < 5'); with trivselsmåling results stored in the project ('kortlaeg trivsel FILE --project P \
            --store') it also shows the results of the class's school and klassetrin across school years \
            (groups under 5 pupils left out). Every report is recorded in the project's audit log.

            Without --project: files written by 'kortlaeg score', one per occasion (--scores FILE:OCCASION; \
            repeat with files of other informants for the same occasion to show informants side by side).

            --audience parent writes the parent version of a child report instead: plain Danish, strengths \
            first, what the scores mean in words (no numbers, variable names or versions), the goals; it \
            prints on one or two A4 pages. The heading names the child by --child-label, else by the staff's \
            own label set on the child's page in 'kortlaeg serve', else by the short pseudonym.

            The page has inline CSS and SVG only (no network, prints on A4). Danish by default.

            Example:
              kortlaeg report --project aarhus-2026.kortlaeg --child 3f2a-09bc-77de --output barn.html
              kortlaeg report --project aarhus-2026.kortlaeg --child 3f2a-09bc-77de --audience parent --output til-foraeldre.html
              kortlaeg report --project aarhus-2026.kortlaeg --class 4.b --output 4b.html
              kortlaeg report --scores T1.csv:T1 --scores T2.csv:T2 --instrument sdq-p4-17 --id barn_id --child barn-0001 --output barn.html
            """
    )

    @Option(name: .customLong("scores"), help: "A score file and its occasion: FILE[:OCCASION] (repeat).")
    var scores: [ScoreFileArgument] = []
    @Option(help: "The instrument of the score files as ID or ID@VERSION (repeat in --scores order for several informants).")
    var instrument: [String] = []
    @Option(help: "The id column of the score files (default: the first column).") var id: String?
    @Option(help: "The child's id (with --project also its pseudonym).") var child: String?
    @Option(help: "The heading's name for the child (default: with --project a short pseudonym, else the id).") var childLabel: String?
    @Option(name: .customLong("class"), help: "A class report: with --project the class's name, else the heading.") var className: String?
    @Option(help: "With --project and --class: only the class at this school.") var school: String?
    @Option(help: "Who reads a child report: staff (default) or parent (plain Danish, one or two A4 pages).")
    var audience: ReportRequest.Audience = .staff
    @OptionGroup var bandTable: BandTableOption
    @Option(name: .customLong("bands"), help: .hidden) var bands: String?
    @Option(name: .shortAndLong, help: "The HTML file to write (default: stdout).") var output: String?
    @OptionGroup var language: LanguageOption
    @OptionGroup var project: ProjectOptions
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if (child == nil) == (className == nil) { throw ValidationError("Please give either --child ID or --class NAME.") }
        if let child, child.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--child needs the child's id.") }
        if audience == .parent, child == nil { throw ValidationError("--audience parent is for a child report; please give --child ID.") }
        if bandTable.id != nil, bands != nil { throw ValidationError("--bands is the old name of --band-table; please give only --band-table.") }
        if project.path != nil {
            if !scores.isEmpty || !instrument.isEmpty || id != nil {
                throw ValidationError("--scores, --instrument and --id read score files; with --project the data come from the project. Please give one or the other.")
            }
            if school != nil, className == nil { throw ValidationError("--school narrows --class; please give --class too.") }
            return
        }
        if school != nil { throw ValidationError("--school needs --project.") }
        if scores.isEmpty { throw ValidationError("Please give --project PATH, or at least one --scores FILE[:OCCASION].") }
        if instrument.isEmpty { throw ValidationError("Please give --instrument ID ('kortlaeg instruments list' lists them).") }
        if instrument.count != 1, instrument.count != scores.count {
            throw ValidationError("Give one --instrument for all files or one per --scores file (got \(instrument.count) for \(scores.count)).")
        }
    }

    func run() throws {
        let catalog = try instruments.catalog()
        let source: ReportRequest.Source
        if let path = project.path {
            source = .project(path)
        } else {
            let definitions = try instrument.map { text in
                do { return try catalog.resolve(text) } catch { throw ValidationError("\(error)") }
            }
            source = .scoreFiles(scores.enumerated().map { $0.element.input(definitions[definitions.count == 1 ? 0 : $0.offset]) },
                                 idColumn: id)
        }
        let subject: ReportRequest.Subject = child.map { .child($0, label: childLabel) } ?? .group(className ?? "", school: school)
        var request = ReportRequest(source: source, subject: subject, catalog: catalog, language: language.language,
                                    bandTable: bandTable.id ?? bands, output: output, operator: operatorOption.resolved)
        request.audience = audience
        if project.path != nil, className != nil {
            let reference = instruments.resolvedDirectory() + "/trivsel/national-reference.json"
            if FileManager.default.fileExists(atPath: reference) { request.trivselReference = reference }
        }
        let result = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try ReportUseCase.run(request, sink: StderrSink.shared) }
        if output == nil { FileHandle.standardOutput.write(Data(result.html.utf8)) }
    }
}

extension ReportRequest.Audience: ExpressibleByArgument {}

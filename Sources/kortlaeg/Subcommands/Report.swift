import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegExport
import KortlaegReports
import KortlaegReaders

/// `kortlaeg report`: a self-contained HTML report for one child or a class, from a project store
/// (`--project`) or from score files (`--scores`).
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write an HTML report: one child's SDQ profile at each occasion, or a class overview.",
        discussion: """
            With --project: --child ID (the child's own id, e.g. its CPR number, or its pseudonym as \
            'kortlaeg status' shows it) shows the child's SDQ profile per informant, side by side, at every \
            occasion against the band ranges, the trivsel questions answered and the goals with their \
            ratings. The heading shows a short pseudonym unless --child-label is given; the id itself is \
            never written. --class NAME (optionally --school) summarises the class (n, mean, share per \
            band; groups under 5 shown as 'n < 5'). Every report is recorded in the project's audit log.

            Without --project: files written by 'kortlaeg score', one per occasion (--scores FILE:OCCASION; \
            repeat with files of other informants for the same occasion to show informants side by side).

            The page has inline CSS and SVG only (no network, prints on A4). Danish by default.

            Example:
              kortlaeg report --project aarhus-2026.kortlaeg --child 3f2a-09bc-77de --output barn.html
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
    @Option(help: "The band table (default: the instrument's first).") var bands: String?
    @Option(name: .shortAndLong, help: "The HTML file to write (default: stdout).") var output: String?
    @Option(name: [.customLong("lang"), .customLong("language")], help: "Language: da or en.") var lang: Language = .danish
    @OptionGroup var project: ProjectOptions
    @OptionGroup var operatorOption: OperatorOption
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if (child == nil) == (className == nil) { throw ValidationError("Please give either --child ID or --class NAME.") }
        if let child, child.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--child needs the child's id.") }
        if project.path != nil {
            if !scores.isEmpty || !instrument.isEmpty || id != nil {
                throw ValidationError("--scores, --instrument and --id read score files; with --project the data come from the project. Please give one or the other.")
            }
            if school != nil, className == nil { throw ValidationError("--school narrows --class; please give --class too.") }
            for text in [output ?? "", className ?? "", school ?? ""] where CPRNumber.containsCPR(text) {
                throw ValidationError("An option holds a CPR-shaped number; it would be written into the audit log. Please use another name.")
            }
            return
        }
        if school != nil { throw ValidationError("--school needs --project.") }
        if scores.isEmpty { throw ValidationError("Please give --project PATH, or at least one --scores FILE[:OCCASION].") }
        if instrument.isEmpty { throw ValidationError("Please give --instrument, e.g. --instrument sdq-p4-17.") }
        if instrument.count != 1, instrument.count != scores.count {
            throw ValidationError("Give one --instrument for all files or one per --scores file (got \(instrument.count) for \(scores.count)).")
        }
    }

    func run() throws {
        if let path = project.path {
            try runProject(path)
            return
        }
        try ScoreFileArgument.requireExisting(scores)
        let occasionsByFile = ScoreFileArgument.occasions(scores)
        var occasions: [String] = []
        for occasion in occasionsByFile where !occasions.contains(occasion) { occasions.append(occasion) }
        do {
            // Group the files by instrument (one profile per instrument, i.e. per informant).
            var groups: [(instrument: Instrument, results: [(occasion: String, responses: [ExportResponse])])] = []
            for (index, file) in scores.enumerated() {
                let definition = try instruments.resolve(instrument.count == 1 ? instrument[0] : instrument[index])
                let result = try ScoreFileReader(instrument: definition, idColumn: id).read(path: file.path, occasion: occasionsByFile[index])
                if let position = groups.firstIndex(where: { $0.instrument.reference == definition.reference }) {
                    groups[position].results.append((occasionsByFile[index], result.responses))
                } else {
                    groups.append((definition, [(occasionsByFile[index], result.responses)]))
                }
            }
            let html: String
            if let child {
                var profiles: [ChildReport.Profile] = []
                for group in groups {
                    var values: [String: [String: Double?]] = [:]
                    for (occasion, responses) in group.results {
                        if let response = responses.first(where: { $0.childID == child }) { values[occasion] = response.scores }
                    }
                    guard !values.isEmpty else { continue }
                    let own = occasions.filter { occasion in group.results.contains { $0.occasion == occasion } }
                    profiles.append(try ChildReport.profile(instrument: group.instrument, bandTableID: bands, scores: values,
                                                            occasions: own, language: lang))
                }
                guard !profiles.isEmpty else {
                    Diagnostics.error("The child id given with --child is in none of the score files (column \(id ?? "1")).")
                    throw KortlaegExit.dataError
                }
                html = try ReportRenderer.html(ChildReport(childLabel: childLabel ?? child, language: lang, occasions: occasions,
                                                           profiles: profiles, subtitle: subtitle()))
            } else {
                var scoreValues: [ClassReport.ScoreValues] = []
                for group in groups {
                    var byOccasion: [String: [[String: Double?]]] = [:]
                    for (occasion, responses) in group.results { byOccasion[occasion, default: []] += responses.map(\.scores) }
                    scoreValues += try ClassReport.scores(instrument: group.instrument, bandTableID: bands, scores: byOccasion, language: lang)
                }
                html = try ReportRenderer.html(ClassReport(groupLabel: className ?? "", language: lang, occasions: occasions, scores: scoreValues))
            }
            try write(html)
        } catch let error as ExportError {
            Diagnostics.error(error.description)
            throw KortlaegExit.dataError
        }
    }

    /// Writes the page to --output (or stdout).
    func write(_ html: String) throws {
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(html.utf8)) else {
                Diagnostics.error("\(output): cannot write.")
                throw KortlaegExit.cannotCreate
            }
            Diagnostics.note("wrote \(output)")
        } else {
            FileHandle.standardOutput.write(Data(html.utf8))
        }
    }

    func subtitle() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        return (lang == .danish ? "Skrevet " : "Written ") + formatter.string(from: Date())
    }
}

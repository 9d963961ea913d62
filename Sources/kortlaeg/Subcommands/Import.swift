import ArgumentParser
import Foundation
import KortlaegDomain
import KortlaegReaders

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import questionnaire files (ODM, REDCap, FHIR, SurveyXact, CSV) as validated responses, to a file or a project.",
        discussion: """
            Each file is recognised from its structure (ODM root element, REDCap columns, FHIR \
            resourceType, SurveyXact's three files, CSV with official variable names) unless \
            --profile names a mapping profile (an id from Instruments/profiles/ or a file path). \
            Output: one line per answer (child_id, occasion, informant, instrument, version, item, \
            variable, code), or with --score one line of scores per response. Each file gets a \
            report on stderr; rejected records' problems go to the rejects file (default \
            OUTPUT-rejects.csv). A file that cannot be read fails alone (exit 65); rejected records \
            give exit 3.

            With --project the responses and their scores go into a project store (made with \
            'kortlaeg init') instead of --output: one transaction per file, stored with its \
            problems (also on stderr, or in --rejects FILE). The occasion comes from the file or \
            --occasion. Child ids are stored only as pseudonyms; a CPR number is never stored or \
            printed. The same file (SHA-256) is imported once; a second run changes nothing. A file \
            that re-delivers a response another file delivered (same child, occasion, informant, \
            instrument) is refused as a conflict (exit 4) unless --replace is given; replaced \
            responses stay in the audit log.

            Examples:
              kortlaeg import QuestionnaireResponse.json --profile kl-children-sdq4-10 --output answers.csv
              kortlaeg import export/dataset.csv --instrument sdq-s11-17 --output answers.csv --dry-run
              kortlaeg import project.xml --profile redcap-xml-sdq-parent --score --output scores.csv
              kortlaeg import SampleData/sdq-parent-T1.csv SampleData/sdq-teacher-T1.csv --project p.kortlaeg --occasion T1
            """
    )

    @Argument(help: "The files to import.") var files: [String]
    @Option(help: "A mapping profile: an id (see Instruments/profiles/) or a profile file.") var profile: String?
    @Option(help: "The instrument as ID or ID@VERSION (overrides the profile's).") var instrument: String?
    @Option(name: .shortAndLong, help: "Write the responses (or scores) here (not with --project).") var output: String?
    @Option(help: "Write rejected records' problems here (CSV).") var rejects: String?
    @Flag(help: "Validate and report only; write (or store) nothing.") var dryRun = false
    @Flag(help: "Score the responses and write one row of scores per response.") var score = false
    @Option(help: "Language of band labels with --score: en or da.") var lang: Language = .english
    @OptionGroup var project: ProjectOptions
    @OptionGroup var projectImport: ProjectImportOptions
    @OptionGroup var instruments: InstrumentOptions

    func validate() throws {
        if project.path != nil {
            if output != nil || score {
                throw ValidationError("With --project the responses and their scores are stored in the project; please leave out --output and --score.")
            }
            return
        }
        if projectImport.anyGiven {
            throw ValidationError("--occasion, --replace, --rule, --include-unverified and --operator apply only with --project PATH.")
        }
        if output == nil && !dryRun {
            throw ValidationError("Please name the output file with --output OUT.csv (or use --dry-run to validate only).")
        }
    }

    func run() throws {
        for file in files where !FileManager.default.fileExists(atPath: file) {
            Diagnostics.error("\(file): no such file.")
            throw KortlaegExit.noInput
        }
        let catalog = try instruments.catalog()
        let profiles: MappingProfileCatalog
        let chosen: MappingProfile?
        do {
            profiles = try MappingProfileCatalog.load(directory: instruments.resolvedDirectory() + "/profiles")
            chosen = try profile.map(profiles.resolve)
        } catch {
            throw ValidationError(error.description)
        }
        let job = ImportJob(profile: chosen, profiles: profiles, catalog: catalog, instrument: instrument)
        if let path = project.path {
            return try runProject(path, job: job, chosen: chosen, catalog: catalog)
        }
        let sink = ImportOutput(path: dryRun ? nil : output, score: score, language: lang)
        let rejectsPath = dryRun ? nil : (rejects ?? output.map(Score.defaultRejectsPath))
        let report = ImportRejects(path: rejectsPath)

        var failed = 0
        var rejected = 0
        for file in files {
            let result: ImportFileReport
            do {
                try sink.beginFile()
                result = try job.run(file: file, accept: { try sink.write($0, instrument: $1) },
                                     reject: { try report.add($0) },
                                     instrumentChosen: { try sink.prepare(for: $0, file: file) },
                                     progress: { Diagnostics.progress("\(file): \($0) records read") })
                Diagnostics.endProgress()
            } catch {
                Diagnostics.error("\(error)")
                throw KortlaegExit.cannotCreate
            }
            describe(result, chosen: chosen)
            if let failure = result.failure {
                failed += 1
                sink.discardFile()
                Diagnostics.error(failure)
                Diagnostics.note("\(file): not imported; records read before the problem: \(result.read)")
                continue
            }
            do { try sink.commitFile() } catch {
                Diagnostics.error("cannot write \(output ?? ""): \(error)")
                throw KortlaegExit.cannotCreate
            }
            rejected += result.rejected
            Diagnostics.note("\(file): records read \(result.read), accepted \(result.accepted), rejected \(result.rejected), without answers \(result.empty)")
        }
        do {
            try sink.finish()
            try report.finish()
        } catch {
            Diagnostics.error("\(error)")
            throw KortlaegExit.cannotCreate
        }
        if dryRun { Diagnostics.note("dry run: nothing written") }
        if rejected > 0, let rejectsPath { Diagnostics.note("rejected records are listed in \(rejectsPath)") }
        if failed > 0 { throw KortlaegExit.dataError }
        if rejected > 0 { throw KortlaegExit.rowsRejected }
    }

    /// Reports on stderr how a file was read: its kind, the profile and instrument, the notes.
    func describe(_ result: ImportFileReport, chosen: MappingProfile?) {
        let file = result.file
        if let recognition = result.recognition {
            Diagnostics.note("\(file): \(recognition.kind) (\(recognition.evidence))")
        }
        if let profileID = result.profile {
            Diagnostics.note("\(file): profile \(profileID)\(chosen == nil ? " (chosen for this kind of file)" : ""), instrument \(result.instrument ?? "?")")
        }
        for note in result.notes { Diagnostics.note("\(file): \(note)") }
    }
}

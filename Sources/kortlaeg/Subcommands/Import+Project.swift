import ArgumentParser
import KortlaegProject

// MARK: - kortlaeg import --project

extension Import {
    /// Imports every file into the project store: one transaction per file, re-imports are
    /// no-ops, conflicts refuse the file (exit 4) unless `--replace`. The worst outcome decides
    /// the exit code.
    func runProject(_ path: String, catalog: InstrumentCatalog, profiles: String) throws {
        var request = ProjectImport.Request(project: path, files: files, instruments: catalog, profilesDirectory: profiles,
                                            operator: projectImport.operatorOption.resolved)
        request.profile = profile
        request.instrument = instrument
        request.idColumn = id
        request.missingCodes = missingCodes.flatMap(MissingCode.list)
        request.columns = try columnOverrides()
        request.sheet = sheet
        request.occasion = projectImport.occasion.flatMap(Occasion.init)
        request.scoring = try projectImport.scoring()
        request.replace = projectImport.replace
        request.dryRun = dryRun
        request.rejects = rejects
        request.site = site
        let result = try KortlaegExit.run(in: Self.self) { () throws(KortlaegError) in try ProjectImport.run(request, sink: StderrSink.shared) }
        try KortlaegExit.finish(result.severity)
    }
}

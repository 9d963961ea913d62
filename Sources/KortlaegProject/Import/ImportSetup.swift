import Foundation
import KortlaegReaders

/// What both imports (to a file and into a project) start with: the files exist, the mapping
/// profiles are loaded, the user's profile is resolved, and the import job is made.
struct ImportSetup {
    /// The job that reads each file.
    var job: ImportJob
    /// The profile the user named, if any (else one is chosen per file).
    var chosen: MappingProfile?

    /// Checks the files and prepares the job.
    /// - Throws: ``KortlaegError`` with ``Severity/notFound`` naming the first missing file;
    ///   ``Severity/usage`` when the profiles cannot be loaded or `profile` names none of them.
    init(files: [String], instruments: InstrumentCatalog, profilesDirectory: String, profile: String?,
         instrument: String?) throws(KortlaegError) {
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw KortlaegError(.notFound, "\(file): no such file.")
        }
        let profiles: MappingProfileCatalog
        do {
            profiles = try MappingProfileCatalog.load(directory: profilesDirectory)
            chosen = try profile.map(profiles.resolve)
        } catch {
            throw KortlaegError(.usage, error.description)
        }
        job = ImportJob(profile: chosen, profiles: profiles, catalog: instruments, instrument: instrument)
    }

    /// The summary of a file the job read.
    func summary(_ report: ImportFileReport) -> ImportFileSummary {
        ImportFileSummary(report, profileChosenForFile: chosen == nil)
    }
}

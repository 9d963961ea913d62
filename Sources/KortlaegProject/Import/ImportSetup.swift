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
         instrument: String?, idColumn: String? = nil, missingCodes: [MissingCode] = [],
         columns: [String: String] = [:], sheet: String? = nil, mappingProfile: MappingProfile? = nil) throws(KortlaegError) {
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw KortlaegError(.notFound, "\(file): no such file.")
        }
        let profiles: MappingProfileCatalog
        do {
            profiles = try MappingProfileCatalog.load(directory: profilesDirectory)
            if let mappingProfile { chosen = mappingProfile } else { chosen = try profile.map(profiles.resolve) }
        } catch {
            throw KortlaegError(.usage, error.description)
        }
        job = ImportJob(profile: chosen, profiles: profiles, catalog: instruments, instrument: instrument)
        job.idColumn = idColumn
        job.missingCodes = missingCodes
        job.sheet = sheet
        for attribute in columns.keys where !ImportJob.columnAttributes.contains(attribute) {
            let hint = closestName(attribute, in: ImportJob.columnAttributes).map { " Did you mean '\($0)'?" } ?? ""
            throw KortlaegError(.usage, "--column \(attribute)=…: unknown attribute.\(hint) Expected one of \(ImportJob.columnAttributes.joined(separator: ", ")).")
        }
        job.columns = columns
    }

    /// The summary of a file the job read.
    func summary(_ report: ImportFileReport) -> ImportFileSummary {
        ImportFileSummary(report, profileChosenForFile: chosen == nil)
    }
}

/// The candidate closest to `name` (case ignored), within two edits.
private func closestName(_ name: String, in candidates: [String]) -> String? {
    candidates.first { $0.lowercased() == name.lowercased() }
        ?? candidates.first { $0.lowercased().hasPrefix(name.lowercased()) || name.lowercased().hasPrefix($0.lowercased()) }
}

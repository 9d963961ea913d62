/// Why the store could not do what was asked, in words a PPR employee can act on.
/// Messages never contain a raw child id or a CPR number.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `init` was pointed at an existing file.
    case alreadyExists(path: String)
    /// The project file does not exist.
    case notFound(path: String)
    /// The file is not a Kortlæg project (or is damaged).
    case notAProject(path: String, reason: String)
    /// The project was made by a newer Kortlæg.
    case newerSchema(path: String, unknownMigrations: [String])
    /// A response names an instrument version that is not in the instrument files.
    case unknownInstrument(reference: String, reason: String)
    /// The recorded rule choices no longer fit the instrument.
    case scoringOptions(reference: String, reason: String)
    /// An empty child id.
    case emptyChildID(row: Int)
    /// The database reported an error.
    case database(String)
    /// An audit entry would have contained a CPR-shaped number; nothing was written.
    case cprInAuditText
    /// Another run holds the project for writing and did not let go within `waitedSeconds`;
    /// `holder` describes it when the backend can tell (`process 1234: kortlaeg import a.csv`).
    case busy(path: String, holder: String?, waitedSeconds: Int)
    /// The store failed its integrity check; nothing is written to a damaged store.
    case damaged(path: String, problems: [String])
    /// The store cannot be written: `reason` is "the disk is full", "no permission", ….
    case cannotWrite(path: String, reason: String)
    /// No import has this id (`kortlaeg imports` lists them).
    case importNotFound(id: Int64)
    /// The import was removed before.
    case importAlreadyRemoved(id: Int64, fileName: String, removedAt: String)

    public var description: String {
        switch self {
        case let .alreadyExists(path):
            return "\(path) already exists. 'kortlaeg init' never overwrites a project; choose a new path or remove the old file yourself."
        case let .notFound(path):
            return "No project at \(path). Create one with 'kortlaeg init \(path)'."
        case let .notAProject(path, reason):
            return "\(path) is not a Kortlæg project (\(reason))."
        case let .newerSchema(path, unknown):
            return "\(path) was made by a newer Kortlæg (schema steps \(unknown.joined(separator: ", "))). Please update Kortlæg."
        case let .unknownInstrument(reference, reason):
            return "Instrument \(reference) is not available (\(reason)). Point --instruments at the folder with its file."
        case let .scoringOptions(reference, reason):
            return "Scoring options for \(reference): \(reason)"
        case let .emptyChildID(row):
            return "Row \(row) has an empty child id."
        case let .database(message):
            return "The project store reported an error: \(message)"
        case .cprInAuditText:
            return "An audit log entry would have contained a CPR-shaped number, so it was not written. Check the file names and filters given."
        case let .busy(path, holder, waited):
            let who = holder.map { " (\($0))" } ?? ""
            return "\(path) is being written by another Kortlæg run\(who); waited \(waited) s. Try again when it has finished."
        case let .damaged(path, problems):
            let shown = problems.prefix(3).joined(separator: "; ")
            return "\(path) is damaged (\(shown)\(problems.count > 3 ? "; …" : "")). Nothing was written. Restore the last backup ('kortlaeg backup' makes one) and import the newer files again."
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)."
        case let .importNotFound(id):
            return "The project has no import \(id). 'kortlaeg imports --project P' lists the imports with their numbers."
        case let .importAlreadyRemoved(id, fileName, removedAt):
            return "Import \(id) (\(fileName)) was already removed at \(removedAt); nothing was changed."
        }
    }
}

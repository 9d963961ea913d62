/// Why a file cannot go into a project at all; nothing from it is stored.
enum ProjectImportError: Error, CustomStringConvertible {
    /// A record names no occasion and no fallback occasion was given. The whole file is refused:
    /// storing the other records would make a second run with an occasion "already imported".
    case noOccasion(file: String, location: String)
    /// The file cannot be read as a whole (the import job's failure message).
    case unreadable(String)
    /// The rejects report cannot be written.
    case rejectsReport(String)

    var description: String {
        switch self {
        case let .noOccasion(file, location):
            return "\(file): \(location) names no occasion; please give --occasion T1, F1, F2, … or T2 (or name the occasion in the file). Nothing from \(file) was imported."
        case let .unreadable(message), let .rejectsReport(message):
            return message
        }
    }
}

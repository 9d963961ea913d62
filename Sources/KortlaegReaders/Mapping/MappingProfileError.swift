/// A mapping profile that cannot be read or does not fit its instrument.
public enum MappingProfileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file cannot be read or decoded.
    case unreadable(path: String, reason: String)
    /// No profile has this id.
    case unknownProfile(name: String, suggestion: String?, known: [String])
    /// The profile names an item the instrument does not have.
    case unknownItem(profile: String, item: String, instrument: String, suggestion: String?)
    /// Two lines of the profile map to the same item.
    case duplicateItem(profile: String, item: String)
    /// An answer map sends a text to a code the item's answer scale does not have.
    case invalidCode(profile: String, item: String, code: Int, valid: [Int])
    /// The profile is for another kind of file.
    case wrongSource(profile: String, expected: SourceKind, found: SourceKind)

    /// A message naming the file or profile and what to change.
    public var description: String {
        switch self {
        case let .unreadable(path, reason):
            return "\(path): cannot read the mapping profile: \(reason)."
        case let .unknownProfile(name, suggestion, known):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "no mapping profile '\(name)'.\(hint) Known profiles: \(known.joined(separator: ", ")); or give the path of a profile file."
        case let .unknownItem(profile, item, instrument, suggestion):
            let hint = suggestion.map { " Did you mean '\($0)'?" } ?? ""
            return "profile \(profile): item '\(item)' is not an item of \(instrument).\(hint)"
        case let .duplicateItem(profile, item):
            return "profile \(profile): item '\(item)' is mapped more than once; expected one source field per item."
        case let .invalidCode(profile, item, code, valid):
            return "profile \(profile): item '\(item)': code \(code) is not on its answer scale; expected one of \(valid.map(String.init).joined(separator: ", "))."
        case let .wrongSource(profile, expected, found):
            return "profile \(profile) is for a \(expected) but the file is a \(found); choose a profile for \(found) files."
        }
    }
}

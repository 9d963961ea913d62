/// Who answers a questionnaire.
public enum Informant: String, Codable, Sendable, CaseIterable {
    /// The child or young person (self-report).
    case child
    /// A parent or carer.
    case parent
    /// A teacher or pedagogue.
    case teacher
    /// A professional (PPR psychologist, social worker) filling in a form about the child.
    case professional

    /// The Danish name used in reports.
    public var danishName: String {
        switch self {
        case .child: "barn"
        case .parent: "forælder"
        case .teacher: "lærer/pædagog"
        case .professional: "fagperson"
        }
    }
}

extension Informant {
    /// The names a user may write for each informant, lowercased: the English id, the Danish
    /// name, and the Danish name spelt without æ, ø, å.
    static let names: [String: Informant] = [
        "child": .child, "barn": .child, "elev": .child, "self": .child,
        "parent": .parent, "forælder": .parent, "foraelder": .parent, "forældre": .parent, "foraeldre": .parent,
        "teacher": .teacher, "lærer": .teacher, "laerer": .teacher, "pædagog": .teacher, "paedagog": .teacher,
        "lærer/pædagog": .teacher,
        "professional": .professional, "fagperson": .professional,
    ]

    /// The informant a user names in English (`parent`) or Danish (`forælder`, `foraelder`,
    /// `lærer`, `laerer`, `barn`, `fagperson`), case ignored.
    public init?(name: String) {
        guard let informant = Self.names[name.lowercased()] else { return nil }
        self = informant
    }
}

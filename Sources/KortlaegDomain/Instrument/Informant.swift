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
